package dev.heed.core.report;

import static dev.heed.core.testing.Casework.ANA;
import static dev.heed.core.testing.Casework.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.testing.Casework;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CareReportsTest {
    private final Casework work = new Casework();

    @Test
    void statusCountsOpenWorkDeadlinesAndLoad() {
        long a = work.open("complaint: one"); // due 09:30
        long b = work.open("complaint: two");
        work.open("question: three?"); // due 10:00
        long d = work.open("compliment: four");
        work.open("spam five");
        work.commands.claim(a, ANA);
        work.commands.claim(b, ANA);
        work.commands.markResponded(d, BEN, null);
        work.advance(Duration.ofMinutes(31));

        StatusReport status = work.reports.status();

        assertThat(status.openByState())
                .containsEntry(CaseState.NEW, 2L)
                .containsEntry(CaseState.CLAIMED, 2L)
                .containsEntry(CaseState.RESPONDED, 1L);
        assertThat(status.open()).isEqualTo(5);
        assertThat(status.openByKind()).containsEntry(Kind.COMPLAINT, 2L).containsEntry(Kind.OTHER, 1L);
        assertThat(status.unclaimed()).isEqualTo(2);
        assertThat(status.overdue()).as("both complaints").isEqualTo(2);
        assertThat(status.dueSoon()).as("the question, due 10:00").isEqualTo(1);
        assertThat(status.loadPerOwner())
                .containsExactly(java.util.Map.entry("Ana", 2L), java.util.Map.entry("Ben", 1L));
        assertThat(status.today().responded()).isEqualTo(1);
        assertThat(status.today().median()).isEqualTo(Duration.ZERO);
        assertThat(status.today().shareWithinDeadline()).isEqualTo(1.0);
    }

    @Test
    void reportGivesVolumeMedianP90AndShareWithinDeadlinePerPerson() {
        long[] cases = new long[10];
        for (int i = 0; i < 10; i++) {
            cases[i] = work.open(i < 6 ? "complaint: #" + i : "question: #" + i + "?");
        }
        // Ana answers the complaints after 5, 10, ..., 30 minutes; Ben answers three questions at 40, 50, 70 min.
        for (int i = 0; i < 6; i++) {
            work.advance(Duration.ofMinutes(5));
            work.commands.markResponded(cases[i], ANA, null);
        }
        work.advance(Duration.ofMinutes(10));
        work.commands.markResponded(cases[6], BEN, null);
        work.advance(Duration.ofMinutes(10));
        work.commands.markResponded(cases[7], BEN, null);
        work.advance(Duration.ofMinutes(20));
        work.commands.markResponded(cases[8], BEN, null);
        // case 9 (a question due 10:00) is never answered; it is 10:10 now

        PeriodReport report =
                work.reports.report(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z"));

        assertThat(report.total()).isEqualTo(10);
        assertThat(report.byKind()).containsEntry(Kind.COMPLAINT, 6L).containsEntry(Kind.QUESTION, 4L);
        assertThat(report.bySource()).containsEntry("hook", 10L);
        ResponseFigures all = report.responses();
        assertThat(all.responded()).isEqualTo(9);
        assertThat(all.median()).isEqualTo(Duration.ofMinutes(25));
        assertThat(all.p90()).isEqualTo(Duration.ofMinutes(70));
        // in time: all six complaints (<= 30 min), questions at 40 and 50 min (due 60); late: 70 min; missed: #9
        assertThat(all.withinDeadline()).isEqualTo(8);
        assertThat(all.withDeadline()).isEqualTo(10);
        assertThat(all.shareWithinDeadline()).isEqualTo(0.8);
        assertThat(report.people())
                .extracting(PeriodReport.PersonFigures::member)
                .containsExactly("Ana", "Ben");
        assertThat(report.people().get(1).responses().median()).isEqualTo(Duration.ofMinutes(50));
        assertThat(report.people().get(1).responses().shareWithinDeadline()).isEqualTo(2.0 / 3);
        assertThat(report.corrections()).isZero();
    }

    @Test
    void reportCountsTheCorrectionsTheClassifierLearnsFrom() {
        long a = work.open("complaint: is it vegan?");
        long b = work.open("spam");
        long c = work.open("complaint: cold");
        work.commands.reclassify(a, ANA, Kind.QUESTION);
        work.commands.dismiss(b, ANA, "spam");
        work.commands.markResponded(c, ANA, null);

        assertThat(work.reports.lastDays(1).corrections()).isEqualTo(2);
    }

    @Test
    void anEmptyPeriodHasNoFiguresRatherThanZeroes() {
        PeriodReport report = work.reports.lastDays(7);

        assertThat(report.total()).isZero();
        assertThat(report.responses().median()).isNull();
        assertThat(report.responses().shareWithinDeadline()).isNull();
    }
}
