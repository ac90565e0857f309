package dev.heed.app.bench;

import static dev.heed.app.bench.BenchTable.ms;
import static dev.heed.app.bench.BenchTable.ratio;

import dev.heed.app.bench.BenchTable.Row;
import dev.heed.app.bench.BenchTable.Verdict;
import dev.heed.core.report.CareReports;
import dev.heed.core.support.Db;
import dev.heed.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Figure 4: the queries behind {@code /care status} and {@code /care report week} ({@link CareReports}) over
 * 100,000 and then 1,000,000 cases of history. Cases arrive at a steady rate (one every 31.5 s, a million a year),
 * so the week being reported holds the same cases in both; only the history behind it grows.
 */
final class ReportBenchmark {
    static final int SMALL = 100_000;
    static final int LARGE = 1_000_000;
    private static final int WARM_UPS = 20;
    private static final int RUNS = 100;
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final double SECONDS_BETWEEN_CASES = 365 * 86_400.0 / LARGE;

    private final Path work;

    ReportBenchmark(Path work) {
        this.work = work;
    }

    void run(BenchTable table) {
        try (BenchDb data = BenchDb.fresh(work.resolve("reports"))) {
            MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
            CareReports reports = new CareReports(data.db, clock, ZoneOffset.UTC);
            // Each query runs a second later than the one before, as in real use: H2 answers a repeated query with
            // unchanged parameters over unchanged tables from its last result, which would measure nothing.
            Runnable status = () -> {
                clock.advance(Duration.ofSeconds(1));
                reports.status();
            };
            Runnable week = () -> {
                clock.advance(Duration.ofSeconds(1));
                reports.lastDays(7);
            };
            System.err.println("[bench] seeding " + SMALL + " cases");
            seed(data.db, 1, SMALL);
            Samples statusSmall = Samples.timeMillis(WARM_UPS, RUNS, status);
            Samples weekSmall = Samples.timeMillis(WARM_UPS, RUNS, week);
            System.err.println("[bench] seeding " + (LARGE - SMALL) + " older cases");
            seed(data.db, SMALL + 1, LARGE);
            clock.set(NOW);
            table.add(row("4. /care status, 1,000,000 cases", Samples.timeMillis(WARM_UPS, RUNS, status), statusSmall));
            table.add(
                    row("4. /care report week, 1,000,000 cases", Samples.timeMillis(WARM_UPS, RUNS, week), weekSmall));
        }
    }

    private static Row row(String figure, Samples large, Samples small) {
        double growth = large.median() / small.median();
        return new Row(
                figure,
                ms(large.median()),
                ms(large.p99()),
                ms(small.median()) + " (100,000 cases)",
                ratio(growth),
                "p99 < 100 ms; growth (median) <= 1.5x",
                Verdict.of(large.p99() < 100 && growth <= 1.5));
    }

    /**
     * Cases {@code from..to}, case {@code x} detected {@code x} arrival gaps before now: the newest 300 still open
     * (new or claimed), the others answered by one of twelve people within an hour and resolved; one in a hundred
     * reclassified by the team.
     */
    static void seed(Db db, int from, int to) {
        db.sql()
                .sql("""
                        INSERT INTO care_case (kind, confidence, kind_reasons, priority, priority_score,
                            priority_reasons, state, owner_platform, owner_id, owner_name, source, author_key,
                            thread_key, detected_at, claimed_at, first_response_at, resolved_at, deadline_start,
                            first_due_at, due_at, deadline_no, nudge_step)
                        SELECT CASEWHEN(MOD(X, 4) = 0, 'COMPLAINT', CASEWHEN(MOD(X, 4) = 1, 'QUESTION',
                                CASEWHEN(MOD(X, 4) = 2, 'COMPLIMENT', 'OTHER'))),
                            0.9, 'seeded', 'NORMAL', 0, '',
                            CASEWHEN(X <= 150, 'NEW', CASEWHEN(X <= 300, 'CLAIMED', 'RESOLVED')),
                            CASEWHEN(X <= 150, NULL, 'slack'), CASEWHEN(X <= 150, NULL, 'U' || MOD(X, 12)),
                            CASEWHEN(X <= 150, NULL, 'Member ' || MOD(X, 12)),
                            'source-' || MOD(X, 5), 'author' || MOD(X, 50000), 'thread' || X,
                            DATEADD(MILLISECOND, -X * CAST(:gap AS BIGINT), CAST(:now AS TIMESTAMP WITH TIME ZONE)),
                            CASEWHEN(X <= 150, NULL, DATEADD(MILLISECOND, -X * CAST(:gap AS BIGINT) + 300000, CAST(:now AS TIMESTAMP WITH TIME ZONE))),
                            CASEWHEN(X <= 300, NULL, DATEADD(MILLISECOND, -X * CAST(:gap AS BIGINT) + 60000 * MOD(X, 60), CAST(:now AS TIMESTAMP WITH TIME ZONE))),
                            CASEWHEN(X <= 300, NULL, DATEADD(MILLISECOND, -X * CAST(:gap AS BIGINT) + 7200000, CAST(:now AS TIMESTAMP WITH TIME ZONE))),
                            DATEADD(MILLISECOND, -X * CAST(:gap AS BIGINT), CAST(:now AS TIMESTAMP WITH TIME ZONE)),
                            DATEADD(MILLISECOND, -X * CAST(:gap AS BIGINT) + 1800000, CAST(:now AS TIMESTAMP WITH TIME ZONE)),
                            DATEADD(MILLISECOND, -X * CAST(:gap AS BIGINT) + 1800000, CAST(:now AS TIMESTAMP WITH TIME ZONE)), 0, -1
                        FROM SYSTEM_RANGE(CAST(:from AS INT), CAST(:to AS INT))
                        """)
                .param("gap", (long) (SECONDS_BETWEEN_CASES * 1000))
                .param("now", Db.ts(NOW))
                .param("from", from)
                .param("to", to)
                .update();
        db.sql().sql("""
                        INSERT INTO label_example (case_id, kind, origin, text, labelled_at)
                        SELECT id, kind, 'RECLASSIFIED', 'seeded text', DATEADD(HOUR, 1, detected_at) FROM care_case
                        WHERE MOD(id, 100) = 0 AND id BETWEEN :from AND :to
                        """).param("from", from).param("to", to).update();
        db.sql().sql("ANALYZE").update();
    }
}
