package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static dev.heed.core.testing.Casework.BEN;
import static dev.heed.core.testing.Casework.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.RouteTable;
import dev.heed.core.chat.StormView;
import dev.heed.core.model.Author;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.MessageRef;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.RecordingChatPort;
import dev.heed.core.testing.RecordingChatPort.Noticed;
import dev.heed.core.testing.RecordingChatPort.Nudged;
import dev.heed.core.testing.RecordingChatPort.Published;
import dev.heed.core.testing.RecordingChatPort.StormListed;
import dev.heed.core.testing.RecordingChatPort.StormPublished;
import dev.heed.core.testing.RecordingChatPort.StormUpdated;
import dev.heed.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StormTest {
    private final Casework work =
            new Casework(TestDatabase.db(), RouteTable.to(CHANNEL), List.of(), StormSettings.defaults());
    private int posted;

    /** Post {@code n} of a viral thread: mostly the same complaint in other words; every 200th is urgent. */
    private Post viral(int n) {
        String[] texts = {
            "complaint: the viral video shows a cold burger and rude staff",
            "complaint: saw the video, cold burger again, refund please",
            "complaint: rude staff in that video, never coming back",
        };
        String text = texts[n % texts.length] + (n % 200 == 7 ? " [urgent]" : "");
        return new Post(
                "hook",
                "viral-" + n,
                Network.X,
                new Author("fan" + n, "Fan " + n, (long) (n % 50) * 10, null),
                text,
                "en",
                work.clock.instant(),
                "https://x.example/fan" + n + "/" + n,
                null,
                null);
    }

    /** 1,000 posts in 60 simulated seconds, delivered every 250 ms as the scheduler does. */
    private void burst(int count, Duration over) {
        Duration gap = over.dividedBy(count);
        Instant nextDelivery = work.clock.instant();
        for (int i = 0; i < count; i++) {
            work.advance(gap);
            work.ingest.ingest(viral(posted++));
            if (!work.clock.instant().isBefore(nextDelivery)) {
                work.tick();
                nextDelivery = work.clock.instant().plusMillis(250);
            }
        }
    }

    private void runFor(Duration duration) {
        Instant end = work.clock.instant().plus(duration);
        while (work.clock.instant().isBefore(end)) {
            work.advance(Duration.ofSeconds(1));
            work.tick();
        }
    }

    /** Messages the team sees in the channel itself (not in a thread). */
    private static long topLevel(RecordingChatPort chat) {
        return chat.events().stream()
                .filter(e -> e instanceof Published
                        || e instanceof StormPublished
                        || e instanceof Noticed
                        || (e instanceof Nudged n && n.nudge().broadcast()))
                .count();
    }

    private List<Long> caseIds() {
        return work.db
                .sql()
                .sql("SELECT id FROM care_case ORDER BY id")
                .query(Long.class)
                .list();
    }

    @Test
    void aThousandPostsInAMinuteBecomeOneStormCardAndAListInItsThread() {
        burst(1000, Duration.ofSeconds(60));
        runFor(Duration.ofSeconds(30));

        List<Long> ids = caseIds();
        assertThat(ids).hasSize(1000);
        assertThat(work.chat.events(StormPublished.class)).hasSize(1);
        MessageRef stormCard = work.chat.events(StormPublished.class).get(0).message();
        // This port posts at once (no platform pacing), so the cards of the cases before the storm began are out:
        // the threshold's worth at most. After that only the urgent cases get a card of their own. (Against Slack's
        // pace the channel sees far fewer: SlackStormTest.)
        int stormStart = work.chat
                .events()
                .indexOf(work.chat.events(StormPublished.class).get(0));
        assertThat(work.chat.events().subList(stormStart, work.chat.events().size()).stream()
                        .filter(e -> e instanceof Published p && p.card().priority() != Priority.URGENT))
                .isEmpty();
        assertThat(topLevel(work.chat)).isLessThanOrEqualTo(20 + 5 + 1);

        // The urgent posts kept their own cards; every other case is listed exactly once in the storm's thread.
        List<Published> ownCards = work.chat.published();
        assertThat(ownCards).extracting(p -> p.card().priority()).contains(Priority.URGENT);
        assertThat(ownCards.stream().filter(p -> p.card().priority() == Priority.URGENT))
                .hasSize(5);
        List<Long> listed = new ArrayList<>();
        for (StormListed list : work.chat.events(StormListed.class)) {
            assertThat(list.storm()).isEqualTo(stormCard);
            assertThat(list.cases()).hasSizeLessThanOrEqualTo(StormSettings.LIST_SIZE);
            list.cases().forEach(c -> listed.add(c.id()));
        }
        assertThat(new HashSet<>(listed)).hasSameSizeAs(listed);
        Set<Long> withCards = new HashSet<>();
        ownCards.forEach(p -> withCards.add(p.card().id()));
        Set<Long> everyCase = new HashSet<>(listed);
        everyCase.addAll(withCards);
        assertThat(everyCase).containsExactlyInAnyOrderElementsOf(ids);

        // The storm card is edited in place, coalesced: far fewer edits than cases, at least 5 s apart.
        List<StormUpdated> edits = work.chat.events(StormUpdated.class);
        assertThat(edits).isNotEmpty().hasSizeLessThan(30);
        assertThat(edits).allSatisfy(e -> assertThat(e.message()).isEqualTo(stormCard));
        StormView last = edits.get(edits.size() - 1).storm();
        assertThat(last.cases()).isEqualTo(1000 - withCards.size());
        assertThat(last.topWords()).contains("video", "burger");
        assertThat(last.authors()).isEqualTo(last.cases());
        assertThat(last.reach()).isPositive();
        assertThat(last.loudest()).isNotNull();

        // /care status shows the storm.
        assertThat(work.reports.status().storms())
                .singleElement()
                .satisfies(s -> assertThat(s.line()).contains("from hook", "unclaimed"));

        // Every case can be claimed, and each claim shows on the storm card, not as a card of its own.
        int cardsBefore = work.chat.published().size();
        for (long id : ids) {
            assertThat(work.commands.claim(id, id % 2 == 0 ? ANA : BEN).changed())
                    .isTrue();
        }
        runFor(Duration.ofSeconds(10));
        assertThat(work.chat.published()).hasSize(cardsBefore);
        assertThat(work.reports.status().storms().get(0).claimed()).isEqualTo(1000 - withCards.size());
    }

    @Test
    void theStormEndsWithASummaryWhenTheRateFalls() {
        burst(300, Duration.ofSeconds(30));
        long someCase = caseIds().get(50);
        work.commands.claim(someCase, ANA);
        work.commands.markResponded(someCase, ANA, null);
        runFor(Duration.ofMinutes(9));
        assertThat(work.reports.status().storms()).hasSize(1);

        runFor(Duration.ofMinutes(2));

        assertThat(work.reports.status().storms()).isEmpty();
        assertThat(work.chat.events(Noticed.class))
                .singleElement()
                .satisfies(n -> assertThat(n.text())
                        .startsWith("Storm #")
                        .contains("is over", "cases, 1 claimed, 1 responded", "Top words: "));
        StormUpdated finalEdit = work.chat
                .events(StormUpdated.class)
                .get(work.chat.events(StormUpdated.class).size() - 1);
        assertThat(finalEdit.storm().active()).isFalse();
        // After the storm, a calm stream gets one card per case again.
        work.chat.clear();
        work.open("complaint: one more, much later");
        work.tick();
        assertThat(work.chat.published()).hasSize(1);
    }

    @Test
    void aStormCasesNudgesGoToTheStormThreadWithoutShowingInTheChannel() {
        burst(100, Duration.ofSeconds(20));
        runFor(Duration.ofSeconds(30));
        MessageRef stormCard = work.chat.events(StormPublished.class).get(0).message();
        long stormCase =
                work.chat.events(StormListed.class).get(0).cases().get(0).id();
        work.chat.clear();

        runFor(Duration.ofMinutes(31)); // complaints are due after 30 minutes

        List<Nudged> nudges = work.chat.nudges().stream()
                .filter(n -> n.nudge().caseId() == stormCase)
                .toList();
        assertThat(nudges).extracting(n -> n.nudge().level()).contains(NudgeLevel.REMINDER, NudgeLevel.BREACH);
        assertThat(nudges).allSatisfy(n -> {
            assertThat(n.card()).isEqualTo(stormCard);
            assertThat(n.nudge().broadcast()).isFalse();
        });
    }

    @Test
    void casesWhoseCardsWereStillWaitingJoinTheStormWhenItStarts() {
        for (int i = 0; i < 21; i++) {
            work.ingest.ingest(viral(posted++));
        }
        work.tick();

        assertThat(work.chat.published())
                .allSatisfy(p -> assertThat(p.card().priority()).isEqualTo(Priority.URGENT));
        assertThat(work.chat.events(StormPublished.class)).hasSize(1);
        runFor(Duration.ofSeconds(5));
        assertThat(work.chat.events(StormListed.class))
                .singleElement()
                .satisfies(l -> assertThat(l.cases()).hasSize(20));
        assertThat(work.views.auditTrail(caseIds().get(0)))
                .extracting(AuditEntry::action)
                .contains("IN_STORM");
    }

    @Test
    void aRestartMidStormPostsNothingTwiceAndStartsNoSecondStorm() {
        burst(200, Duration.ofSeconds(20));
        // A crash while a thread message was being posted: the row is started, its result never recorded.
        Long listRow = work.db
                .sql()
                .sql("SELECT MIN(id) FROM outbox WHERE kind = 'STORM_LIST'")
                .query(Long.class)
                .single();
        work.db
                .sql()
                .sql("UPDATE outbox SET started_at = ?, attempts = 1 WHERE id = ?")
                .params(dev.heed.core.support.Db.ts(work.clock.instant()), listRow)
                .update();

        Casework restarted = new Casework(work.db, RouteTable.to(CHANNEL), List.of(), StormSettings.defaults());
        restarted.clock.set(work.clock.instant());
        for (int i = 0; i < 200; i++) { // the source replays what it sent before the crash, then sends more
            restarted.ingest.ingest(viral(i));
        }
        for (int i = 0; i < 300; i++) {
            restarted.advance(Duration.ofSeconds(1));
            restarted.tick();
        }

        assertThat(caseIds()).hasSize(200);
        assertThat(work.db
                        .sql()
                        .sql("SELECT COUNT(*) FROM storm")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(restarted.chat.events(StormPublished.class)).isEmpty(); // the card was out before the crash
        // The interrupted message goes again, flagged so the adapter can find it; no case is listed by two messages.
        List<StormListed> lists = new ArrayList<>(work.chat.events(StormListed.class));
        lists.addAll(restarted.chat.events(StormListed.class));
        List<StormListed> retried =
                lists.stream().filter(l -> l.attempt().mayHaveBeenDelivered()).toList();
        assertThat(retried)
                .singleElement()
                .satisfies(l -> assertThat(l.attempt().key()).isEqualTo("heed-o" + listRow));
        List<Long> listed =
                lists.stream().flatMap(l -> l.cases().stream()).map(c -> c.id()).toList();
        assertThat(new HashSet<>(listed)).hasSameSizeAs(listed);
        assertThat(restarted.views.find(caseIds().get(3)).orElseThrow().state()).isEqualTo(CaseState.NEW);
    }
}
