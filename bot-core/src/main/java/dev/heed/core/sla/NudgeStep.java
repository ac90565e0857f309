package dev.heed.core.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * One nudge in a plan.
 *
 * @param index position in the plan, from 0
 * @param level how loud it is
 * @param at when it is due to go out
 */
public record NudgeStep(int index, NudgeLevel level, Instant at) {
    public NudgeStep {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(at, "at");
    }
}
