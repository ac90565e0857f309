package dev.heed.core;

import static dev.heed.core.testing.Casework.ANA;
import static dev.heed.core.testing.Casework.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.casework.CaseFilter;
import dev.heed.core.casework.CommandOutcome;
import dev.heed.core.casework.IngestResult;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.Post;
import dev.heed.core.report.PeriodReport;
import dev.heed.core.report.StatusReport;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.support.Db;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same migrations and queries on a real PostgreSQL, the store of teams that run several instances. Runs when
 * {@code HEED_TEST_POSTGRES_URL} names one ({@code .ci/run} starts one with {@code .ci/postgres}).
 */
@EnabledIfEnvironmentVariable(named = "HEED_TEST_POSTGRES_URL", matches = ".+")
class PostgresCompatibilityTest {
    private final Casework work = new Casework(
            new Db(TestDatabase.postgres(System.getenv("HEED_TEST_POSTGRES_URL"))),
            RouteTable.to(Casework.CHANNEL),
            List.of());

    @Test
    void aCaseGoesFromPostToCardNudgesResponseAndReport() {
        Post post = work.post("mara", "complaint: broken on arrival");
        IngestResult created = work.ingest.ingest(post);
        assertThat(work.ingest.ingest(post).status()).isEqualTo(IngestResult.Status.DUPLICATE);
        work.dispatcher.deliverDue();
        work.commands.claim(created.caseId(), ANA);
        assertThat(work.ingest
                        .ingest(work.post("mara", "hello?", post.nativeId()))
                        .status())
                .isEqualTo(IngestResult.Status.ATTACHED);

        work.advance(Duration.ofMinutes(20));
        work.tick();
        work.advance(Duration.ofMinutes(5));
        work.commands.markResponded(created.caseId(), ANA, "Sorry! DM us?");
        work.dispatcher.deliverDue();

        assertThat(work.chat.published()).hasSize(1);
        assertThat(work.chat.nudges()).extracting(n -> n.nudge().level()).containsExactly(NudgeLevel.WARNING);
        var view = work.views.find(created.caseId()).orElseThrow();
        assertThat(view.state()).isEqualTo(CaseState.RESPONDED);
        assertThat(view.followUps()).isEqualTo(1);
        assertThat(view.detectedAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(work.views.list(CaseFilter.newest(10).ownedBy(ANA))).hasSize(1);
        assertThat(work.views.auditTrail(created.caseId())).hasSizeGreaterThanOrEqualTo(4);

        StatusReport status = work.reports.status();
        assertThat(status.openByState()).containsEntry(CaseState.RESPONDED, 1L);
        PeriodReport report = work.reports.lastDays(1);
        assertThat(report.responses().median()).isEqualTo(Duration.ofMinutes(25));
    }

    @Test
    void simultaneousClaimsGiveExactlyOneOwner() throws Exception {
        long id = work.open("complaint: cold");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CommandOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MemberRef member = i % 2 == 0 ? ANA : BEN;
            MemberRef someone = new MemberRef(member.platform(), member.id() + i, member.displayName() + i);
            futures.add(pool.submit(() -> {
                start.await();
                return work.commands.claim(id, someone);
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<CommandOutcome> future : futures) {
            if (future.get().status() == CommandOutcome.Status.DONE) {
                winners++;
            }
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
    }
}
