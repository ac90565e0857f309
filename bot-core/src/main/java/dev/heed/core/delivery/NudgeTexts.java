package dev.heed.core.delivery;

import dev.heed.core.chat.HumanDuration;
import dev.heed.core.model.Kind;
import dev.heed.core.sla.NudgeLevel;
import java.time.Duration;

/** The platform-neutral sentence of a nudge; adapters add mentions and their own time tokens. */
final class NudgeTexts {
    private NudgeTexts() {}

    static String text(NudgeLevel level, Kind kind, Duration remaining) {
        String what = "this " + kind.word();
        return switch (level) {
            case REMINDER -> "Reminder: " + what + " is waiting for a response, due in " + human(remaining) + ".";
            case WARNING ->
                remaining.isNegative()
                        ? "This " + kind.word() + " is past its deadline."
                        : human(remaining) + " left to answer " + what + ".";
            case BREACH ->
                "Deadline missed: " + what + " has had no response"
                        + (remaining.compareTo(Duration.ofMinutes(-1)) <= 0
                                ? ", " + human(remaining.negated()) + " past its deadline."
                                : ".");
            case REPEAT -> "Still no response to " + what + ", " + human(remaining.negated()) + " past its deadline.";
        };
    }

    static String human(Duration duration) {
        return HumanDuration.of(duration);
    }
}
