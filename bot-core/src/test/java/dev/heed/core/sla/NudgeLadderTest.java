package dev.heed.core.sla;

import static dev.heed.core.sla.NudgeLevel.BREACH;
import static dev.heed.core.sla.NudgeLevel.REMINDER;
import static dev.heed.core.sla.NudgeLevel.REPEAT;
import static dev.heed.core.sla.NudgeLevel.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.heed.core.model.Kind;
import dev.heed.core.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class NudgeLadderTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final NudgeLadder ladder = new NudgeLadder(NudgeSettings.defaults());

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    private static Deadline wallClock(String start, Duration length) {
        Instant s = london(start);
        return new Deadline(s, s.plus(length), Timeline.WALL_CLOCK);
    }

    @Test
    void thirtyMinuteDeadlineRemindsAtHalfTimeWarnsTenMinutesBeforeAndRepeatsTwice() {
        List<NudgeStep> plan = ladder.plan(wallClock("2026-01-12T10:00", Duration.ofMinutes(30)));

        assertThat(plan)
                .extracting(NudgeStep::index, NudgeStep::level, NudgeStep::at)
                .containsExactly(
                        tuple(0, REMINDER, london("2026-01-12T10:15")),
                        tuple(1, WARNING, london("2026-01-12T10:20")),
                        tuple(2, BREACH, london("2026-01-12T10:30")),
                        tuple(3, REPEAT, london("2026-01-12T11:00")),
                        tuple(4, REPEAT, london("2026-01-12T11:30")));
    }

    @Test
    void twoHourDeadlineWarnsAtEightyPercentBecauseThatIsEarlierThanTenMinutesBefore() {
        List<NudgeStep> plan = ladder.plan(wallClock("2026-01-12T10:00", Duration.ofHours(2)));

        assertThat(plan)
                .extracting(NudgeStep::level, NudgeStep::at)
                .containsExactly(
                        tuple(REMINDER, london("2026-01-12T11:00")),
                        tuple(WARNING, london("2026-01-12T11:36")),
                        tuple(BREACH, london("2026-01-12T12:00")),
                        tuple(REPEAT, london("2026-01-12T12:30")),
                        tuple(REPEAT, london("2026-01-12T13:00")));
    }

    @Test
    void fiveMinuteDeadlineWarnsAtOnceAndGetsNoSeparateReminder() {
        List<NudgeStep> plan = ladder.plan(wallClock("2026-01-12T10:00", Duration.ofMinutes(5)));

        assertThat(plan)
                .extracting(NudgeStep::index, NudgeStep::level, NudgeStep::at)
                .containsExactly(
                        tuple(0, WARNING, london("2026-01-12T10:00")),
                        tuple(1, BREACH, london("2026-01-12T10:05")),
                        tuple(2, REPEAT, london("2026-01-12T10:35")),
                        tuple(3, REPEAT, london("2026-01-12T11:05")));
    }

    @Test
    void businessTimeDeadlineSpacesNudgesInBusinessTimeAndRepeatsOnTheWallClock() {
        BusinessHours office = BusinessHours.weekdays(LONDON, LocalTime.of(9, 0), LocalTime.of(17, 30));
        DeadlinePolicy policy = new DeadlinePolicy(office, ClockMode.BUSINESS_TIME, DeadlinePolicy.defaultRules());
        Deadline deadline = policy.deadlineFor(Kind.COMPLAINT, Priority.NORMAL, london("2026-01-09T17:20"))
                .orElseThrow();

        List<NudgeStep> plan = ladder.plan(deadline);

        // 30 business minutes: 10 on Friday evening, 20 on Monday morning.
        assertThat(plan)
                .extracting(NudgeStep::level, NudgeStep::at)
                .containsExactly(
                        tuple(REMINDER, london("2026-01-12T09:05")),
                        tuple(WARNING, london("2026-01-12T09:10")),
                        tuple(BREACH, london("2026-01-12T09:20")),
                        tuple(REPEAT, london("2026-01-12T09:50")),
                        tuple(REPEAT, london("2026-01-12T10:20")));
    }

    @Test
    void aWarningThatCoincidesWithTheBreachIsReplacedByTheBreach() {
        NudgeLadder late = new NudgeLadder(new NudgeSettings(0, 1.0, Duration.ZERO, Duration.ofMinutes(15), 0));

        List<NudgeStep> plan = late.plan(wallClock("2026-01-12T10:00", Duration.ofMinutes(30)));

        assertThat(plan)
                .extracting(NudgeStep::index, NudgeStep::level, NudgeStep::at)
                .containsExactly(tuple(0, BREACH, london("2026-01-12T10:30")));
    }

    @Test
    void noReminderAndNoRepeatsLeavesWarningAndBreach() {
        NudgeLadder quiet =
                new NudgeLadder(new NudgeSettings(0, 0.8, Duration.ofMinutes(10), Duration.ofMinutes(30), 0));

        List<NudgeStep> plan = quiet.plan(wallClock("2026-01-12T10:00", Duration.ofHours(1)));

        assertThat(plan)
                .extracting(NudgeStep::level, NudgeStep::at)
                .containsExactly(tuple(WARNING, london("2026-01-12T10:48")), tuple(BREACH, london("2026-01-12T11:00")));
    }

    @Test
    void plansAreStrictlyIncreasingInTimeAndIndexedFromZero() {
        for (Duration length : List.of(
                Duration.ZERO,
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofMinutes(12),
                Duration.ofMinutes(50),
                Duration.ofHours(26))) {
            List<NudgeStep> plan = ladder.plan(wallClock("2026-01-12T10:00", length));

            for (int i = 0; i < plan.size(); i++) {
                assertThat(plan.get(i).index()).isEqualTo(i);
                if (i > 0) {
                    assertThat(plan.get(i).at()).isAfter(plan.get(i - 1).at());
                    assertThat(plan.get(i).level())
                            .isGreaterThanOrEqualTo(plan.get(i - 1).level());
                }
            }
            assertThat(plan).extracting(NudgeStep::level).contains(BREACH);
        }
    }

    @Test
    void dueStepIsEmptyBeforeTheFirstNudgeAndThenTheStepThatIsDue() {
        List<NudgeStep> plan = ladder.plan(wallClock("2026-01-12T10:00", Duration.ofMinutes(30)));

        assertThat(ladder.dueStep(plan, -1, london("2026-01-12T10:14"))).isEmpty();
        assertThat(ladder.dueStep(plan, -1, london("2026-01-12T10:15"))).contains(plan.get(0));
        assertThat(ladder.dueStep(plan, 0, london("2026-01-12T10:17"))).isEmpty();
        assertThat(ladder.dueStep(plan, 0, london("2026-01-12T10:21"))).contains(plan.get(1));
    }

    @Test
    void dueStepSkipsMissedQuieterStepsAndSendsOnlyTheLatest() {
        List<NudgeStep> plan = ladder.plan(wallClock("2026-01-12T10:00", Duration.ofMinutes(30)));

        assertThat(ladder.dueStep(plan, -1, london("2026-01-12T10:31")))
                .hasValueSatisfying(step -> assertThat(step.level()).isEqualTo(BREACH));
        assertThat(ladder.dueStep(plan, 2, london("2026-01-12T12:00"))).contains(plan.get(4));
        assertThat(ladder.dueStep(plan, 4, london("2026-01-12T23:00"))).isEmpty();
    }

    @Test
    void nextAfterGivesTheFollowingStepAndNothingAfterTheLast() {
        List<NudgeStep> plan = ladder.plan(wallClock("2026-01-12T10:00", Duration.ofMinutes(30)));

        assertThat(ladder.nextAfter(plan, -1)).contains(plan.get(0));
        assertThat(ladder.nextAfter(plan, 2)).contains(plan.get(3));
        assertThat(ladder.nextAfter(plan, plan.size() - 1)).isEmpty();
    }

    @Test
    void dueStepRejectsAnIndexBelowMinusOne() {
        List<NudgeStep> plan = ladder.plan(wallClock("2026-01-12T10:00", Duration.ofMinutes(30)));

        assertThatThrownBy(() -> ladder.dueStep(plan, -2, london("2026-01-12T10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lastSentIndex");
    }
}
