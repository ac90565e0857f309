package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.casework.IngestResult.Status;
import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.Route;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestServiceTest {
    private final Casework work = new Casework();

    @Test
    void aNewPostOpensACaseWithItsDeadlineSuggestionsAndACardForTheChannel() {
        Post post = work.post("mara", "complaint: waited 25 minutes for a cold flat white");

        IngestResult result = work.ingest.ingest(post);
        work.dispatcher.deliverDue();

        assertThat(result.status()).isEqualTo(Status.CREATED);
        CaseView view = work.views.find(result.caseId()).orElseThrow();
        assertThat(view.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(view.state()).isEqualTo(CaseState.NEW);
        assertThat(view.post()).isEqualTo(post);
        assertThat(view.detectedAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(view.dueAt()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(view.firstDueAt()).isEqualTo(view.dueAt());
        assertThat(view.suggestions()).hasSize(1);
        assertThat(view.postedAt()).isEqualTo(work.clock.instant());
        assertThat(work.chat.published()).singleElement().satisfies(p -> {
            assertThat(p.message().channel()).isEqualTo(Casework.CHANNEL);
            assertThat(p.card().id()).isEqualTo(result.caseId());
        });
    }

    @Test
    void theSamePostTwiceMakesOneCaseAndOneCard() {
        Post post = work.post("mara", "complaint: cold coffee");

        IngestResult first = work.ingest.ingest(post);
        IngestResult second = work.ingest.ingest(post);
        work.dispatcher.deliverDue();

        assertThat(second.status()).isEqualTo(Status.DUPLICATE);
        assertThat(second.caseId()).isEqualTo(first.caseId());
        assertThat(work.chat.published()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM care_case")).isEqualTo(1);
    }

    @Test
    void aFollowUpBySameAuthorInTheConversationAttachesToTheOpenCase() {
        Post original = work.post("mara", "complaint: toastie never came");
        long caseId = work.ingest.ingest(original).caseId();
        work.dispatcher.deliverDue();

        IngestResult followUp = work.ingest.ingest(work.post("MARA", "still waiting!!", original.nativeId()));
        work.dispatcher.deliverDue();

        assertThat(followUp.status()).isEqualTo(Status.ATTACHED);
        assertThat(followUp.caseId()).isEqualTo(caseId);
        assertThat(work.views.find(caseId).orElseThrow().followUps()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM care_case")).isEqualTo(1);
        assertThat(work.chat.updates())
                .singleElement()
                .satisfies(u -> assertThat(u.card().followUps()).isEqualTo(1));
    }

    @Test
    void aReplyInTheSameThreadBySomeoneElseOpensItsOwnCase() {
        Post original = work.post("mara", "complaint: toastie never came");
        long caseId = work.ingest.ingest(original).caseId();

        IngestResult other = work.ingest.ingest(work.post("tom", "complaint: me too!", original.nativeId()));

        assertThat(other.status()).isEqualTo(Status.CREATED);
        assertThat(other.caseId()).isNotEqualTo(caseId);
    }

    @Test
    void aFollowUpReopensARespondedCaseWithANextResponseDeadline() {
        Post original = work.post("mara", "complaint: wrong size shoes");
        long caseId = work.ingest.ingest(original).caseId();
        work.commands.claim(caseId, ANA);
        work.advance(Duration.ofMinutes(10));
        work.commands.markResponded(caseId, ANA, "Sorry! DM us your order number");
        work.advance(Duration.ofMinutes(50));

        IngestResult followUp = work.ingest.ingest(work.post("mara", "Sent it, no answer yet", original.nativeId()));

        assertThat(followUp.status()).isEqualTo(Status.REOPENED);
        CaseView view = work.views.find(caseId).orElseThrow();
        assertThat(view.state()).isEqualTo(CaseState.CLAIMED);
        assertThat(view.owner()).isEqualTo(ANA);
        assertThat(view.dueAt()).isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
        assertThat(view.firstDueAt())
                .as("the first-response deadline stays")
                .isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(view.firstResponseAt()).isEqualTo(Instant.parse("2026-11-23T09:10:00Z"));
    }

    @Test
    void aFollowUpReopensAResolvedUnownedCaseAsNew() {
        Post original = work.post("mara", "question: open today?");
        long caseId = work.ingest.ingest(original).caseId();
        work.commands.resolve(caseId, ANA);

        IngestResult followUp = work.ingest.ingest(work.post("mara", "hello??", original.nativeId()));

        assertThat(followUp.status()).isEqualTo(Status.REOPENED);
        CaseView view = work.views.find(caseId).orElseThrow();
        assertThat(view.state()).isEqualTo(CaseState.NEW);
        assertThat(view.resolvedAt()).isNull();
    }

    @Test
    void aFollowUpToADismissedCaseAttachesWithoutReopening() {
        Post original = work.post("spammer", "cheap followers");
        long caseId = work.ingest.ingest(original).caseId();
        work.commands.dismiss(caseId, ANA, "spam");

        IngestResult followUp = work.ingest.ingest(work.post("spammer", "more cheap followers", original.nativeId()));

        assertThat(followUp.status()).isEqualTo(Status.ATTACHED);
        assertThat(work.views.find(caseId).orElseThrow().state()).isEqualTo(CaseState.DISMISSED);
    }

    @Test
    void routesSendKindsToTheirChannels() {
        ChannelRef complaints = new ChannelRef("test", "complaints");
        Casework routed = new Casework(
                TestDatabase.db(),
                new RouteTable(
                        List.of(new Route(Set.of(), Set.of(Kind.COMPLAINT), List.of(complaints, Casework.CHANNEL))),
                        List.of(Casework.CHANNEL)),
                List.of());

        routed.open("complaint: broken");
        routed.open("compliment: lovely");
        routed.dispatcher.deliverDue();

        assertThat(routed.chat.published())
                .extracting(p -> p.message().channel().id() + "/" + p.card().kind())
                .containsExactlyInAnyOrder("complaints/COMPLAINT", "care/COMPLAINT", "care/COMPLIMENT");
    }

    @Test
    void aKindGivenByTheSourceWinsAndTheClassifierIsKeptAsAReason() {
        IngestResult result = work.ingest.ingest(work.post("zed", "question: where is my order?"), Kind.COMPLAINT);

        CaseView view = work.views.find(result.caseId()).orElseThrow();
        assertThat(view.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(view.kindReasons()).containsExactly("kind given by source 'hook'", "the classifier said question");
    }

    @Test
    void anOverlongPostIsCutNotRejected() {
        String text = "complaint: " + "x".repeat(IngestService.MAX_TEXT + 500);

        long caseId = work.ingest.ingest(work.post("long", text)).caseId();

        assertThat(work.views.find(caseId).orElseThrow().post().text())
                .hasSize(IngestService.MAX_TEXT)
                .endsWith("…");
    }

    @Test
    void theLanguageIsGuessedWhenTheSourceDoesNotSayIt() {
        Post spanish = new Post(
                "hook",
                "es-1",
                dev.heed.core.model.Network.X,
                dev.heed.core.model.Author.of("lucia"),
                "complaint: llevo dos semanas esperando mi pedido y nadie me contesta",
                null,
                work.clock.instant(),
                null,
                null,
                null);

        long caseId = work.ingest.ingest(spanish).caseId();

        assertThat(work.views.find(caseId).orElseThrow().post().language()).isEqualTo("es");
    }

    @Test
    void theTeamsEarlierReplyToAnAlikePostIsOfferedFirstAddressedToTheNewAuthor() {
        Post first = new Post(
                "hook",
                "a1",
                dev.heed.core.model.Network.X,
                new dev.heed.core.model.Author("@mara", "Mara Lind", 10L, null),
                "complaint: my parcel never arrived and tracking shows nothing",
                "en",
                work.clock.instant(),
                null,
                null,
                null);
        long firstCase = work.ingest.ingest(first).caseId();
        work.commands.markResponded(
                firstCase, ANA, "So sorry Mara! Parcels this week were held at the depot; DM us your order number.");

        Post alike = new Post(
                "hook",
                "b1",
                dev.heed.core.model.Network.X,
                new dev.heed.core.model.Author("@tom", "Tom Reyes", 10L, null),
                "complaint: parcel never arrived, tracking shows nothing for days",
                "en",
                work.clock.instant(),
                null,
                null,
                null);
        long second = work.ingest.ingest(alike).caseId();
        long unrelated = work.open("complaint: the soup was cold");

        var suggestions = work.views.find(second).orElseThrow().suggestions();
        assertThat(suggestions.get(0).label()).isEqualTo("Used before (case #" + firstCase + ")");
        assertThat(suggestions.get(0).text())
                .isEqualTo("So sorry Tom! Parcels this week were held at the depot; DM us your order number.");
        assertThat(suggestions).hasSizeLessThanOrEqualTo(3);
        assertThat(work.views.find(unrelated).orElseThrow().suggestions())
                .noneMatch(s -> s.label().startsWith("Used before"));
    }

    @Test
    void theSamePostThroughAnotherSourceJoinsTheExistingCase() {
        Post fromFeed = work.post("mara", "complaint: cold chips");
        long caseId = work.ingest.ingest(fromFeed).caseId();
        Post relayed = new Post(
                "zapier",
                "z-77",
                fromFeed.network(),
                fromFeed.author(),
                fromFeed.text(),
                "en",
                work.clock.instant(),
                fromFeed.permalink(),
                null,
                null);

        IngestResult result = work.ingest.ingest(relayed);

        assertThat(result.status()).isEqualTo(Status.ATTACHED);
        assertThat(result.caseId()).isEqualTo(caseId);
        assertThat(count("SELECT COUNT(*) FROM care_case")).isEqualTo(1);
        assertThat(work.views.auditTrail(caseId)).extracting(AuditEntry::action).contains("SEEN_AGAIN");
    }

    @Test
    void otherPostsAreTrackedWithoutADeadline() {
        long caseId = work.open("nice weather today");

        CaseView view = work.views.find(caseId).orElseThrow();
        assertThat(view.kind()).isEqualTo(Kind.OTHER);
        assertThat(view.dueAt()).isNull();
    }

    private long count(String sql) {
        return work.db.sql().sql(sql).query(Long.class).single();
    }
}
