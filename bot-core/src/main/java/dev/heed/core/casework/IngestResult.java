package dev.heed.core.casework;

import java.util.Objects;

/**
 * What ingesting one post did.
 *
 * @param status whether the post opened a case, was already known, or attached to an existing case
 * @param caseId the case that holds the post
 */
public record IngestResult(Status status, long caseId) {

    public enum Status {
        /** A new case was opened. */
        CREATED,
        /** The same post (source and native id) was ingested before; nothing changed. */
        DUPLICATE,
        /** A follow-up by the same author in the same conversation joined the open case. */
        ATTACHED,
        /** A follow-up reopened a case that had been responded to or resolved, with a next-response deadline. */
        REOPENED
    }

    public IngestResult {
        Objects.requireNonNull(status, "status");
    }

    /** Whether this call changed anything. */
    public boolean isNew() {
        return status != Status.DUPLICATE;
    }
}
