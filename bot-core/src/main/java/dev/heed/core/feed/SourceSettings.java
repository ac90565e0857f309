package dev.heed.core.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine runs one source.
 *
 * @param interval time between polls while the source works
 * @param lookBack on first connect, how far back to deliver posts (so a fresh install does not flood the channel)
 * @param silentAfter alert the team when the source has delivered nothing for this long; null: never
 * @param maxPagesPerPoll pages fetched back to back in one poll before the next tick takes over
 */
public record SourceSettings(Duration interval, Duration lookBack, Duration silentAfter, int maxPagesPerPoll) {
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofHours(24);

    public SourceSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(lookBack, "lookBack");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (lookBack.isNegative()) {
            throw new IllegalArgumentException("lookBack must not be negative");
        }
        if (silentAfter != null && (silentAfter.isNegative() || silentAfter.isZero())) {
            throw new IllegalArgumentException("silentAfter must be positive or null");
        }
        if (maxPagesPerPoll < 1) {
            throw new IllegalArgumentException("maxPagesPerPoll must be at least 1");
        }
    }

    public static SourceSettings every(Duration interval) {
        return new SourceSettings(interval, DEFAULT_LOOK_BACK, null, 10);
    }

    public SourceSettings withLookBack(Duration value) {
        return new SourceSettings(interval, value, silentAfter, maxPagesPerPoll);
    }

    public SourceSettings withSilentAfter(Duration value) {
        return new SourceSettings(interval, lookBack, value, maxPagesPerPoll);
    }
}
