package dev.heed.core.sla;

import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business-hours period on one weekday, in local time. An {@code end} that is not after {@code start} crosses
 * midnight and ends on the next day ({@code 22:00-02:00}; {@code 09:00-00:00} runs until midnight). A period belongs
 * to the local date it starts on.
 *
 * @param start local opening time
 * @param end local closing time; at or before {@code start} means the next day
 */
public record Period(LocalTime start, LocalTime end) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a period must not start and end at the same time: " + start);
        }
    }

    /**
     * Parses {@code HH:mm-HH:mm}, e.g. {@code 09:00-17:30} or {@code 22:00-02:00}; {@code 24:00} is accepted as an end
     * and means midnight.
     */
    public static Period parse(String text) {
        String form = "expected HH:mm-HH:mm, e.g. 09:00-17:30 (an end at or before the start crosses midnight)";
        if (text == null) {
            throw new IllegalArgumentException("business-hours period is missing: " + form);
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid business-hours period '" + text + "': " + form);
        }
        LocalTime start = time(text, m.group(1), m.group(2), false, form);
        LocalTime end = time(text, m.group(3), m.group(4), true, form);
        try {
            return new Period(start, end);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid business-hours period '" + text + "': " + e.getMessage(), e);
        }
    }

    private static LocalTime time(String text, String hours, String minutes, boolean isEnd, String form) {
        int h = Integer.parseInt(hours);
        int min = Integer.parseInt(minutes);
        if (isEnd && h == 24 && min == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (h > 23 || min > 59) {
            throw new IllegalArgumentException("invalid business-hours period '" + text + "': " + form);
        }
        return LocalTime.of(h, min);
    }

    /** True when the period ends on the day after it starts. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
