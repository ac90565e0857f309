package dev.heed.core.casework;

import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.Priority;
import java.time.Instant;
import java.util.List;

/**
 * The mutable state of one case inside one transaction: loaded, changed by one command, saved with a version
 * check. Only this package changes it.
 */
final class CareCase {
    long id;
    Kind kind;
    double confidence;
    List<String> kindReasons;
    Priority priority;
    int priorityScore;
    List<String> priorityReasons;
    CaseState state;
    Instant snoozedUntil;
    MemberRef owner;
    String source;
    String authorKey;
    String threadKey;
    Instant detectedAt;
    Instant postedAt;
    Instant claimedAt;
    Instant firstResponseAt;
    Instant resolvedAt;
    Instant deadlineStart;
    Instant firstDueAt;
    Instant dueAt;
    int deadlineNo;
    int nudgeStep = -1;
    Instant nextNudgeAt;
    String replyText;
    String dismissReason;
    int followUps;
    int version;

    String ownerName() {
        return owner == null ? "nobody" : owner.displayName();
    }

    /** Stops every nudge: the case no longer waits for a response. */
    void stopNudges() {
        nextNudgeAt = null;
        snoozedUntil = null;
    }
}
