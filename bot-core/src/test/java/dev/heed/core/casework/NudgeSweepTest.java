package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.RecordingChatPort.Nudged;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A complaint detected at 09:00 is due at 09:30: reminder 09:15, warning 09:20, breach 09:30, repeats 10:00, 10:30. */
class NudgeSweepTest {
    private final Casework work = new Casework();

    @Test
    void nothingIsNudgedBeforeHalfTheTimeHasPassed() {
        work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(14));

        work.tick();

        assertThat(work.chat.nudges()).isEmpty();
    }

    @Test
    void aQuietReminderAtHalfTimeMentionsNobody() {
        work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(15));

        work.tick();

        assertThat(work.chat.nudges()).singleElement().satisfies(n -> {
            assertThat(n.nudge().level()).isEqualTo(NudgeLevel.REMINDER);
            assertThat(n.nudge().mentions()).isFalse();
            assertThat(n.nudge().broadcast()).isFalse();
            assertThat(n.nudge().text())
                    .isEqualTo("Reminder: this complaint is waiting for a response, due in 15 min.");
            assertThat(n.card()).isEqualTo(work.chat.published().get(0).message());
        });
    }

    @Test
    void nudgesOwnerTenMinutesBeforeDeadline() {
        long id = work.open("complaint: cold soup");
        work.commands.claim(id, ANA);
        work.advance(Duration.ofMinutes(15));
        work.tick();
        work.advance(Duration.ofMinutes(5));

        work.tick();

        NudgeNotice warning = work.chat.nudges().get(1).nudge();
        assertThat(warning.level()).isEqualTo(NudgeLevel.WARNING);
        assertThat(warning.owner()).isEqualTo(ANA);
        assertThat(warning.mentions()).isTrue();
        assertThat(warning.text()).isEqualTo("10 min left to answer this complaint.");
    }

    @Test
    void anUnclaimedWarningHasNoOwnerSoTheOnDutyGroupIsMentioned() {
        work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(20));

        work.tick();

        assertThat(work.chat.nudges()).singleElement().satisfies(n -> {
            assertThat(n.nudge().level()).isEqualTo(NudgeLevel.WARNING);
            assertThat(n.nudge().owner()).isNull();
        });
    }

    @Test
    void theBreachIsBroadcastAndMentionsManagersThenRepeatsAreCapped() {
        work.open("complaint: cold soup");
        for (int minute = 1; minute <= 180; minute++) {
            work.advance(Duration.ofMinutes(1));
            work.tick();
        }

        List<Nudged> nudges = work.chat.nudges();
        assertThat(nudges)
                .extracting(n -> n.nudge().level())
                .containsExactly(
                        NudgeLevel.REMINDER,
                        NudgeLevel.WARNING,
                        NudgeLevel.BREACH,
                        NudgeLevel.REPEAT,
                        NudgeLevel.REPEAT);
        NudgeNotice breach = nudges.get(2).nudge();
        assertThat(breach.broadcast()).isTrue();
        assertThat(breach.mentionManagers()).isTrue();
        assertThat(breach.text()).startsWith("Deadline missed: this complaint has had no response");
        assertThat(nudges.get(4).nudge().text())
                .isEqualTo("Still no response to this complaint, 1 h past its deadline.");
    }

    @Test
    void aSecondSweepAtTheSameMomentSendsNothingTwice() {
        work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(21));

        int first = work.sweep.run();
        int second = work.sweep.run();
        work.dispatcher.deliverDue();

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(work.chat.nudges()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM nudge")).isEqualTo(1);
    }

    @Test
    void missedQuieterStepsAreSkippedNotSentLateInBulk() {
        work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(31));

        work.tick();

        assertThat(work.chat.nudges()).extracting(n -> n.nudge().level()).containsExactly(NudgeLevel.BREACH);
    }

    @Test
    void aSnoozedCaseIsSkippedUntilItsSnoozeEnds() {
        long id = work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(10));
        work.commands.snooze(id, ANA, Duration.ofMinutes(12));
        for (int minute = 11; minute <= 21; minute++) {
            work.advance(Duration.ofMinutes(1));
            work.tick();
        }
        assertThat(work.chat.nudges()).as("silent until 09:22").isEmpty();

        work.advance(Duration.ofMinutes(1));
        work.tick();

        assertThat(work.chat.nudges()).extracting(n -> n.nudge().level()).containsExactly(NudgeLevel.WARNING);
    }

    @Test
    void aRespondedCaseGetsNoMoreNudges() {
        long id = work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(16));
        work.tick();
        work.commands.markResponded(id, ANA, null);

        for (int minute = 0; minute < 120; minute += 5) {
            work.advance(Duration.ofMinutes(5));
            work.tick();
        }

        assertThat(work.chat.nudges()).hasSize(1);
    }

    @Test
    void otherPostsAreNeverNudged() {
        work.open("weather chatter");
        work.advance(Duration.ofDays(2));

        work.tick();

        assertThat(work.chat.nudges()).isEmpty();
    }

    @Test
    void aReopenedCaseIsNudgedAgainForItsNextDeadline() {
        var post = work.post("mara", "complaint: lost parcel");
        long id = work.ingest.ingest(post).caseId();
        work.commands.markResponded(id, ANA, null);
        work.advance(Duration.ofHours(2));
        work.ingest.ingest(work.post("mara", "still nothing", post.nativeId()));
        work.advance(Duration.ofMinutes(31));

        work.tick();

        assertThat(work.chat.nudges()).extracting(n -> n.nudge().level()).containsExactly(NudgeLevel.BREACH);
    }

    @Test
    void theSweepFindsDueCasesThroughAnIndexNotAScan() {
        String plan = work.db
                .sql()
                .sql(
                        "EXPLAIN SELECT id FROM care_case WHERE next_nudge_at <= CURRENT_TIMESTAMP ORDER BY next_nudge_at, id LIMIT 500")
                .query(String.class)
                .single()
                .toUpperCase(Locale.ROOT);

        assertThat(plan).contains("CARE_CASE_NEXT_NUDGE");
    }

    private long count(String sql) {
        return work.db.sql().sql(sql).query(Long.class).single();
    }
}
