package dev.heed.core.delivery;

import static dev.heed.core.testing.Casework.ANA;
import static dev.heed.core.testing.Casework.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.RouteTable;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MessageRef;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.RecordingChatPort;
import dev.heed.core.testing.RecordingChatPort.Published;
import dev.heed.core.testing.RecordingChatPort.Updated;
import dev.heed.core.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private final Casework work = new Casework();

    @Test
    void aCardIsPublishedOnceAndThenEditedInPlace() {
        long id = work.open("complaint: cold soup");
        work.dispatcher.deliverDue();
        work.commands.claim(id, ANA);
        work.dispatcher.deliverDue();
        work.commands.markResponded(id, ANA, null);
        work.dispatcher.deliverDue();

        assertThat(work.chat.published()).hasSize(1);
        MessageRef card = work.chat.published().get(0).message();
        assertThat(work.chat.updates())
                .hasSize(2)
                .allSatisfy(u -> assertThat(u.message()).isEqualTo(card));
        assertThat(work.chat.updates().get(1).card().state().name()).isEqualTo("RESPONDED");
        assertThat(outboxRows()).isZero();
    }

    @Test
    void changesMadeWhileACardWaitsFoldIntoOneDelivery() {
        long id = work.open("complaint: cold soup");
        work.commands.claim(id, ANA);
        work.commands.reassign(id, ANA, BEN);

        work.dispatcher.deliverDue();

        assertThat(work.chat.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        Published.class, p -> assertThat(p.card().owner()).isEqualTo(BEN));
    }

    @Test
    void aChatOutageLosesNothingAndPostsNothingTwice() {
        work.chat.failNext(4, null);
        long id = work.open("complaint: cold soup");
        work.commands.claim(id, ANA);

        for (int second = 0; second < 120; second++) {
            work.advance(Duration.ofSeconds(1));
            work.dispatcher.deliverDue();
        }

        assertThat(work.chat.published()).hasSize(1);
        assertThat(work.chat.published().get(0).card().owner()).isEqualTo(ANA);
        assertThat(work.chat.published().get(0).attempt().attempt()).isEqualTo(5);
        assertThat(work.dispatcher.status().pending()).isZero();
    }

    @Test
    void failuresBackOffAndTheStatusShowsDeliveryDegraded() {
        work.chat.failNext(100, null);
        work.open("complaint: cold soup");

        int tries = 0;
        for (int second = 0; second < 60; second++) {
            work.advance(Duration.ofSeconds(1));
            work.dispatcher.deliverDue();
        }
        tries = attempts();

        assertThat(tries)
                .as("2 s, 4 s, 8 s, 16 s ... with jitter: a handful of tries in a minute, not sixty")
                .isBetween(3, 7);
        OutboxStatus status = work.dispatcher.status();
        assertThat(status.degraded()).isTrue();
        assertThat(status.pending()).isEqualTo(1);
        assertThat(status.lastError()).contains("simulated outage (503)");
    }

    @Test
    void aRetryAfterFromThePlatformIsHonoured() {
        work.chat.failNext(1, Duration.ofSeconds(30));
        work.open("complaint: cold soup");
        work.dispatcher.deliverDue();

        work.advance(Duration.ofSeconds(29));
        work.dispatcher.deliverDue();
        assertThat(work.chat.published()).isEmpty();

        work.advance(Duration.ofSeconds(1));
        work.dispatcher.deliverDue();
        assertThat(work.chat.published()).hasSize(1);
    }

    @Test
    void theAdaptersOwnPacingIsNoFailureNeitherBackingOffNorDegradingDelivery() {
        work.chat.paceNext(3, Duration.ofSeconds(1));
        work.open("complaint: cold soup");

        for (int second = 0; second < 3; second++) {
            work.dispatcher.deliverDue();
            assertThat(work.dispatcher.status().failing()).isZero();
            assertThat(work.dispatcher.status().degraded()).isFalse();
            work.advance(Duration.ofSeconds(1));
        }
        work.dispatcher.deliverDue();

        assertThat(work.chat.published())
                .as("paced three times, then sent one second later each time")
                .hasSize(1);
        assertThat(outboxRows()).isZero();
    }

    @Test
    void aDeliveryStartedButNeverRecordedIsRetriedAfterTheLeaseAndFlaggedAsMaybeDelivered() {
        long id = work.open("complaint: cold soup");
        // A dispatcher took the row and died before the chat answered.
        work.db
                .sql()
                .sql("UPDATE outbox SET started_at = ?, attempts = 1 WHERE case_id = ?")
                .params(dev.heed.core.support.Db.ts(work.clock.instant()), id)
                .update();

        work.dispatcher.deliverDue();
        assertThat(work.chat.published())
                .as("still leased to the dead dispatcher")
                .isEmpty();

        work.advance(Duration.ofMinutes(2).plusSeconds(1));
        work.dispatcher.deliverDue();

        assertThat(work.chat.published()).singleElement().satisfies(p -> {
            assertThat(p.attempt().mayHaveBeenDelivered()).isTrue();
            assertThat(p.attempt().attempt()).isEqualTo(2);
        });
    }

    @Test
    void nudgesWaitForTheirCardAndFollowItInOrder() {
        work.chat.failNext(1, null);
        work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(31));
        work.sweep.run(); // the breach is queued behind the card that has not gone out yet

        for (int second = 0; second < 10; second++) {
            work.advance(Duration.ofSeconds(1));
            work.dispatcher.deliverDue();
        }

        assertThat(work.chat.events()).hasSize(2);
        assertThat(work.chat.events().get(0)).isInstanceOf(Published.class);
        assertThat(work.chat.events().get(1)).isInstanceOf(RecordingChatPort.Nudged.class);
    }

    @Test
    void aFailingChannelHoldsBackOnlyItsOwnCards() {
        RecordingChatPort broken = new RecordingChatPort("broken");
        broken.failNext(1_000, null);
        ChannelRef brokenChannel = new ChannelRef("broken", "x");
        Casework both =
                new Casework(TestDatabase.db(), RouteTable.to(Casework.CHANNEL, brokenChannel), List.of(broken));

        long id = both.open("complaint: cold soup");
        both.commands.claim(id, ANA);
        both.dispatcher.deliverDue();

        assertThat(both.chat.published()).hasSize(1);
        assertThat(broken.published()).isEmpty();
        assertThat(both.dispatcher.status().pending()).isEqualTo(1);
    }

    @Test
    void aPlatformWithoutAPortIsReportedNotDropped() {
        Casework orphan = new Casework(TestDatabase.db(), RouteTable.to(new ChannelRef("slack", "C1")), List.of());

        orphan.open("complaint: cold soup");
        orphan.dispatcher.deliverDue();

        assertThat(orphan.dispatcher.status().pending()).isEqualTo(1);
        assertThat(orphan.dispatcher.status().lastError()).contains("no chat port is active for platform 'slack'");
    }

    @Test
    void eachCardKeepsItsOwnMessage() {
        long first = work.open("complaint: one");
        long second = work.open("complaint: two");
        work.dispatcher.deliverDue();
        work.commands.claim(second, ANA);
        work.dispatcher.deliverDue();

        Updated update = work.chat.updates().get(0);
        assertThat(update.card().id()).isEqualTo(second);
        assertThat(update.message())
                .isEqualTo(work.chat.published().stream()
                        .filter(p -> p.card().id() == second)
                        .findFirst()
                        .orElseThrow()
                        .message());
        assertThat(first).isNotEqualTo(second);
    }

    private int attempts() {
        return work.db
                .sql()
                .sql("SELECT MAX(attempts) FROM outbox")
                .query(Integer.class)
                .single();
    }

    private long outboxRows() {
        return work.db
                .sql()
                .sql("SELECT COUNT(*) FROM outbox")
                .query(Long.class)
                .single();
    }
}
