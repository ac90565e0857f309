package dev.heed.app.bench;

import static dev.heed.app.bench.BenchTable.count;
import static dev.heed.app.bench.BenchTable.ms;
import static dev.heed.app.bench.BenchTable.perSecond;
import static dev.heed.app.bench.BenchTable.ratio;

import dev.heed.app.bench.BenchTable.Row;
import dev.heed.app.bench.BenchTable.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Figure 1: posts per second from the webhook body (through Spring MVC's dispatch of {@code POST /hooks/ingest/{source}},
 * without the socket) to the case committed with its outbox row, on an H2 file database. Baseline: the very rows
 * those posts produced (cases, posts, suggestions, card targets, audit entries, outbox rows), written again into a
 * fresh database of the same kind with plain JDBC batch inserts.
 */
final class IngestBenchmark {
    static final int WARM_UP = 1_000;
    static final int SMALL = 1_000;
    static final int LARGE = 10_000;
    private static final int SLICES = 10;
    private static final String TOKEN = "bench-webhook-token-0123456789";
    /** The tables an ingest writes, each with the column naming its case. */
    private static final List<String[]> WRITTEN = List.of(
            new String[] {"care_case", "id"},
            new String[] {"post", "case_id"},
            new String[] {"suggestion", "case_id"},
            new String[] {"case_message", "case_id"},
            new String[] {"audit_entry", "case_id"},
            new String[] {"outbox", "case_id"});

    private final Path work;

    IngestBenchmark(Path work) {
        this.work = work;
    }

    void run(BenchTable table) throws Exception {
        try (InProcessApp app = InProcessApp.start(
                work.resolve("ingest"),
                "heed.scheduling.enabled=false",
                "heed.storms.enabled=false", // a card per post: the path measured here
                "heed.webhook.rate-limit.requests=1000000", // the limit is not what is measured
                "heed.sources[0].id=bench",
                "heed.sources[0].type=webhook",
                "heed.sources[0].token=" + TOKEN,
                "heed.sources[0].network=x")) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app.context)
                    .build();
            DataSource data = app.bean(DataSource.class);
            ingest(mvc, data, "warm", WARM_UP);
            Run small = ingest(mvc, data, "small", SMALL);
            Run large = ingest(mvc, data, "large", LARGE);
            for (Run run : List.of(small, large)) {
                double baseline = run.posts / (copyRows(data, run) / 1000.0);
                double rate = run.slices.median();
                table.add(new Row(
                        "1. ingest, " + count(run.posts) + " posts (webhook body -> committed)",
                        perSecond(rate, "posts"),
                        ms(run.perPost.p99()) + "/post",
                        perSecond(baseline, "posts") + " (JDBC batch)",
                        ratio(rate / baseline),
                        ">= 2,000 posts/s and >= 0.30x",
                        Verdict.of(rate >= 2_000 && rate / baseline >= 0.3)));
            }
            double growth = large.totalMillis / small.totalMillis;
            table.add(new Row(
                    "1. ingest growth, x10 posts",
                    String.format(java.util.Locale.ROOT, "x%.1f time", growth),
                    "-",
                    "x10 (linear)",
                    ratio(growth / 10),
                    "<= 1.3x linear",
                    Verdict.of(growth / 10 <= 1.3)));
        }
    }

    private record Run(int posts, long firstCase, long lastCase, double totalMillis, Samples slices, Samples perPost) {}

    private Run ingest(MockMvc mvc, DataSource data, String runId, int posts) throws Exception {
        List<String> bodies = new ArrayList<>(posts);
        for (int n = 0; n < posts; n++) {
            bodies.add(Posts.webhookJson(runId, n));
        }
        long before = maxCaseId(data);
        Samples perPost = new Samples();
        Samples slices = new Samples();
        int slice = posts / SLICES;
        long start = System.nanoTime();
        long sliceStart = start;
        for (int n = 0; n < posts; n++) {
            long postStart = System.nanoTime();
            MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/hooks/ingest/bench")
                            .header("Authorization", "Bearer " + TOKEN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(bodies.get(n)))
                    .andReturn();
            if (result.getResponse().getStatus() != 202) {
                throw new IllegalStateException(
                        "the webhook answered " + result.getResponse().getStatus() + ": "
                                + result.getResponse().getContentAsString());
            }
            perPost.add(Samples.millisSince(postStart));
            if ((n + 1) % slice == 0) {
                slices.add(slice / (Samples.millisSince(sliceStart) / 1000.0));
                sliceStart = System.nanoTime();
            }
        }
        double total = Samples.millisSince(start);
        return new Run(posts, before + 1, maxCaseId(data), total, slices, perPost);
    }

    private static long maxCaseId(DataSource data) throws SQLException {
        try (Connection c = data.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM care_case")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes the run's rows again into a fresh database with JDBC batches; answers the milliseconds it took. */
    private double copyRows(DataSource from, Run run) throws SQLException {
        List<TableRows> rows = new ArrayList<>();
        try (Connection c = from.getConnection()) {
            for (String[] table : WRITTEN) {
                rows.add(TableRows.read(c, table[0], table[1], run.firstCase, run.lastCase));
            }
        }
        try (BenchDb target = BenchDb.fresh(work.resolve("ingest-baseline"));
                Connection c = target.dataSource.getConnection()) {
            c.setAutoCommit(false);
            return Samples.millisOf(() -> {
                for (TableRows table : rows) {
                    table.insertInto(c);
                }
            });
        }
    }

    /** All rows of one table for a range of cases, read into memory. */
    private record TableRows(String table, List<String> columns, List<Object[]> rows) {
        private static final int BATCH = 500;

        static TableRows read(Connection c, String table, String caseColumn, long first, long last)
                throws SQLException {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT * FROM " + table + " WHERE " + caseColumn + " BETWEEN ? AND ?")) {
                select.setLong(1, first);
                select.setLong(2, last);
                try (ResultSet rs = select.executeQuery()) {
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        columns.add(rs.getMetaData().getColumnName(i));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    return new TableRows(table, columns, rows);
                }
            }
        }

        void insertInto(Connection c) {
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("baseline insert into " + table + " failed: " + e.getMessage(), e);
            }
        }
    }
}
