package dev.heed.core.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * When the business is open: a time zone, periods per weekday (which may cross midnight) and holidays. A period
 * belongs to the local date it starts on, and a holiday removes the periods that start on it. Period instants are
 * built with {@link ZonedDateTime#of}, so a time in a DST gap moves forward and a time in an overlap takes the
 * earlier offset. As a {@link Timeline} it counts only time inside periods.
 *
 * <p>Searches look at most {@value #MAX_SEARCH_DAYS} days ahead for the next period; a business closed for longer
 * than that (say, by a year of holidays) makes {@link #plus}, {@link #nextOpening} and friends throw
 * {@link IllegalStateException}.
 */
public final class BusinessHours implements Timeline {

    /** How many days ahead a search for the next open period goes before it gives up. */
    public static final int MAX_SEARCH_DAYS = 400;

    private static final Comparator<Interval> BY_START =
            Comparator.comparing(Interval::start).thenComparing(Interval::end);

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Period>> week;
    private final Set<LocalDate> holidays;

    /**
     * @param zone the business's time zone
     * @param week periods per weekday; a missing or empty day is closed; at least one period overall
     * @param holidays local dates whose periods do not run; null means none
     */
    public BusinessHours(ZoneId zone, Map<DayOfWeek, List<Period>> week, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(week, "week");
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        boolean anyOpen = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Period> periods = week.get(day);
            List<Period> sorted = periods == null
                    ? List.of()
                    : periods.stream()
                            .map(p -> Objects.requireNonNull(p, "period on " + day))
                            .sorted(Comparator.comparing(Period::start))
                            .toList();
            anyOpen |= !sorted.isEmpty();
            copy.put(day, sorted);
        }
        if (!anyOpen) {
            throw new IllegalArgumentException("business hours have no open period");
        }
        this.week = Collections.unmodifiableMap(copy);
        this.holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Open around the clock, every day. */
    public static BusinessHours alwaysOpen(ZoneId zone) {
        // Two touching halves per day: a single period cannot start and end at the same time.
        List<Period> day =
                List.of(new Period(LocalTime.MIDNIGHT, LocalTime.NOON), new Period(LocalTime.NOON, LocalTime.MIDNIGHT));
        EnumMap<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, day);
        }
        return new BusinessHours(zone, week, Set.of());
    }

    /** Open Monday to Friday from {@code open} to {@code close}, no holidays. */
    public static BusinessHours weekdays(ZoneId zone, LocalTime open, LocalTime close) {
        List<Period> day = List.of(new Period(open, close));
        EnumMap<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                week.put(d, day);
            }
        }
        return new BusinessHours(zone, week, Set.of());
    }

    /** The same week in the same zone with these holidays instead. */
    public BusinessHours withHolidays(Set<LocalDate> newHolidays) {
        return new BusinessHours(zone, week, newHolidays);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Periods per weekday, sorted by start; every weekday is present (closed days map to an empty list). */
    public Map<DayOfWeek, List<Period>> week() {
        return week;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** True when {@code t} lies inside a period (start inclusive, end exclusive). */
    public boolean isOpen(Instant t) {
        return openDayOf(t).isPresent();
    }

    /** {@code t} itself when open, otherwise the start of the next period. */
    public Instant nextOpening(Instant t) {
        Objects.requireNonNull(t, "t");
        if (isOpen(t)) {
            return t;
        }
        return nextInterval(t).start();
    }

    /**
     * The end of the last period of the business day {@code t} falls in; when {@code t} is outside hours, the close
     * of the business day of the next opening (so during a lunch break it is the same day's close).
     */
    public Instant closeOfBusiness(Instant t) {
        Objects.requireNonNull(t, "t");
        LocalDate day = openDayOf(t).orElseGet(() -> nextInterval(t).day());
        return intervalsStarting(day).stream()
                .map(Interval::end)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    /**
     * The first period start on a later local date than {@code t}'s business day. Inside hours, the business day is
     * the date the current period started on. Outside hours, {@code t} belongs to the business day that last opened
     * before it: at 07:00 on Monday (hours 09:00-17:30) the answer is Monday 09:00; during a lunch break, or in the
     * evening, it is the next day's opening.
     */
    public Instant openingOfNextBusinessDay(Instant t) {
        Objects.requireNonNull(t, "t");
        Optional<LocalDate> open = openDayOf(t);
        LocalDate day;
        if (open.isPresent()) {
            day = open.get();
        } else {
            Interval next = nextInterval(t);
            boolean dayAlreadyStarted = intervalsStarting(next.day()).stream()
                    .anyMatch(i -> !i.start().isAfter(t));
            if (!dayAlreadyStarted) {
                return next.start();
            }
            day = next.day();
        }
        for (int i = 1; i <= MAX_SEARCH_DAYS; i++) {
            List<Interval> intervals = intervalsStarting(day.plusDays(i));
            if (!intervals.isEmpty()) {
                return intervals.get(0).start();
            }
        }
        throw noPeriodAfter(t);
    }

    /** Adds business time: the clock runs only inside periods. Adding nothing returns {@code from}. */
    @Override
    public Instant plus(Instant from, Duration amount) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration remaining = amount;
        Instant counted = from; // time before this is either before from or already counted (overlapping periods)
        Cursor cursor = new Cursor(localDate(from).minusDays(2), null);
        for (Interval i = cursor.next(); i != null; i = cursor.next()) {
            Instant s = i.start().isAfter(counted) ? i.start() : counted;
            if (!i.end().isAfter(s)) {
                continue;
            }
            Duration available = Duration.between(s, i.end());
            if (remaining.compareTo(available) <= 0) {
                return s.plus(remaining);
            }
            remaining = remaining.minus(available);
            counted = i.end();
        }
        throw noPeriodAfter(from);
    }

    /** Business time inside {@code [from, to)}; negative when {@code to} is before {@code from}. */
    @Override
    public Duration between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        Instant counted = from;
        Cursor cursor = new Cursor(localDate(from).minusDays(2), localDate(to));
        for (Interval i = cursor.next(); i != null; i = cursor.next()) {
            if (!i.start().isBefore(to)) {
                break;
            }
            Instant s = i.start().isAfter(counted) ? i.start() : counted;
            Instant e = i.end().isBefore(to) ? i.end() : to;
            if (e.isAfter(s)) {
                total = total.plus(Duration.between(s, e));
                counted = e;
            }
        }
        return total;
    }

    /** The local date of the period containing {@code t} (the earliest, if periods overlap). */
    private Optional<LocalDate> openDayOf(Instant t) {
        Objects.requireNonNull(t, "t");
        LocalDate date = localDate(t);
        for (LocalDate day = date.minusDays(2); !day.isAfter(date); day = day.plusDays(1)) {
            for (Interval i : intervalsStarting(day)) {
                if (i.contains(t)) {
                    return Optional.of(day);
                }
            }
        }
        return Optional.empty();
    }

    /** The first period that ends after {@code t}. */
    private Interval nextInterval(Instant t) {
        Cursor cursor = new Cursor(localDate(t).minusDays(2), null);
        for (Interval i = cursor.next(); i != null; i = cursor.next()) {
            if (i.end().isAfter(t)) {
                return i;
            }
        }
        throw noPeriodAfter(t);
    }

    private IllegalStateException noPeriodAfter(Instant t) {
        return new IllegalStateException(
                "business hours have no open period within " + MAX_SEARCH_DAYS + " days after " + t);
    }

    private LocalDate localDate(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    /** The non-empty intervals of the periods starting on {@code date}, sorted by start. */
    private List<Interval> intervalsStarting(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Period> periods = week.get(date.getDayOfWeek());
        if (periods.isEmpty()) {
            return List.of();
        }
        List<Interval> result = new ArrayList<>(periods.size());
        for (Period p : periods) {
            Instant start = ZonedDateTime.of(date, p.start(), zone).toInstant();
            LocalDate endDate = p.crossesMidnight() ? date.plusDays(1) : date;
            Instant end = ZonedDateTime.of(endDate, p.end(), zone).toInstant();
            if (end.isAfter(start)) { // a period wholly inside a DST gap is empty
                result.add(new Interval(date, start, end));
            }
        }
        result.sort(BY_START);
        return result;
    }

    private record Interval(LocalDate day, Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /**
     * Walks the intervals in start order, day by day, up to a last start date; without one it gives up after
     * {@link #MAX_SEARCH_DAYS} days in a row without a period. Overlapping intervals are left to the caller.
     */
    private final class Cursor {
        private final PriorityQueue<Interval> queue = new PriorityQueue<>(BY_START);
        private final LocalDate last;
        private LocalDate nextDate;

        Cursor(LocalDate first, LocalDate last) {
            this.nextDate = first;
            this.last = last;
        }

        Interval next() {
            int emptyDays = 0;
            while (queue.isEmpty()) {
                if (last != null ? nextDate.isAfter(last) : emptyDays++ >= MAX_SEARCH_DAYS) {
                    return null;
                }
                load();
            }
            // A period starting on day d always starts before any period starting on day d + 2 (even when a DST
            // gap pushes its start past midnight), so loading one day beyond the head keeps the order right.
            LocalDate horizon = queue.peek().day().plusDays(1);
            while (!nextDate.isAfter(horizon) && (last == null || !nextDate.isAfter(last))) {
                load();
            }
            return queue.poll();
        }

        private void load() {
            queue.addAll(intervalsStarting(nextDate));
            nextDate = nextDate.plusDays(1);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessHours other
                && zone.equals(other.zone)
                && week.equals(other.week)
                && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, week, holidays);
    }

    @Override
    public String toString() {
        return "BusinessHours[" + zone + ", " + week + ", holidays="
                + holidays.stream().sorted().toList() + "]";
    }
}
