package dev.heed.core.chat;

import java.time.Duration;

/** Durations as people read them in chat: {@code 45 s}, {@code 12 min}, {@code 1 h 5 min}, {@code 2 d 3 h}. */
public final class HumanDuration {
    private HumanDuration() {}

    /** The length of {@code duration}, whatever its sign ("overdue by" or "due in" is the caller's wording). */
    public static String of(Duration duration) {
        long seconds = Math.abs(duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + (minutes % 60) + " min";
        }
        return hours / 24 + " d " + (hours % 24) + " h";
    }
}
