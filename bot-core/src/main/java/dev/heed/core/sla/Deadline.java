package dev.heed.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a first response is due, and how the time towards it is counted.
 *
 * @param start when the clock started (usually the post's arrival)
 * @param due when the first response is due; not before {@code start}
 * @param timeline how time to the deadline is measured (wall clock, or business hours)
 */
public record Deadline(Instant start, Instant due, Timeline timeline) {
    public Deadline {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(timeline, "timeline");
        if (due.isBefore(start)) {
            throw new IllegalArgumentException("due " + due + " must not be before start " + start);
        }
    }

    /** The time from start to due, measured on the timeline. */
    public Duration length() {
        return timeline.between(start, due);
    }

    /** Time left until due, measured on the timeline; negative once past due. */
    public Duration remaining(Instant now) {
        return timeline.between(now, due);
    }

    /** True at and after the due instant. */
    public boolean isBreachedAt(Instant now) {
        return !now.isBefore(due);
    }
}
