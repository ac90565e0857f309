package dev.heed.core.delivery;

import java.time.Instant;

/**
 * The outbox backlog, for health checks and metrics.
 *
 * @param pending rows waiting to be delivered
 * @param failing rows whose last attempt failed
 * @param oldestCreatedAt when the oldest pending row was written, or null when none is pending
 * @param lastError the most recent delivery error, or null
 */
public record OutboxStatus(long pending, long failing, Instant oldestCreatedAt, String lastError) {

    OutboxStatus withLastError(String error) {
        return new OutboxStatus(pending, failing, oldestCreatedAt, error);
    }

    /** Delivery is degraded when something failed and is waiting for a retry. */
    public boolean degraded() {
        return failing > 0;
    }
}
