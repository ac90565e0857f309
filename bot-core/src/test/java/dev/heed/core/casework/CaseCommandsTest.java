package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static dev.heed.core.testing.Casework.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.casework.CommandOutcome.Status;
import dev.heed.core.chat.CaseView;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.testing.Casework;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CaseCommandsTest {
    private final Casework work = new Casework();

    @Test
    void claimMakesTheMemberTheOwnerAndUpdatesTheCard() {
        long id = work.open("complaint: the coffee was cold");
        work.dispatcher.deliverDue();

        CommandOutcome outcome = work.commands.claim(id, ANA);
        work.dispatcher.deliverDue();

        assertThat(outcome.status()).isEqualTo(Status.DONE);
        assertThat(outcome.message()).isEqualTo("Claimed by Ana.");
        assertThat(outcome.view().state()).isEqualTo(CaseState.CLAIMED);
        assertThat(outcome.view().owner()).isEqualTo(ANA);
        assertThat(outcome.view().claimedAt()).isEqualTo(work.clock.instant());
        assertThat(work.chat.updates()).singleElement().satisfies(update -> {
            assertThat(update.card().owner()).isEqualTo(ANA);
            assertThat(update.message()).isEqualTo(work.chat.published().get(0).message());
        });
    }

    @Test
    void secondClaimIsRefusedNamingTheOwner() {
        long id = work.open("complaint: late delivery");
        work.commands.claim(id, ANA);

        CommandOutcome second = work.commands.claim(id, BEN);

        assertThat(second.status()).isEqualTo(Status.REFUSED);
        assertThat(second.message()).isEqualTo("Already claimed by Ana.");
        assertThat(second.view().owner()).isEqualTo(ANA);
    }

    @Test
    void claimingYourOwnCaseAgainChangesNothing() {
        long id = work.open("complaint: late delivery");
        work.commands.claim(id, ANA);
        int version = work.views.find(id).orElseThrow().version();

        CommandOutcome again = work.commands.claim(id, ANA);

        assertThat(again.status()).isEqualTo(Status.UNCHANGED);
        assertThat(again.view().version()).isEqualTo(version);
    }

    @Test
    void simultaneousClaimsGiveExactlyOneOwner() throws Exception {
        long id = work.open("complaint: broken blender");
        int claimants = 16;
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CommandOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < claimants; i++) {
            MemberRef member = new MemberRef("test", "U" + i, "Member " + i);
            futures.add(pool.submit(() -> {
                start.await();
                return work.commands.claim(id, member);
            }));
        }
        start.countDown();
        List<CommandOutcome> outcomes = new ArrayList<>();
        for (Future<CommandOutcome> future : futures) {
            outcomes.add(future.get());
        }
        pool.shutdown();

        List<CommandOutcome> winners =
                outcomes.stream().filter(o -> o.status() == Status.DONE).toList();
        assertThat(winners).hasSize(1);
        MemberRef owner = winners.get(0).view().owner();
        assertThat(outcomes.stream().filter(o -> o.status() == Status.REFUSED))
                .hasSize(claimants - 1)
                .allSatisfy(o -> assertThat(o.message()).isEqualTo("Already claimed by " + owner.displayName() + "."));
        assertThat(work.views.find(id).orElseThrow().owner()).isEqualTo(owner);
        assertThat(work.views.auditTrail(id).stream().filter(a -> a.action().equals("CLAIMED")))
                .hasSize(1);
    }

    @Test
    void onlyTheOwnerCanReleaseAClaim() {
        long id = work.open("complaint: wrong order");
        work.commands.claim(id, ANA);

        CommandOutcome byBen = work.commands.unclaim(id, BEN);
        CommandOutcome byAna = work.commands.unclaim(id, ANA);

        assertThat(byBen.status()).isEqualTo(Status.REFUSED);
        assertThat(byBen.message()).contains("Only Ana can release");
        assertThat(byAna.status()).isEqualTo(Status.DONE);
        assertThat(byAna.view().state()).isEqualTo(CaseState.NEW);
        assertThat(byAna.view().owner()).isNull();
    }

    @Test
    void respondingRecordsTheFirstResponseAndTheReplyAndStopsNudges() {
        long id = work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(7));

        CommandOutcome outcome = work.commands.markResponded(id, BEN, "  So sorry, Ana - DM us?  ");

        CaseView view = outcome.view();
        assertThat(view.state()).isEqualTo(CaseState.RESPONDED);
        assertThat(view.owner()).as("the responder owns an unclaimed case").isEqualTo(BEN);
        assertThat(view.firstResponseAt()).isEqualTo(Instant.parse("2026-11-23T09:07:00Z"));
        assertThat(view.replyText()).isEqualTo("So sorry, Ana - DM us?");
        assertThat(nextNudgeAt(id)).isNull();
    }

    @Test
    void aLaterResponseKeepsTheFirstResponseTime() {
        long id = work.open("complaint: cold soup");
        work.advance(Duration.ofMinutes(5));
        work.commands.markResponded(id, ANA, null);
        work.advance(Duration.ofMinutes(5));

        CommandOutcome again = work.commands.markResponded(id, ANA, "Follow-up sent");

        assertThat(again.status()).isEqualTo(Status.DONE);
        assertThat(again.view().firstResponseAt()).isEqualTo(Instant.parse("2026-11-23T09:05:00Z"));
        assertThat(again.view().replyText()).isEqualTo("Follow-up sent");
    }

    @Test
    void resolveAndDismissCloseTheCaseAndCannotBeMixed() {
        long resolved = work.open("complaint: noisy room");
        long dismissed = work.open("buy followers cheap");

        CommandOutcome resolve = work.commands.resolve(resolved, ANA);
        CommandOutcome dismiss = work.commands.dismiss(dismissed, ANA, "spam");
        CommandOutcome dismissResolved = work.commands.dismiss(resolved, ANA, "spam");
        CommandOutcome resolveDismissed = work.commands.resolve(dismissed, ANA);

        assertThat(resolve.view().state()).isEqualTo(CaseState.RESOLVED);
        assertThat(resolve.view().resolvedAt()).isEqualTo(work.clock.instant());
        assertThat(dismiss.view().state()).isEqualTo(CaseState.DISMISSED);
        assertThat(dismiss.view().dismissReason()).isEqualTo("spam");
        assertThat(dismissResolved.status()).isEqualTo(Status.REFUSED);
        assertThat(resolveDismissed.status()).isEqualTo(Status.REFUSED);
        assertThat(resolveDismissed.message()).isEqualTo("Case #" + dismissed + " was dismissed.");
    }

    @Test
    void dismissWithoutAReasonSaysNotRelevant() {
        long id = work.open("random chatter");

        assertThat(work.commands.dismiss(id, ANA, " ").view().dismissReason()).isEqualTo("not relevant");
    }

    @Test
    void snoozeMovesTheNextNudgeButNotTheDeadline() {
        long id = work.open("complaint: parcel missing");
        Instant due = work.views.find(id).orElseThrow().dueAt();

        CommandOutcome outcome = work.commands.snooze(id, ANA, Duration.ofMinutes(25));

        assertThat(outcome.status()).isEqualTo(Status.DONE);
        assertThat(outcome.view().snoozedUntil()).isEqualTo(Instant.parse("2026-11-23T09:25:00Z"));
        assertThat(outcome.view().dueAt()).isEqualTo(due);
        assertThat(nextNudgeAt(id)).isEqualTo(Instant.parse("2026-11-23T09:25:00Z"));
    }

    @Test
    void snoozeRefusesZeroNegativeAndOverlongDurations() {
        long id = work.open("complaint: parcel missing");

        assertThat(work.commands.snooze(id, ANA, Duration.ZERO).status()).isEqualTo(Status.REFUSED);
        assertThat(work.commands.snooze(id, ANA, Duration.ofMinutes(-5)).status())
                .isEqualTo(Status.REFUSED);
        assertThat(work.commands.snooze(id, ANA, Duration.ofDays(8)).message()).contains("at most 7 days");
        assertThat(work.views.find(id).orElseThrow().snoozedUntil()).isNull();
    }

    @Test
    void reassignGivesTheCaseToSomeoneElse() {
        long id = work.open("question: are you open on Sunday?");
        work.commands.claim(id, ANA);

        CommandOutcome outcome = work.commands.reassign(id, BEN, BEN);

        assertThat(outcome.view().owner()).isEqualTo(BEN);
        assertThat(outcome.view().state()).isEqualTo(CaseState.CLAIMED);
        assertThat(work.views.auditTrail(id))
                .extracting(AuditEntry::action)
                .containsExactly("DETECTED", "CLAIMED", "REASSIGNED");
    }

    @Test
    void reclassifyingRecomputesTheDeadlineFromDetection() {
        long id = work.open("question: do you deliver?");
        assertThat(work.views.find(id).orElseThrow().dueAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        work.advance(Duration.ofMinutes(5));

        CommandOutcome outcome = work.commands.reclassify(id, ANA, Kind.COMPLAINT);

        assertThat(outcome.view().kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(outcome.view().kindReasons()).containsExactly("reclassified by Ana (was question)");
        assertThat(outcome.view().dueAt()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(outcome.view().firstDueAt()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
    }

    @Test
    void reclassifyingAsOtherRemovesTheDeadline() {
        long id = work.open("complaint: meh");

        CommandOutcome outcome = work.commands.reclassify(id, ANA, Kind.OTHER);

        assertThat(outcome.view().dueAt()).isNull();
        assertThat(nextNudgeAt(id)).isNull();
    }

    @Test
    void commandsOnAMissingCaseSaySo() {
        CommandOutcome outcome = work.commands.claim(999, ANA);

        assertThat(outcome.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(outcome.message()).isEqualTo("There is no case #999.");
        assertThat(outcome.view()).isNull();
    }

    @Test
    void everyChangeIsAuditedWithWhoAndWhen() {
        long id = work.open("complaint: overcharged");
        work.advance(Duration.ofMinutes(1));
        work.commands.claim(id, ANA);
        work.advance(Duration.ofMinutes(1));
        work.commands.markResponded(id, ANA, "Sorry! DM us");
        work.advance(Duration.ofMinutes(1));
        work.commands.resolve(id, ANA);

        List<AuditEntry> trail = work.views.auditTrail(id);

        assertThat(trail)
                .extracting(AuditEntry::action)
                .containsExactly("DETECTED", "CLAIMED", "RESPONDED", "RESOLVED");
        assertThat(trail)
                .extracting(AuditEntry::at)
                .containsExactly(
                        Instant.parse("2026-11-23T09:00:00Z"),
                        Instant.parse("2026-11-23T09:01:00Z"),
                        Instant.parse("2026-11-23T09:02:00Z"),
                        Instant.parse("2026-11-23T09:03:00Z"));
        assertThat(trail.get(1).actor()).isEqualTo("test:U-ana (Ana)");
        assertThat(trail.get(2).detail()).isEqualTo("Sorry! DM us");
    }

    private Instant nextNudgeAt(long id) {
        return work.db
                .sql()
                .sql("SELECT next_nudge_at FROM care_case WHERE id = ?")
                .param(id)
                .query((rs, n) -> dev.heed.core.support.Db.instant(rs, "next_nudge_at"))
                .list()
                .get(0);
    }
}
