package dev.heed.core.casework;

import java.time.Duration;
import java.util.Objects;

/**
 * When a stream (one source into one channel) becomes a storm, and when the storm is over.
 *
 * @param enabled false keeps one card per case whatever the rate
 * @param threshold a stream with more than this many new cases within {@code window} is a storm
 * @param window the sliding period the threshold counts over
 * @param quietAfter the storm ends once no new case found the stream above the threshold for this long
 */
public record StormSettings(boolean enabled, int threshold, Duration window, Duration quietAfter) {
    /** Cases listed per thread message (fits Discord's 25 buttons and 2,000 characters, Slack's 50 blocks). */
    public static final int LIST_SIZE = 20;
    /** A thread message of fewer than {@link #LIST_SIZE} cases waits this long for more. */
    public static final Duration LIST_EVERY = Duration.ofSeconds(3);
    /** The storm card is edited at most once per this period, however many cases join. */
    public static final Duration EDIT_EVERY = Duration.ofSeconds(5);

    public StormSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(quietAfter, "quietAfter");
        if (threshold < 1) {
            throw new IllegalArgumentException("storm threshold must be at least 1: " + threshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("storm window must be positive: " + window);
        }
        if (quietAfter.compareTo(window) < 0) {
            throw new IllegalArgumentException(
                    "storm quiet-after (" + quietAfter + ") must be at least the window (" + window + ")");
        }
    }

    /** More than 20 new cases in 5 minutes starts a storm; 10 quiet minutes end it. */
    public static StormSettings defaults() {
        return new StormSettings(true, 20, Duration.ofMinutes(5), Duration.ofMinutes(10));
    }

    public static StormSettings off() {
        return new StormSettings(false, 20, Duration.ofMinutes(5), Duration.ofMinutes(10));
    }
}
