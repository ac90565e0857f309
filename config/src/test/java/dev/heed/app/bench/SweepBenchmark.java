package dev.heed.app.bench;

import static dev.heed.app.bench.BenchTable.count;
import static dev.heed.app.bench.BenchTable.ms;
import static dev.heed.app.bench.BenchTable.ratio;

import dev.heed.app.bench.BenchTable.Row;
import dev.heed.app.bench.BenchTable.Verdict;
import dev.heed.core.casework.NudgeSweep;
import dev.heed.core.sla.BusinessHours;
import dev.heed.core.sla.ClockMode;
import dev.heed.core.sla.DeadlinePolicy;
import dev.heed.core.sla.NudgeLadder;
import dev.heed.core.sla.NudgeSettings;
import dev.heed.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Figure 3: the nudge sweep ({@link NudgeSweep}, as the scheduler runs it every 10 s) over 100,000 and 10,000 open
 * cases whose reminders fall due at one a second, so that each sweep has the same work (about ten nudges) and only
 * the number of waiting cases differs. The clock is a test clock moved by the interval between sweeps. Lateness of
 * a nudge: from its due time to the sweep that queued it, plus that sweep's own duration.
 */
final class SweepBenchmark {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final int WARM_UP_SWEEPS = 10;
    static final int SWEEPS = 60;
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private final Path work;

    SweepBenchmark(Path work) {
        this.work = work;
    }

    private record Result(Samples sweepMillis, Samples latenessMillis, int nudges) {}

    void run(BenchTable table) {
        Result small = sweep(10_000);
        Result large = sweep(100_000);
        double growth = large.sweepMillis.median() / small.sweepMillis.median();
        table.add(new Row(
                "3. nudge sweep, 100,000 open cases (" + large.nudges / SWEEPS + " nudges/sweep)",
                ms(large.sweepMillis.median()),
                ms(large.sweepMillis.p99()),
                ms(small.sweepMillis.median()) + " (10,000 cases)",
                ratio(growth),
                "< 20 ms; growth flat (<= 1.5x)",
                Verdict.of(large.sweepMillis.p99() < 20 && growth <= 1.5)));
        table.add(new Row(
                "3. nudge lateness vs due time, 100,000 cases",
                ms(large.latenessMillis.median()),
                ms(large.latenessMillis.p99()),
                ms(small.latenessMillis.p99()) + " p99 (10,000 cases)",
                ratio(large.latenessMillis.p99() / small.latenessMillis.p99()),
                "p99 <= " + INTERVAL.toSeconds() + " s (the sweep interval)",
                Verdict.of(large.latenessMillis.p99() <= INTERVAL.toMillis())));
    }

    private Result sweep(int openCases) {
        System.err.println("[bench] sweep over " + count(openCases) + " open cases");
        try (BenchDb data = BenchDb.fresh(work.resolve("sweep-" + openCases))) {
            seed(data, openCases);
            MutableClock clock = new MutableClock(START, ZoneOffset.UTC);
            DeadlinePolicy policy = new DeadlinePolicy(
                    BusinessHours.alwaysOpen(ZoneOffset.UTC), ClockMode.ARRIVAL, DeadlinePolicy.defaultRules());
            NudgeLadder ladder =
                    new NudgeLadder(new NudgeSettings(0.5, 0.8, Duration.ofMinutes(10), Duration.ofMinutes(30), 2));
            NudgeSweep sweep = new NudgeSweep(data.db, clock, policy, ladder);
            Samples sweepMillis = new Samples();
            Map<Instant, Double> durations = new HashMap<>();
            for (int i = 0; i < WARM_UP_SWEEPS + SWEEPS; i++) {
                clock.advance(INTERVAL);
                double millis = Samples.millisOf(sweep::run);
                if (i >= WARM_UP_SWEEPS) {
                    sweepMillis.add(millis);
                    durations.put(clock.instant(), millis);
                }
            }
            Samples lateness = new Samples();
            data.db.sql().sql("SELECT due_at, queued_at FROM nudge").query(rs -> {
                Instant due = dev.heed.core.support.Db.instant(rs, "due_at");
                Instant queued = dev.heed.core.support.Db.instant(rs, "queued_at");
                Double took = durations.get(queued);
                if (took != null) {
                    lateness.add(Duration.between(due, queued).toMillis() + took);
                }
            });
            return new Result(sweepMillis, lateness, lateness.size());
        }
    }

    /**
     * {@code n} open complaints: case {@code x}'s deadline started 30 minutes before {@code START + x} seconds and
     * ends 30 minutes after it, so its half-time reminder falls due at {@code START + x} s; each shows in one channel.
     */
    private static void seed(BenchDb data, int n) {
        data.db
                .sql()
                .sql("""
                        INSERT INTO care_case (kind, confidence, kind_reasons, priority, priority_score,
                            priority_reasons, state, source, author_key, thread_key, detected_at, deadline_start,
                            first_due_at, due_at, deadline_no, nudge_step, next_nudge_at)
                        SELECT 'COMPLAINT', 0.9, 'seeded', 'NORMAL', 0, '', 'NEW', 'bench', 'author' || X, 't' || X,
                            DATEADD(SECOND, X - 1800, CAST(:start AS TIMESTAMP WITH TIME ZONE)), DATEADD(SECOND, X - 1800, CAST(:start AS TIMESTAMP WITH TIME ZONE)),
                            DATEADD(SECOND, X + 1800, CAST(:start AS TIMESTAMP WITH TIME ZONE)), DATEADD(SECOND, X + 1800, CAST(:start AS TIMESTAMP WITH TIME ZONE)), 0, -1,
                            DATEADD(SECOND, X, CAST(:start AS TIMESTAMP WITH TIME ZONE))
                        FROM SYSTEM_RANGE(1, CAST(:n AS INT))
                        """)
                .param("start", dev.heed.core.support.Db.ts(START))
                .param("n", n)
                .update();
        data.db
                .sql()
                .sql(
                        "INSERT INTO case_message (case_id, platform, channel_id) SELECT id, 'console', 'care' FROM care_case")
                .update();
        data.db.sql().sql("ANALYZE").update();
    }
}
