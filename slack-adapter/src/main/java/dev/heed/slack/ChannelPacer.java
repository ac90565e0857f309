package dev.heed.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Paces new messages per channel (Slack allows about one a second, with short bursts). Never sleeps: a send that
 * would exceed the pace gets a reserved slot and is told how long to wait; when it comes back at its slot it may
 * go, so each queued message is turned away at most once and a burst drains at the pace, in order of arrival.
 */
final class ChannelPacer {
    private final Clock clock;
    private final Duration every;
    private final int burst;
    private final Map<String, Channel> channels = new HashMap<>();

    ChannelPacer(Clock clock, Duration every, int burst) {
        this.clock = clock;
        this.every = every;
        this.burst = burst;
    }

    /** Null when {@code key} may post to {@code channel} now (and records it), else how long to wait. */
    synchronized Duration tryAcquire(String channel, String key) {
        Instant now = clock.instant();
        Channel state = channels.computeIfAbsent(channel, c -> new Channel());
        state.forgetOld(now.minus(every.multipliedBy(120)));
        Instant reserved = state.reservations.get(key);
        if (reserved != null) {
            if (!now.isBefore(reserved)) {
                state.reservations.remove(key);
                return null;
            }
            return Duration.between(now, reserved);
        }
        // A token bucket of `burst` messages refilled at one per `every`: nextFree is when the bucket is empty.
        Instant slot = later(state.nextFree.minus(every.multipliedBy(burst - 1L)), now);
        state.nextFree = later(state.nextFree, now).plus(every);
        if (!slot.isAfter(now)) {
            return null;
        }
        state.reservations.put(key, slot);
        return Duration.between(now, slot);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static final class Channel {
        Instant nextFree = Instant.EPOCH;
        final Map<String, Instant> reservations = new HashMap<>();

        void forgetOld(Instant before) {
            for (Iterator<Instant> it = reservations.values().iterator(); it.hasNext(); ) {
                if (it.next().isBefore(before)) {
                    it.remove();
                }
            }
        }
    }
}
