package dev.heed.app.health;

import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.delivery.OutboxStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The chat delivery backlog as gauges, under {@code /actuator/metrics}: {@code heed.outbox.backlog} (rows waiting to
 * reach chat), {@code heed.outbox.failing} (rows whose last attempt failed and wait for a retry) and
 * {@code heed.outbox.oldest.age.seconds} (how long the oldest waiting row has waited; 0 when none waits). Each read
 * asks the database; while it is unreachable the gauges read NaN.
 */
@Component
class OutboxMetrics implements MeterBinder {
    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    OutboxMetrics(OutboxDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "heed.outbox.backlog", "chat messages waiting in the outbox", "messages", s -> s.pending());
        gauge(
                registry,
                "heed.outbox.failing",
                "outbox rows whose last delivery attempt failed and wait for a retry",
                "messages",
                s -> s.failing());
        gauge(
                registry,
                "heed.outbox.oldest.age.seconds",
                "how long the oldest waiting chat message has waited",
                "seconds",
                this::oldestAgeSeconds);
    }

    private double oldestAgeSeconds(OutboxStatus status) {
        if (status.oldestCreatedAt() == null) {
            return 0;
        }
        Duration age = Duration.between(status.oldestCreatedAt(), clock.instant());
        return Math.max(0, age.toMillis() / 1000.0);
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            String description,
            String unit,
            ToDoubleFunction<OutboxStatus> value) {
        Gauge.builder(name, dispatcher, d -> value.applyAsDouble(d.status()))
                .description(description)
                .baseUnit(unit)
                .strongReference(true)
                .register(registry);
    }
}
