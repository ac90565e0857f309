package dev.heed.core.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox is delivered.
 *
 * @param batchSize rows taken per pass
 * @param firstRetry wait after the first failure; doubles with each further failure
 * @param maxRetry the longest wait between two tries
 * @param lease how long a started delivery may run before another dispatcher may take it over (it is then sent
 *     with {@code mayHaveBeenDelivered}, so the adapter can look for it before posting again)
 */
public record DispatchSettings(int batchSize, Duration firstRetry, Duration maxRetry, Duration lease) {
    public DispatchSettings {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(lease, "lease");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("need 0 < firstRetry <= maxRetry: " + firstRetry + ", " + maxRetry);
        }
        if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("lease must be at least 5 s: " + lease);
        }
    }

    public static DispatchSettings defaults() {
        return new DispatchSettings(200, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(2));
    }
}
