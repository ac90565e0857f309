package dev.heed.discord;

import dev.heed.core.chat.ChatDeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-channel pacing on top of JDA's own rate-limit handling: at most {@code limit} messages per channel in any
 * {@code window}. An extra message is not delayed here (the outbox thread never sleeps): it is refused with a
 * {@link ChatDeliveryException} whose {@code retryAfter} says when the channel has room again, and the outbox keeps
 * the row until then.
 */
final class ChannelPacer {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<Long, Deque<Instant>> sent = new HashMap<>();

    ChannelPacer(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Takes one slot in {@code channelId}'s window, or throws when the window is full. */
    synchronized void acquire(long channelId) {
        Instant now = clock.instant();
        Deque<Instant> times = sent.computeIfAbsent(channelId, c -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            throw ChatDeliveryException.paced(
                    "Discord channel " + channelId + " is paced: " + limit + " messages per " + window, wait);
        }
        times.addLast(now);
    }
}
