package dev.heed.core.sla;

/** How a {@link DeadlinePolicy} turns a response target into a due instant. */
public enum ClockMode {
    /**
     * The target depends on whether the post arrived inside business hours (in-hours or out-of-hours column), and
     * {@link ResponseTarget.Within} durations run on the wall clock.
     */
    ARRIVAL,
    /**
     * The in-hours target is always used, and {@link ResponseTarget.Within} durations run only inside business hours:
     * 30 min from 17:20 on a Friday (hours 09:00-17:30 Mon-Fri) is due Monday 09:20.
     */
    BUSINESS_TIME
}
