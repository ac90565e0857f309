package dev.heed.app;

import dev.heed.core.sla.BusinessHours;
import dev.heed.core.sla.Period;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the {@code heed.business-hours} properties into the core's {@link BusinessHours}. */
final class BusinessHoursFactory {
    static final String DEFAULT_WEEKDAY = "09:00-17:30";

    private BusinessHoursFactory() {}

    static BusinessHours create(HeedProperties.BusinessHours properties) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            week.put(day, periodsOrNull(weekend ? "closed" : DEFAULT_WEEKDAY));
        }
        properties
                .hours()
                .forEach((day, periods) ->
                        week.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), periodsOrNull(periods)));
        return new BusinessHours(properties.zone(), week, new HashSet<>(properties.holidays()));
    }

    /** {@code 09:00-12:30,13:30-17:30} or {@code closed}; null when malformed. */
    static List<Period> periodsOrNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("closed")) {
            return List.of();
        }
        List<Period> periods = new ArrayList<>();
        try {
            for (String part : trimmed.split(",")) {
                periods.add(Period.parse(part.strip()));
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        return periods;
    }
}
