package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static dev.heed.core.testing.Casework.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.CaseView;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MessageRef;
import dev.heed.core.testing.Casework;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseViewsTest {
    private final Casework work = new Casework();

    @Test
    void theQueueListsCasesWaitingForAResponseSoonestDeadlineFirst() {
        long question = work.open("question: open late?"); // due 10:00
        work.advance(Duration.ofMinutes(1));
        long complaint = work.open("complaint: cold"); // due 09:31
        long other = work.open("weather"); // no deadline
        long answered = work.open("complaint: answered");
        work.commands.markResponded(answered, ANA, null);

        assertThat(work.views.queue(10)).extracting(CaseView::id).containsExactly(complaint, question, other);
    }

    @Test
    void mineListsWhatAMemberOwnsAndHasNotFinished() {
        long claimed = work.open("complaint: a");
        long responded = work.open("complaint: b");
        long resolved = work.open("complaint: c");
        long bens = work.open("complaint: d");
        work.commands.claim(claimed, ANA);
        work.commands.markResponded(responded, ANA, null);
        work.commands.claim(resolved, ANA);
        work.commands.resolve(resolved, ANA);
        work.commands.claim(bens, BEN);

        assertThat(work.views.mine(ANA, 10)).extracting(CaseView::id).containsExactlyInAnyOrder(claimed, responded);
    }

    @Test
    void aCardMessageLeadsBackToItsCase() {
        long id = work.open("complaint: a");
        assertThat(work.views.cards(id)).containsEntry(Casework.CHANNEL, java.util.Optional.empty());
        work.dispatcher.deliverDue();
        MessageRef card = work.chat.published().get(0).message();

        assertThat(work.views.caseIdForCard(card)).hasValue(id);
        assertThat(work.views.caseIdForCard(new MessageRef(Casework.CHANNEL, "unknown")))
                .isEmpty();
        assertThat(work.views.cards(id)).containsEntry(Casework.CHANNEL, java.util.Optional.of(card));
    }

    @Test
    void listingFiltersByStateKindAndTime() {
        work.open("complaint: early");
        work.advance(Duration.ofHours(1));
        long late = work.open("complaint: late");
        work.open("question: late?");

        var filter = new CaseFilter(Set.of(CaseState.NEW), Kind.COMPLAINT, work.clock.instant(), null, false, 10);

        assertThat(work.views.list(filter)).extracting(CaseView::id).containsExactly(late);
    }

    @Test
    void searchFindsTextAuthorsAndCaseNumbersWithoutTreatingWildcardsAsWildcards() {
        long cake = work.ingest
                .ingest(work.post("ines", "compliment: the surprise CAKE was lovely"))
                .caseId();
        long percent = work.ingest
                .ingest(work.post("olaf", "complaint: 100% wrong order"))
                .caseId();
        work.ingest.ingest(work.post("zed", "question: open late?"));

        assertThat(work.views.search("cake", 10)).extracting(CaseView::id).containsExactly(cake);
        assertThat(work.views.search("OLAF", 10)).extracting(CaseView::id).containsExactly(percent);
        assertThat(work.views.search("#" + cake, 10)).extracting(CaseView::id).containsExactly(cake);
        assertThat(work.views.search("100%", 10)).extracting(CaseView::id).containsExactly(percent);
        assertThat(work.views.search("%", 10)).extracting(CaseView::id).containsExactly(percent);
        assertThat(work.views.search("_", 10)).isEmpty();
        assertThat(work.views.search("  ", 10)).isEmpty();
    }
}
