package dev.heed.core.chat;

import java.util.Objects;

/**
 * Context of one delivery of an outbox row, so that an adapter can make its send exactly-once.
 *
 * @param key stable per outbox row, at most 25 characters (fits a Discord nonce; Slack sends it as metadata)
 * @param attempt 1 for the first try
 * @param mayHaveBeenDelivered an earlier attempt was started but its result never recorded (a crash or a time-out):
 *     the adapter should look for an already-posted message carrying {@code key} before posting again
 */
public record DeliveryAttempt(String key, int attempt, boolean mayHaveBeenDelivered) {
    public DeliveryAttempt {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > 25) {
            throw new IllegalArgumentException("delivery key must be 1..25 characters: " + key);
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
    }
}
