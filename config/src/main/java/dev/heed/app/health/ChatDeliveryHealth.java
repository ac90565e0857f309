package dev.heed.app.health;

import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.delivery.OutboxStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code chatDelivery}: DEGRADED while chat messages wait for a retry. */
@Component("chatDelivery")
class ChatDeliveryHealth extends AbstractHealthIndicator {
    static final Status DEGRADED = new Status("DEGRADED", "chat messages are waiting for a retry");

    private final OutboxDispatcher dispatcher;

    ChatDeliveryHealth(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxStatus status = dispatcher.status();
        builder.status(status.degraded() ? DEGRADED : Status.UP)
                .withDetail("backlog", status.pending())
                .withDetail("failing", status.failing());
        if (status.oldestCreatedAt() != null) {
            builder.withDetail("oldestQueuedAt", status.oldestCreatedAt().toString());
        }
        if (status.lastError() != null) {
            builder.withDetail("lastError", status.lastError());
        }
    }
}
