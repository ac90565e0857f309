package dev.heed.core.sla;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** How soon a post should get its first response: a duration, close of business, next business day, or never. */
public sealed interface ResponseTarget {

    /** The forms {@link #parse} accepts, for error messages. */
    String ACCEPTED_FORMS = "an ISO-8601 duration (PT30M), a short duration (30m, 2h, 1h30m, 45s, 1d),"
            + " close-of-business, next-business-day (opening + 1h30m),"
            + " next-business-day+<duration> (e.g. next-business-day+2h), none";

    /** For humans: {@code 30 min}, {@code close of business}, ... */
    String describe();

    /**
     * Within a fixed amount of time, counted on the wall clock or in business time depending on the
     * {@link ClockMode}.
     */
    record Within(Duration duration) implements ResponseTarget {
        public Within {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("response target duration must be positive: " + duration);
            }
        }

        @Override
        public String describe() {
            return Durations.describe(duration);
        }
    }

    /** By the end of the business day the post arrived in (or of the next one, outside hours). */
    record CloseOfBusiness() implements ResponseTarget {
        @Override
        public String describe() {
            return "close of business";
        }
    }

    /**
     * On the next business day, {@code afterOpening} of business time after it opens ({@code PT1H30M} is
     * mid-morning).
     */
    record NextBusinessDay(Duration afterOpening) implements ResponseTarget {
        /** Mid-morning: an hour and a half after opening. */
        public static final Duration MID_MORNING = Duration.ofMinutes(90);

        public NextBusinessDay {
            Objects.requireNonNull(afterOpening, "afterOpening");
            if (afterOpening.isNegative()) {
                throw new IllegalArgumentException("afterOpening must not be negative: " + afterOpening);
            }
        }

        /** Next business day, mid-morning. */
        public NextBusinessDay() {
            this(MID_MORNING);
        }

        @Override
        public String describe() {
            return afterOpening.isZero()
                    ? "next business day, at opening"
                    : "next business day, " + Durations.describe(afterOpening) + " after opening";
        }
    }

    /** No deadline: the post is tracked but never nudged. */
    record None() implements ResponseTarget {
        @Override
        public String describe() {
            return "no deadline";
        }
    }

    /**
     * Parses {@code PT30M}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 45s}, {@code 1d}, {@code close-of-business},
     * {@code next-business-day}, {@code next-business-day+2h} or {@code none} (case-insensitive).
     *
     * @throws IllegalArgumentException for anything else, listing the accepted forms
     */
    static ResponseTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("response target is missing; accepted forms: " + ACCEPTED_FORMS);
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        String nextBusinessDay = "next-business-day";
        if (s.equals("none")) {
            return new None();
        }
        if (s.equals("close-of-business")) {
            return new CloseOfBusiness();
        }
        if (s.equals(nextBusinessDay)) {
            return new NextBusinessDay();
        }
        if (s.startsWith(nextBusinessDay + "+")) {
            Duration after =
                    Durations.parse(s.substring(nextBusinessDay.length() + 1).strip());
            if (after == null) {
                throw unknown(text);
            }
            return new NextBusinessDay(after);
        }
        Duration duration = Durations.parse(s);
        if (duration == null) {
            throw unknown(text);
        }
        return new Within(duration);
    }

    private static IllegalArgumentException unknown(String text) {
        return new IllegalArgumentException(
                "unknown response target '" + text + "'; accepted forms: " + ACCEPTED_FORMS);
    }
}
