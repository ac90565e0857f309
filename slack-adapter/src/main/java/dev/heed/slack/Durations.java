package dev.heed.slack;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them in Slack: {@code 15m}, {@code 1h}, {@code 1h30m}, {@code 2d}, {@code PT45M}. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m(?:in)?)?");

    private Durations() {}

    /** The duration, or null when {@code text} is not one. */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = SHORT.matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
            return null;
        }
        Duration d = Duration.ZERO;
        if (m.group(1) != null) {
            d = d.plusDays(Long.parseLong(m.group(1)));
        }
        if (m.group(2) != null) {
            d = d.plusHours(Long.parseLong(m.group(2)));
        }
        if (m.group(3) != null) {
            d = d.plusMinutes(Long.parseLong(m.group(3)));
        }
        return d;
    }
}
