package dev.heed.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    // 2026-01-09 is a Friday, 2026-01-12 a Monday.
    private final BusinessHours office = BusinessHours.weekdays(LONDON, LocalTime.of(9, 0), LocalTime.of(17, 30));

    private static Instant london(String localDateTime) {
        return at(LONDON, localDateTime);
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static BusinessHours everyDay(ZoneId zone, String period) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(Period.parse(period)));
        }
        return new BusinessHours(zone, week, Set.of());
    }

    @Test
    void weekdayHoursAreOpenFromOpeningUntilJustBeforeClose() {
        assertThat(office.isOpen(london("2026-01-12T09:00"))).isTrue();
        assertThat(office.isOpen(london("2026-01-12T17:29:59"))).isTrue();
        assertThat(office.isOpen(london("2026-01-12T17:30"))).isFalse();
        assertThat(office.isOpen(london("2026-01-12T08:59"))).isFalse();
        assertThat(office.isOpen(london("2026-01-10T12:00"))).as("Saturday").isFalse();
    }

    @Test
    void nextOpeningIsTheInstantItselfWhenOpenAndMondayMorningFromFridayEvening() {
        Instant tuesdayNoon = london("2026-01-13T12:00");

        assertThat(office.nextOpening(tuesdayNoon)).isEqualTo(tuesdayNoon);
        assertThat(office.nextOpening(london("2026-01-09T18:00"))).isEqualTo(london("2026-01-12T09:00"));
        assertThat(office.nextOpening(london("2026-01-12T06:00"))).isEqualTo(london("2026-01-12T09:00"));
    }

    @Test
    void closeOfBusinessIsTodaysCloseInsideHoursAndTheNextBusinessDaysCloseOutside() {
        assertThat(office.closeOfBusiness(london("2026-01-12T10:00"))).isEqualTo(london("2026-01-12T17:30"));
        assertThat(office.closeOfBusiness(london("2026-01-09T18:00"))).isEqualTo(london("2026-01-12T17:30"));
        assertThat(office.closeOfBusiness(london("2026-01-12T07:00"))).isEqualTo(london("2026-01-12T17:30"));
    }

    @Test
    void closeOfBusinessDuringALunchBreakIsTheSameDaysLastClose() {
        Map<DayOfWeek, List<Period>> week =
                Map.of(DayOfWeek.MONDAY, List.of(Period.parse("13:00-17:00"), Period.parse("09:00-12:00")));
        BusinessHours split = new BusinessHours(LONDON, week, Set.of());

        assertThat(split.closeOfBusiness(london("2026-01-12T12:30"))).isEqualTo(london("2026-01-12T17:00"));
        assertThat(split.closeOfBusiness(london("2026-01-12T10:00"))).isEqualTo(london("2026-01-12T17:00"));
        assertThat(split.openingOfNextBusinessDay(london("2026-01-12T12:30"))).isEqualTo(london("2026-01-19T09:00"));
    }

    @Test
    void openingOfNextBusinessDayIsTomorrowsOpeningAndSkipsTheWeekend() {
        assertThat(office.openingOfNextBusinessDay(london("2026-01-12T10:00"))).isEqualTo(london("2026-01-13T09:00"));
        assertThat(office.openingOfNextBusinessDay(london("2026-01-12T19:00"))).isEqualTo(london("2026-01-13T09:00"));
        assertThat(office.openingOfNextBusinessDay(london("2026-01-09T16:00"))).isEqualTo(london("2026-01-12T09:00"));
        assertThat(office.openingOfNextBusinessDay(london("2026-01-10T11:00"))).isEqualTo(london("2026-01-12T09:00"));
    }

    @Test
    void openingOfNextBusinessDayBeforeOpeningIsThatSameMorning() {
        assertThat(office.openingOfNextBusinessDay(london("2026-01-12T07:00"))).isEqualTo(london("2026-01-12T09:00"));
    }

    @Test
    void addingBusinessTimeOnFridayAfternoonCarriesOverTheWeekendToMonday() {
        assertThat(office.plus(london("2026-01-09T17:20"), Duration.ofMinutes(30)))
                .isEqualTo(london("2026-01-12T09:20"));
    }

    @Test
    void addingBusinessTimeThatRunsOutExactlyAtCloseStopsAtClose() {
        assertThat(office.plus(london("2026-01-09T17:20"), Duration.ofMinutes(10)))
                .isEqualTo(london("2026-01-09T17:30"));
    }

    @Test
    void addingBusinessTimeFromOutsideHoursStartsCountingAtTheNextOpening() {
        assertThat(office.plus(london("2026-01-10T11:00"), Duration.ofHours(1))).isEqualTo(london("2026-01-12T10:00"));
        assertThat(office.plus(london("2026-01-10T11:00"), Duration.ZERO)).isEqualTo(london("2026-01-10T11:00"));
    }

    @Test
    void addingManyBusinessHoursWalksWholeDaysAndWeekends() {
        // Ten business days of 8.5 h from Monday morning end at close on the Friday of the following week.
        assertThat(office.plus(london("2026-01-12T09:00"), Duration.ofMinutes(10 * 510)))
                .isEqualTo(london("2026-01-23T17:30"));
        assertThat(office.plus(london("2026-01-12T09:00"), Duration.ofHours(2))).isEqualTo(london("2026-01-12T11:00"));
    }

    @Test
    void businessTimeBetweenTwoInstantsCountsOnlyOpenTimeAndIsNegativeBackwards() {
        Instant fridayFive = london("2026-01-09T17:00");
        Instant mondayTen = london("2026-01-12T10:00");

        assertThat(office.between(fridayFive, mondayTen)).isEqualTo(Duration.ofMinutes(90));
        assertThat(office.between(mondayTen, fridayFive)).isEqualTo(Duration.ofMinutes(-90));
        assertThat(office.between(london("2026-01-10T09:00"), london("2026-01-11T18:00")))
                .isZero();
        assertThat(office.between(london("2026-01-12T00:00"), london("2026-01-17T00:00")))
                .isEqualTo(Duration.ofMinutes(5 * 510));
    }

    @Test
    void aHolidayClosesTheOfficeAndPushesBusinessTimeToTheNextWorkingDay() {
        BusinessHours withHoliday = office.withHolidays(Set.of(LocalDate.of(2026, 1, 12)));

        assertThat(withHoliday.isOpen(london("2026-01-12T10:00"))).isFalse();
        assertThat(withHoliday.plus(london("2026-01-09T17:20"), Duration.ofMinutes(30)))
                .isEqualTo(london("2026-01-13T09:20"));
        assertThat(withHoliday.openingOfNextBusinessDay(london("2026-01-09T12:00")))
                .isEqualTo(london("2026-01-13T09:00"));
        assertThat(withHoliday.closeOfBusiness(london("2026-01-10T12:00"))).isEqualTo(london("2026-01-13T17:30"));
    }

    @Test
    void aPeriodCrossingMidnightBelongsToTheDayItStarted() {
        BusinessHours nights = everyDay(LONDON, "22:00-02:00");
        Instant tuesdayOneAm = london("2026-01-13T01:00");

        assertThat(nights.isOpen(tuesdayOneAm)).isTrue();
        assertThat(nights.isOpen(london("2026-01-13T02:00"))).isFalse();
        assertThat(nights.closeOfBusiness(tuesdayOneAm)).isEqualTo(london("2026-01-13T02:00"));
        assertThat(nights.openingOfNextBusinessDay(tuesdayOneAm)).isEqualTo(london("2026-01-13T22:00"));
        assertThat(nights.plus(london("2026-01-12T23:30"), Duration.ofHours(3))).isEqualTo(london("2026-01-13T22:30"));
        assertThat(nights.between(london("2026-01-12T12:00"), london("2026-01-13T12:00")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aHolidayKeepsTheNightPeriodThatStartedTheEveningBefore() {
        BusinessHours nights = everyDay(LONDON, "22:00-02:00").withHolidays(Set.of(LocalDate.of(2026, 1, 13)));

        assertThat(nights.isOpen(london("2026-01-13T01:00")))
                .as("Monday's night shift")
                .isTrue();
        assertThat(nights.isOpen(london("2026-01-13T23:00")))
                .as("holiday's own shift")
                .isFalse();
        assertThat(nights.nextOpening(london("2026-01-13T03:00"))).isEqualTo(london("2026-01-14T22:00"));
    }

    @Test
    void aPeriodEndingAtMidnightRunsUntilTheStartOfTheNextDay() {
        BusinessHours late = everyDay(LONDON, "09:00-00:00");

        assertThat(late.isOpen(london("2026-01-12T23:59"))).isTrue();
        assertThat(late.isOpen(london("2026-01-13T00:00"))).isFalse();
        assertThat(late.closeOfBusiness(london("2026-01-12T20:00"))).isEqualTo(london("2026-01-13T00:00"));
    }

    @Test
    void anEarlyMorningPeriodIsThreeRealHoursOnSpringForwardAndFiveOnFallBackInLondon() {
        BusinessHours small = everyDay(LONDON, "01:00-05:00");

        assertThat(small.between(london("2026-03-28T12:00"), london("2026-03-29T12:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(small.between(london("2026-10-24T12:00"), london("2026-10-25T12:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(small.between(london("2026-01-10T12:00"), london("2026-01-11T12:00")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aPeriodStartingInTheSpringForwardGapOpensWhenTheClocksResume() {
        BusinessHours small = everyDay(NEW_YORK, "02:30-05:00");

        // 02:30 does not exist on 2026-03-08 in New York; it is shifted forward by the gap to 03:30 EDT (07:30 UTC).
        assertThat(small.nextOpening(at(NEW_YORK, "2026-03-08T00:00")))
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(small.between(at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-08T12:00")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void businessTimeCarriesOverTheUsSpringForwardWeekendInLocalOfficeHours() {
        BusinessHours nyOffice = BusinessHours.weekdays(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0));

        Instant due = nyOffice.plus(at(NEW_YORK, "2026-03-06T16:00"), Duration.ofHours(2));

        assertThat(due.atZone(NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-09T10:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
    }

    @Test
    void alwaysOpenCountsEveryRealHourIncludingAcrossTheUsFallBack() {
        BusinessHours always = BusinessHours.alwaysOpen(NEW_YORK);
        Instant saturdayNoon = at(NEW_YORK, "2026-10-31T12:00");
        Instant sundayNoon = at(NEW_YORK, "2026-11-01T12:00");

        assertThat(always.isOpen(at(NEW_YORK, "2026-11-01T01:30"))).isTrue();
        assertThat(always.between(saturdayNoon, sundayNoon)).isEqualTo(Duration.ofHours(25));
        assertThat(always.plus(saturdayNoon, Duration.ofHours(24)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 1, 11, 0, 0, 0, NEW_YORK).toInstant());
    }

    @Test
    void overlappingPeriodsAreCountedOnce() {
        Map<DayOfWeek, List<Period>> week =
                Map.of(DayOfWeek.MONDAY, List.of(Period.parse("09:00-13:00"), Period.parse("12:00-17:00")));
        BusinessHours overlapping = new BusinessHours(LONDON, week, Set.of());

        assertThat(overlapping.between(london("2026-01-12T00:00"), london("2026-01-13T00:00")))
                .isEqualTo(Duration.ofHours(8));
        assertThat(overlapping.plus(london("2026-01-12T09:00"), Duration.ofHours(5)))
                .isEqualTo(london("2026-01-12T14:00"));
    }

    @Test
    void aWeekWithoutAnyPeriodIsRejected() {
        Map<DayOfWeek, List<Period>> week = Map.of(DayOfWeek.MONDAY, List.of());

        assertThatThrownBy(() -> new BusinessHours(LONDON, week, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("business hours have no open period");
    }

    @Test
    void searchingForAnOpeningGivesUpAfterFourHundredClosedDays() {
        BusinessHours mondaysOnly =
                new BusinessHours(LONDON, Map.of(DayOfWeek.MONDAY, List.of(Period.parse("09:00-17:00"))), Set.of());
        Set<LocalDate> everyMonday = new HashSet<>();
        for (LocalDate d = LocalDate.of(2026, 1, 12); d.getYear() < 2029; d = d.plusWeeks(1)) {
            everyMonday.add(d);
        }
        BusinessHours closed = mondaysOnly.withHolidays(everyMonday);

        assertThatThrownBy(() -> closed.nextOpening(london("2026-01-10T12:00")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("400 days");
        assertThatThrownBy(() -> closed.plus(london("2026-01-10T12:00"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addingNegativeBusinessTimeIsRejected() {
        assertThatThrownBy(() -> office.plus(london("2026-01-12T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
