package dev.heed.core.sla;

import java.time.Duration;
import java.time.Instant;

/** How time is counted for a deadline: on the wall clock, or only while the business is open. */
public interface Timeline {

    /** Plain instant arithmetic: every second counts. */
    Timeline WALL_CLOCK = WallClock.INSTANCE;

    /** The instant reached after {@code amount} of counted time from {@code from}; {@code amount} not negative. */
    Instant plus(Instant from, Duration amount);

    /** Counted time in {@code [from, to)}; negative when {@code to} is before {@code from}. */
    Duration between(Instant from, Instant to);
}
