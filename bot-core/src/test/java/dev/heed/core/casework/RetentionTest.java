package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.CaseView;
import dev.heed.core.report.PeriodReport;
import dev.heed.core.testing.Casework;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
    final Casework work = new Casework();
    final Retention retention = new Retention(work.db, work.clock, Duration.ofDays(30));

    @Test
    void oldAnsweredCasesLoseTheirTextAndAuthorButKeepTheirCountsAndTimings() {
        Instant start = work.clock.instant();
        long answered = work.open("complaint: my order from last week never arrived, I want a refund");
        long stillOpen = work.open("question: are you open on Sunday?");
        work.advance(Duration.ofMinutes(12));
        work.commands.claim(answered, ANA);
        work.commands.markResponded(answered, ANA, "Sorry, Mara! Please DM us your order number.");
        work.dispatcher.deliverDue();

        work.advance(Duration.ofDays(29));
        assertThat(retention.purgeDue()).as("not old enough yet").isZero();
        work.advance(Duration.ofDays(2));
        PeriodReport before = work.reports.report(start, start.plus(Duration.ofDays(1)));
        assertThat(retention.purgeDue()).isEqualTo(1);
        assertThat(retention.purgeDue()).as("nothing purged twice").isZero();

        CaseView purged = work.views.find(answered).orElseThrow();
        assertThat(purged.post().text()).isEqualTo(Retention.REMOVED);
        assertThat(purged.post().author().handle()).isEqualTo(Retention.REMOVED);
        assertThat(purged.post().author().displayName()).isNull();
        assertThat(purged.post().author().followers()).isNull();
        assertThat(purged.post().permalink()).isNull();
        assertThat(purged.replyText()).isNull();
        assertThat(purged.suggestions()).isEmpty();
        assertThat(work.views.auditTrail(answered))
                .filteredOn(e -> e.action().equals("RESPONDED"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isNull());
        assertThat(everyStoredText()).noneMatch(text -> text.contains("refund") || text.contains("Mara"));

        CaseView kept = work.views.find(stillOpen).orElseThrow();
        assertThat(kept.post().text())
                .as("a case still awaiting a response keeps its text")
                .contains("Sunday");

        PeriodReport after = work.reports.report(start, start.plus(Duration.ofDays(1)));
        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.responses()).isEqualTo(before.responses());
        assertThat(purged.firstResponseAt()).isEqualTo(start.plus(Duration.ofMinutes(12)));
    }

    @Test
    void purgedLabelsNoLongerTrainTheModelButStillCountAsCorrections() {
        long spam = work.open("complaint: buy followers cheap at example.biz");
        work.commands.dismiss(spam, ANA, "spam");
        TeamLabels labels = new TeamLabels(work.db);
        assertThat(labels.all()).hasSize(1);

        work.advance(Duration.ofDays(31));
        retention.purgeDue();

        assertThat(labels.all()).isEmpty();
        assertThat(labels.corrections()).isEqualTo(1);
    }

    @Test
    void aFollowUpAfterThePurgeOpensANewCaseInsteadOfJoiningThePurgedOne() {
        var first = work.post("mara", "complaint: the app crashes");
        long id = work.ingest.ingest(first).caseId();
        work.commands.markResponded(id, ANA, "We're on it.");
        work.advance(Duration.ofDays(31));
        retention.purgeDue();

        long next = work.ingest
                .ingest(work.post("mara", "complaint: still crashing", first.nativeId()))
                .caseId();

        assertThat(next).isNotEqualTo(id);
    }

    private List<String> everyStoredText() {
        return work.db.sql().sql("""
                        SELECT text FROM post UNION ALL SELECT author_handle FROM post
                        UNION ALL SELECT COALESCE(author_name, '') FROM post
                        UNION ALL SELECT text FROM suggestion UNION ALL SELECT text FROM label_example
                        UNION ALL SELECT COALESCE(detail, '') FROM audit_entry
                        UNION ALL SELECT COALESCE(reply_text, '') FROM care_case
                        UNION ALL SELECT author_key FROM care_case
                        """).query(String.class).list();
    }
}
