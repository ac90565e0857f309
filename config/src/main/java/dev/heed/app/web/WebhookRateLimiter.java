package dev.heed.app.web;

import dev.heed.app.HeedProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per webhook source: it holds up to {@code heed.webhook.rate-limit.requests} tokens and refills
 * continuously at that many per {@code heed.webhook.rate-limit.per}; each accepted request takes one. Time comes
 * from the injected clock. Only configured sources get a bucket (the controller checks the source and its token
 * first), so the map cannot be grown by strangers.
 */
@Component
class WebhookRateLimiter {
    private final Clock clock;
    private final int capacity;
    private final long perNanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    WebhookRateLimiter(HeedProperties properties, Clock clock) {
        this.clock = clock;
        this.capacity = properties.webhook().rateLimit().requests();
        this.perNanos = properties.webhook().rateLimit().per().toNanos();
    }

    /** Takes a token for {@code source}; empty when allowed, else how long until the next token. */
    Optional<Duration> acquire(String source) {
        return buckets.computeIfAbsent(source, s -> new Bucket(capacity, clock.instant()))
                .take(clock.instant());
    }

    private final class Bucket {
        private double tokens;
        private Instant refilledAt;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Optional<Duration> take(Instant now) {
            if (now.isAfter(refilledAt)) {
                double elapsed = Duration.between(refilledAt, now).toNanos();
                tokens = Math.min(capacity, tokens + elapsed * capacity / perNanos);
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) * perNanos / capacity)));
        }
    }
}
