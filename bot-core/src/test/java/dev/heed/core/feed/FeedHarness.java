package dev.heed.core.feed;

import dev.heed.core.casework.TeamNotices;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.RecordingChatPort;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/** The casework fakes plus a feed engine and a fake API, for connector tests. */
public final class FeedHarness implements AutoCloseable {
    public final Casework work = new Casework();
    public final FakeApi api = new FakeApi();
    public final FeedHttp http;
    public FeedEngine engine;

    public FeedHarness() {
        this(FeedHttp.DEFAULT_MAX_BYTES);
    }

    public FeedHarness(int maxBytes) {
        http = new FeedHttp(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                work.clock,
                maxBytes,
                Duration.ofSeconds(5),
                "Heed-test/1.0");
        engine = newEngine();
    }

    /** A fresh engine on the same database: what a restart gives. */
    public FeedEngine newEngine() {
        return new FeedEngine(
                work.db,
                work.clock,
                work.ingest,
                new TeamNotices(work.db, List.of(Casework.CHANNEL)),
                FeedEngine.Settings.defaults(ZoneOffset.UTC),
                () -> 0.5);
    }

    public List<String> nativeIds() {
        return work.db
                .sql()
                .sql("SELECT native_id FROM post ORDER BY id")
                .query(String.class)
                .list();
    }

    public List<String> texts() {
        return work.db
                .sql()
                .sql("SELECT text FROM post ORDER BY id")
                .query(String.class)
                .list();
    }

    public <T> List<T> column(String sql, Class<T> type) {
        return work.db.sql().sql(sql).query(type).list();
    }

    public SourceStatus status(String id) {
        return engine.statuses().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    public List<String> notices() {
        work.dispatcher.deliverDue();
        return work.chat.events(RecordingChatPort.Noticed.class).stream()
                .map(RecordingChatPort.Noticed::text)
                .toList();
    }

    @Override
    public void close() {
        engine.close();
        api.close();
    }
}
