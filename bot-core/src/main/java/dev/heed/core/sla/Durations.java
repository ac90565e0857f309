package dev.heed.core.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Duration parsing and formatting for response targets. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {}

    /** An ISO-8601 or short ({@code 1h30m}) duration, lower- or upper-case; null when the text is neither. */
    static Duration parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.startsWith("p") || s.startsWith("-p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            Matcher m = SHORT.matcher(s);
            if (!m.matches()) {
                return null;
            }
            return Duration.ofDays(number(m.group(1)))
                    .plusHours(number(m.group(2)))
                    .plusMinutes(number(m.group(3)))
                    .plusSeconds(number(m.group(4)));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    /** {@code 30 min}, {@code 1 h 30 min}, {@code 2 days 1 h}, {@code 45 s}. */
    static String describe(Duration d) {
        if (d.isNegative()) {
            return "-" + describe(d.negated());
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDaysPart();
        if (days > 0) {
            out.append(days).append(days == 1 ? " day" : " days");
        }
        append(out, d.toHoursPart(), " h");
        append(out, d.toMinutesPart(), " min");
        append(out, d.toSecondsPart(), " s");
        if (out.length() == 0) {
            return d.isZero() ? "0 min" : d.toMillis() + " ms";
        }
        return out.toString();
    }

    private static void append(StringBuilder out, long value, String unit) {
        if (value > 0) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(value).append(unit);
        }
    }
}
