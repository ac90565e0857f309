package dev.heed.core.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the nudges fall on the way to a deadline.
 *
 * @param reminderAt fraction of the time to due at which a quiet reminder goes out; 0 means no reminder
 * @param warningAt fraction of the time to due at which the owner is warned (above {@code reminderAt}, at most 1)
 * @param warningBefore warn at the latest this long before due, measured on the deadline's timeline (not negative)
 * @param repeatEvery wall-clock interval between repeats of the breach notice (positive)
 * @param maxRepeats how many repeats after the breach notice (0 to 20)
 */
public record NudgeSettings(
        double reminderAt, double warningAt, Duration warningBefore, Duration repeatEvery, int maxRepeats) {

    public NudgeSettings {
        if (!(reminderAt >= 0 && reminderAt < 1)) {
            throw new IllegalArgumentException(
                    "reminderAt must be 0 (no reminder) or a fraction between 0 and 1, was " + reminderAt);
        }
        if (!(warningAt > reminderAt && warningAt <= 1)) {
            throw new IllegalArgumentException(
                    "warningAt must be above reminderAt (" + reminderAt + ") and at most 1, was " + warningAt);
        }
        Objects.requireNonNull(warningBefore, "warningBefore");
        if (warningBefore.isNegative()) {
            throw new IllegalArgumentException("warningBefore must not be negative, was " + warningBefore);
        }
        Objects.requireNonNull(repeatEvery, "repeatEvery");
        if (repeatEvery.isNegative() || repeatEvery.isZero()) {
            throw new IllegalArgumentException("repeatEvery must be positive, was " + repeatEvery);
        }
        if (maxRepeats < 0 || maxRepeats > 20) {
            throw new IllegalArgumentException("maxRepeats must be between 0 and 20, was " + maxRepeats);
        }
    }

    /** Reminder at half time, warning at 80% or 10 min before due, repeats every 30 min, at most 2. */
    public static NudgeSettings defaults() {
        return new NudgeSettings(0.5, 0.8, Duration.ofMinutes(10), Duration.ofMinutes(30), 2);
    }
}
