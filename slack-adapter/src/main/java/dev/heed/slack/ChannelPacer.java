package dev.heed.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Paces new messages per channel (Slack allows about one a second, with short bursts). Never sleeps. A token bucket
 * of {@code burst} messages refilled at one per {@code every}, counted on the messages that really go out, so the
 * pace holds however late a turned-away send comes back. A send that must wait gets a slot and is told how long;
 * while sends whose slot has come are waiting, a newcomer waits behind them, so a burst drains roughly in order.
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
        Channel state = channels.computeIfAbsent(channel, c -> new Channel(now, burst));
        state.forgetOld(now.minus(every.multipliedBy(120)));
        state.refill(now, every, burst);
        Instant reserved = state.reservations.get(key);
        if (reserved != null && now.isBefore(reserved)) {
            return Duration.between(now, reserved);
        }
        boolean othersDue = state.reservations.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(key) && !e.getValue().isAfter(now));
        if (state.tokens >= 1 && (reserved != null || !othersDue)) {
            state.tokens -= 1;
            state.reservations.remove(key);
            return null;
        }
        Instant tokenAt = now.plusNanos((long) ((1 - Math.min(1, state.tokens)) * every.toNanos()));
        Instant slot = state.lastSlot == null || tokenAt.isAfter(state.lastSlot.plus(every))
                ? tokenAt
                : state.lastSlot.plus(every);
        if (!slot.isAfter(now)) {
            slot = now.plus(every);
        }
        state.lastSlot = slot;
        state.reservations.put(key, slot);
        return Duration.between(now, slot);
    }

    private static final class Channel {
        double tokens;
        Instant refilled;
        Instant lastSlot;
        final Map<String, Instant> reservations = new HashMap<>();

        Channel(Instant now, int burst) {
            this.tokens = burst;
            this.refilled = now;
        }

        void refill(Instant now, Duration every, int burst) {
            if (now.isAfter(refilled)) {
                double gained = (double) Duration.between(refilled, now).toNanos() / every.toNanos();
                tokens = Math.min(burst, tokens + gained);
                refilled = now;
            }
        }

        void forgetOld(Instant before) {
            for (Iterator<Instant> it = reservations.values().iterator(); it.hasNext(); ) {
                if (it.next().isBefore(before)) {
                    it.remove();
                }
            }
            if (lastSlot != null && lastSlot.isBefore(before)) {
                lastSlot = null;
            }
        }
    }
}
