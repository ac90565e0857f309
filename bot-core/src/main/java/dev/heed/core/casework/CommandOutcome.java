package dev.heed.core.casework;

import dev.heed.core.chat.CaseView;
import java.util.Objects;

/**
 * What a command did, for an adapter to render.
 *
 * @param status whether it changed the case, changed nothing, was refused or found no case
 * @param message one human sentence, e.g. "Claimed by Ana." or "Already claimed by Ben."
 * @param view the case as it is now, or null when there is no such case
 */
public record CommandOutcome(Status status, String message, CaseView view) {

    public enum Status {
        /** The case changed. */
        DONE,
        /** The command asked for what already was true (claiming a case you own). */
        UNCHANGED,
        /** The command is not allowed in the case's state; {@link #message()} says why. */
        REFUSED,
        /** There is no case with that number. */
        NOT_FOUND
    }

    public CommandOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public boolean changed() {
        return status == Status.DONE;
    }
}
