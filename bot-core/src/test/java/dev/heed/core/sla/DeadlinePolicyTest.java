package dev.heed.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.core.model.Kind;
import dev.heed.core.model.Priority;
import dev.heed.core.sla.ResponseTarget.None;
import dev.heed.core.sla.ResponseTarget.Within;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinePolicyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    // 2026-01-09 is a Friday, 2026-01-10 a Saturday, 2026-01-12 a Monday.
    private final BusinessHours office = BusinessHours.weekdays(LONDON, LocalTime.of(9, 0), LocalTime.of(17, 30));
    private final DeadlinePolicy arrival = new DeadlinePolicy(office, ClockMode.ARRIVAL, DeadlinePolicy.defaultRules());
    private final DeadlinePolicy businessTime =
            new DeadlinePolicy(office, ClockMode.BUSINESS_TIME, DeadlinePolicy.defaultRules());

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    private static Instant due(DeadlinePolicy policy, Kind kind, Priority priority, Instant start) {
        return policy.deadlineFor(kind, priority, start).orElseThrow().due();
    }

    @Test
    void complaintInBusinessHoursIsDueInThirtyMinutesOnTheWallClock() {
        Deadline deadline = arrival.deadlineFor(Kind.COMPLAINT, Priority.NORMAL, london("2026-01-12T10:00"))
                .orElseThrow();

        assertThat(deadline.start()).isEqualTo(london("2026-01-12T10:00"));
        assertThat(deadline.due()).isEqualTo(london("2026-01-12T10:30"));
        assertThat(deadline.timeline()).isSameAs(Timeline.WALL_CLOCK);
    }

    @Test
    void complaintOnSaturdayIsDueWithinAnHourOnTheWallClock() {
        assertThat(due(arrival, Kind.COMPLAINT, Priority.NORMAL, london("2026-01-10T10:00")))
                .isEqualTo(london("2026-01-10T11:00"));
    }

    @Test
    void complaintAtTwentyPastFiveOnFridayIsDueAtTenToSixWhenTheClockCountsArrival() {
        assertThat(due(arrival, Kind.COMPLAINT, Priority.NORMAL, london("2026-01-09T17:20")))
                .isEqualTo(london("2026-01-09T17:50"));
    }

    @Test
    void questionIsDueInAnHourInHoursAndTwoHoursOutside() {
        assertThat(due(arrival, Kind.QUESTION, Priority.NORMAL, london("2026-01-12T11:00")))
                .isEqualTo(london("2026-01-12T12:00"));
        assertThat(due(arrival, Kind.QUESTION, Priority.NORMAL, london("2026-01-12T20:00")))
                .isEqualTo(london("2026-01-12T22:00"));
    }

    @Test
    void complimentInHoursIsDueByCloseOfBusiness() {
        assertThat(due(arrival, Kind.COMPLIMENT, Priority.NORMAL, london("2026-01-12T11:00")))
                .isEqualTo(london("2026-01-12T17:30"));
    }

    @Test
    void complimentOnFridayEveningIsDueMondayMidMorning() {
        assertThat(due(arrival, Kind.COMPLIMENT, Priority.NORMAL, london("2026-01-09T19:00")))
                .isEqualTo(london("2026-01-12T10:30"));
    }

    @Test
    void complimentBeforeOpeningIsDueMidMorningTheSameDay() {
        assertThat(due(arrival, Kind.COMPLIMENT, Priority.LOW, london("2026-01-12T07:00")))
                .isEqualTo(london("2026-01-12T10:30"));
    }

    @Test
    void otherPostsHaveNoDeadlineInOrOutOfHours() {
        assertThat(arrival.deadlineFor(Kind.OTHER, Priority.URGENT, london("2026-01-12T10:00")))
                .isEmpty();
        assertThat(arrival.deadlineFor(Kind.OTHER, Priority.NORMAL, london("2026-01-10T10:00")))
                .isEmpty();
        assertThat(arrival.targetFor(Kind.OTHER, Priority.NORMAL, london("2026-01-12T10:00")))
                .isEqualTo(new None());
    }

    @ParameterizedTest(name = "{0} {1}: {2} min in hours, {3} min outside")
    @CsvSource({
        "COMPLAINT, LOW,    30, 60",
        "COMPLAINT, NORMAL, 30, 60",
        "COMPLAINT, HIGH,   20, 40",
        "COMPLAINT, URGENT, 10, 20",
        "QUESTION,  LOW,    60, 120",
        "QUESTION,  NORMAL, 60, 120",
        "QUESTION,  HIGH,   30, 60",
        "QUESTION,  URGENT, 15, 30"
    })
    void priorityTightensComplaintAndQuestionDeadlines(Kind kind, Priority priority, long inHours, long outside) {
        Instant mondayTen = london("2026-01-12T10:00");
        Instant saturdayTen = london("2026-01-10T10:00");

        assertThat(due(arrival, kind, priority, mondayTen)).isEqualTo(mondayTen.plus(Duration.ofMinutes(inHours)));
        assertThat(due(arrival, kind, priority, saturdayTen)).isEqualTo(saturdayTen.plus(Duration.ofMinutes(outside)));
    }

    @Test
    void urgentComplimentKeepsTheComplimentDeadline() {
        assertThat(due(arrival, Kind.COMPLIMENT, Priority.URGENT, london("2026-01-12T11:00")))
                .isEqualTo(london("2026-01-12T17:30"));
    }

    @Test
    void aPriorityRuleAppliesToHigherPrioritiesAndTheMostSpecificRuleWins() {
        List<DeadlineRule> rules = new ArrayList<>(DeadlinePolicy.defaultRules());
        rules.removeIf(r -> r.kind() == Kind.COMPLAINT && !r.isBase());
        rules.add(new DeadlineRule(
                Kind.COMPLAINT,
                Priority.NORMAL,
                new Within(Duration.ofMinutes(25)),
                new Within(Duration.ofMinutes(50))));
        rules.add(new DeadlineRule(
                Kind.COMPLAINT, Priority.HIGH, new Within(Duration.ofMinutes(5)), new Within(Duration.ofMinutes(5))));
        DeadlinePolicy policy = new DeadlinePolicy(office, ClockMode.ARRIVAL, rules);
        Instant mondayTen = london("2026-01-12T10:00");

        assertThat(due(policy, Kind.COMPLAINT, Priority.LOW, mondayTen)).isEqualTo(london("2026-01-12T10:30"));
        assertThat(due(policy, Kind.COMPLAINT, Priority.NORMAL, mondayTen)).isEqualTo(london("2026-01-12T10:25"));
        assertThat(due(policy, Kind.COMPLAINT, Priority.URGENT, mondayTen)).isEqualTo(london("2026-01-12T10:05"));
        assertThat(due(policy, Kind.COMPLAINT, null, mondayTen)).isEqualTo(london("2026-01-12T10:30"));
    }

    @Test
    void complaintAtTwentyPastFiveOnFridayIsDueMondayMorningWhenTheClockRunsOnlyInBusinessHours() {
        Deadline deadline = businessTime
                .deadlineFor(Kind.COMPLAINT, Priority.NORMAL, london("2026-01-09T17:20"))
                .orElseThrow();

        assertThat(deadline.due()).isEqualTo(london("2026-01-12T09:20"));
        assertThat(deadline.timeline()).isEqualTo(office);
        assertThat(deadline.length()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void complaintAtFiveToFivePmFridayIsDueMondayMorningWhenTheOfficeClosesAtFive() {
        BusinessHours nineToFive = BusinessHours.weekdays(LONDON, LocalTime.of(9, 0), LocalTime.of(17, 0));
        DeadlinePolicy policy = new DeadlinePolicy(nineToFive, ClockMode.BUSINESS_TIME, DeadlinePolicy.defaultRules());

        assertThat(due(policy, Kind.COMPLAINT, Priority.NORMAL, london("2026-01-09T16:55")))
                .isEqualTo(london("2026-01-12T09:25"));
    }

    @Test
    void businessTimeModeUsesTheInHoursTargetForPostsArrivingAtTheWeekend() {
        assertThat(due(businessTime, Kind.COMPLAINT, Priority.NORMAL, london("2026-01-10T10:00")))
                .isEqualTo(london("2026-01-12T09:30"));
        assertThat(due(businessTime, Kind.QUESTION, Priority.URGENT, london("2026-01-10T10:00")))
                .isEqualTo(london("2026-01-12T09:15"));
        assertThat(due(businessTime, Kind.COMPLIMENT, Priority.NORMAL, london("2026-01-10T10:00")))
                .isEqualTo(london("2026-01-12T17:30"));
    }

    @Test
    void outOfHoursComplaintAcrossTheUsSpringForwardIsDueOneRealHourLater() {
        BusinessHours nyOffice = BusinessHours.weekdays(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0));
        DeadlinePolicy policy = new DeadlinePolicy(nyOffice, ClockMode.ARRIVAL, DeadlinePolicy.defaultRules());
        Instant start = LocalDateTime.parse("2026-03-08T01:50").atZone(NEW_YORK).toInstant();

        Instant due = due(policy, Kind.COMPLAINT, Priority.NORMAL, start);

        assertThat(due.atZone(NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-08T03:50"));
        assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyKindNeedsABaseRule() {
        List<DeadlineRule> rules = new ArrayList<>(DeadlinePolicy.defaultRules());
        rules.removeIf(r -> r.kind() == Kind.QUESTION && r.isBase());

        assertThatThrownBy(() -> new DeadlinePolicy(office, ClockMode.ARRIVAL, rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUESTION");
    }

    @Test
    void twoRulesForTheSameKindAndPriorityAreRejected() {
        List<DeadlineRule> rules = new ArrayList<>(DeadlinePolicy.defaultRules());
        rules.add(new DeadlineRule(Kind.COMPLAINT, Priority.HIGH, new None(), new None()));

        assertThatThrownBy(() -> new DeadlinePolicy(office, ClockMode.ARRIVAL, rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate")
                .hasMessageContaining("COMPLAINT/HIGH");
    }

    @Test
    void aDeadlineCannotBeDueBeforeItStarts() {
        assertThatThrownBy(
                        () -> new Deadline(london("2026-01-12T10:00"), london("2026-01-12T09:00"), Timeline.WALL_CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before start");
    }
}
