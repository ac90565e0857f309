package dev.heed.core.feed;

import static dev.heed.core.support.Db.instant;

import dev.heed.core.support.Db;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plain SQL for checkpoints, health and feed items. Instants are written truncated to microseconds (what H2 and
 * PostgreSQL keep), so that a time read back is never later than the one written.
 */
final class FeedStore {
    private final JdbcClient sql;

    FeedStore(Db db) {
        this.sql = db.sql();
    }

    record Stored(Checkpoint checkpoint, long version, Instant createdAt) {}

    record Health(
            boolean healthy,
            int failures,
            String lastError,
            Instant lastErrorAt,
            Instant lastSuccessAt,
            Instant lastItemAt,
            Instant nextPollAt,
            boolean alertOpen,
            boolean silentAlertOpen,
            Instant createdAt) {}

    Optional<Stored> checkpoint(String sourceId) {
        return sql.sql("SELECT state, version, created_at FROM source_checkpoint WHERE source_id = ?")
                .param(sourceId)
                .query((rs, n) -> new Stored(
                        Checkpoint.decode(rs.getString("state")), rs.getLong("version"), instant(rs, "created_at")))
                .optional();
    }

    void insertCheckpoint(String sourceId, Checkpoint checkpoint, Instant now) {
        sql.sql(
                        "INSERT INTO source_checkpoint (source_id, version, state, created_at, updated_at) VALUES (?, 0, ?, ?, ?)")
                .params(sourceId, checkpoint.encode(), ts(now), ts(now))
                .update();
    }

    /** Advances the checkpoint if it is still at {@code expectedVersion}; false when another worker moved it. */
    boolean advance(String sourceId, long expectedVersion, Checkpoint next, Instant now) {
        return sql.sql("""
                        UPDATE source_checkpoint SET state = ?, version = version + 1, updated_at = ?
                        WHERE source_id = ? AND version = ?
                        """)
                        .params(next.encode(), ts(now), sourceId, expectedVersion)
                        .update()
                == 1;
    }

    /** Takes the checkpoint row's lock for this transaction without changing it (streamed items). */
    void lock(String sourceId) {
        sql.sql("UPDATE source_checkpoint SET version = version WHERE source_id = ?")
                .param(sourceId)
                .update();
    }

    Optional<Health> health(String sourceId) {
        return sql.sql("SELECT * FROM source_health WHERE source_id = ?")
                .param(sourceId)
                .query((rs, n) -> new Health(
                        rs.getBoolean("healthy"),
                        rs.getInt("failures"),
                        rs.getString("last_error"),
                        instant(rs, "last_error_at"),
                        instant(rs, "last_success_at"),
                        instant(rs, "last_item_at"),
                        instant(rs, "next_poll_at"),
                        rs.getBoolean("alert_open"),
                        rs.getBoolean("silent_alert_open"),
                        instant(rs, "created_at")))
                .optional();
    }

    void insertHealth(String sourceId, String type, Instant now) {
        sql.sql("""
                        INSERT INTO source_health (source_id, source_type, healthy, failures, next_poll_at, created_at)
                        VALUES (?, ?, TRUE, 0, ?, ?)
                        """).params(sourceId, type, ts(now), ts(now)).update();
    }

    void succeeded(String sourceId, Instant now, boolean newItems, Instant nextPollAt) {
        sql.sql("""
                        UPDATE source_health SET healthy = TRUE, failures = 0, last_success_at = ?,
                            last_item_at = CASE WHEN ? THEN ? ELSE last_item_at END,
                            silent_alert_open = CASE WHEN ? THEN FALSE ELSE silent_alert_open END,
                            alert_open = FALSE, next_poll_at = ?
                        WHERE source_id = ?
                        """)
                .params(ts(now), newItems, ts(now), newItems, ts(nextPollAt), sourceId)
                .update();
    }

    void itemsArrived(String sourceId, Instant now) {
        sql.sql("UPDATE source_health SET last_item_at = ?, silent_alert_open = FALSE WHERE source_id = ?")
                .params(ts(now), sourceId)
                .update();
    }

    void failed(String sourceId, String error, Instant now, Instant nextPollAt, boolean alertOpen) {
        sql.sql("""
                        UPDATE source_health SET healthy = FALSE, failures = failures + 1, last_error = ?,
                            last_error_at = ?, next_poll_at = ?, alert_open = ?
                        WHERE source_id = ?
                        """)
                .params(Db.clip(error, 1000), ts(now), ts(nextPollAt), alertOpen, sourceId)
                .update();
    }

    void pollAt(String sourceId, Instant at) {
        sql.sql("UPDATE source_health SET next_poll_at = ? WHERE source_id = ?")
                .params(ts(at), sourceId)
                .update();
    }

    void silentAlert(String sourceId, boolean open) {
        sql.sql("UPDATE source_health SET silent_alert_open = ? WHERE source_id = ?")
                .params(open, sourceId)
                .update();
    }

    boolean itemExists(String sourceId, String nativeId) {
        return sql.sql("SELECT COUNT(*) FROM feed_item WHERE source_id = ? AND native_id = ?")
                        .params(sourceId, nativeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The case of an earlier item with the same link or, failing that, the same long text. */
    Optional<Long> caseForSamePost(String linkPrint, String textPrint, String permalink) {
        if (linkPrint != null) {
            Optional<Long> byLink =
                    first("SELECT case_id FROM feed_item WHERE fingerprint = ? ORDER BY seen_at", linkPrint);
            if (byLink.isPresent()) {
                return byLink;
            }
        }
        if (permalink != null) {
            Optional<Long> byPost = first("SELECT case_id FROM post WHERE permalink = ? ORDER BY id", permalink);
            if (byPost.isPresent()) {
                return byPost;
            }
        }
        if (textPrint != null) {
            return first("SELECT case_id FROM feed_item WHERE text_print = ? ORDER BY seen_at", textPrint);
        }
        return Optional.empty();
    }

    private Optional<Long> first(String query, String value) {
        return sql.sql(query).param(value).query(Long.class).stream().findFirst();
    }

    void insertItem(
            String sourceId,
            String nativeId,
            long caseId,
            String linkPrint,
            String textPrint,
            String replyRef,
            Instant now) {
        sql.sql("""
                        INSERT INTO feed_item (source_id, native_id, case_id, fingerprint, text_print, reply_ref, seen_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(sourceId, nativeId, caseId, linkPrint, textPrint, Db.clip(replyRef, 2000), ts(now))
                .update();
    }

    int itemsSince(String sourceId, Instant since) {
        return sql.sql("SELECT COUNT(*) FROM feed_item WHERE source_id = ? AND seen_at >= ?")
                .params(sourceId, ts(since))
                .query(Long.class)
                .single()
                .intValue();
    }

    List<String> sourceIds() {
        return sql.sql("SELECT source_id FROM source_health ORDER BY source_id")
                .query(String.class)
                .list();
    }

    private static java.time.OffsetDateTime ts(Instant instant) {
        return Db.ts(instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
