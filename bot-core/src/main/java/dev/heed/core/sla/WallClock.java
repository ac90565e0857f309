package dev.heed.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The wall-clock timeline behind {@link Timeline#WALL_CLOCK}. */
enum WallClock implements Timeline {
    INSTANCE;

    @Override
    public Instant plus(Instant from, Duration amount) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        return from.plus(amount);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return Duration.between(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    @Override
    public String toString() {
        return "wall clock";
    }
}
