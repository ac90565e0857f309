package dev.heed.core.casework;

import static dev.heed.core.support.Db.ts;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.support.Db;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes outbox rows inside the caller's transaction. A {@code CARD} row means "make the card in this channel show
 * the case as it is when delivered": publish it if it has no message yet, else edit it in place. So one pending,
 * not yet started card row per channel is enough, and later changes fold into it.
 */
final class OutboxWriter {
    static final String CARD = "CARD";
    static final String NUDGE = "NUDGE";
    static final String NOTICE = "NOTICE";
    static final String STORM_CARD = "STORM_CARD";
    static final String STORM_LIST = "STORM_LIST";

    private final JdbcClient sql;

    OutboxWriter(Db db) {
        this.sql = db.sql();
    }

    void card(long caseId, ChannelRef channel, Instant now) {
        Long storm = stormOf(caseId, channel);
        if (storm != null) {
            // A case in a storm has no card of its own here: its change shows on the storm card's counts.
            stormCard(storm, channel, now);
            return;
        }
        // Locks the pending row until this transaction ends, so a dispatcher cannot start it and render the card
        // from the state as it was before this change.
        int folded =
                sql.sql("""
                        UPDATE outbox SET created_at = created_at
                        WHERE case_id = ? AND platform = ? AND channel_id = ? AND kind = 'CARD' AND started_at IS NULL
                        """).params(caseId, channel.platform(), channel.id()).update();
        if (folded == 0) {
            insert(caseId, channel, CARD, null, null, now);
        }
    }

    /**
     * Queues a refresh of a storm's card: the first one at once, later ones at most every
     * {@link StormSettings#EDIT_EVERY} (changes meanwhile fold into the pending row).
     */
    void stormCard(long stormId, ChannelRef channel, Instant now) {
        if (fold(StormStore.lane(stormId), channel, STORM_CARD, null) == 0) {
            boolean posted = sql.sql("SELECT COUNT(*) FROM storm WHERE id = ? AND message_id IS NOT NULL")
                            .param(stormId)
                            .query(Long.class)
                            .single()
                    > 0;
            insert(
                    StormStore.lane(stormId),
                    channel,
                    STORM_CARD,
                    null,
                    null,
                    now,
                    posted ? now.plus(StormSettings.EDIT_EVERY) : now);
        }
    }

    /** Queues the next thread message of a storm's list, due at {@code due} (or earlier if one is already due). */
    void stormList(long stormId, ChannelRef channel, Instant due, Instant now) {
        if (fold(StormStore.lane(stormId), channel, STORM_LIST, due) == 0) {
            insert(StormStore.lane(stormId), channel, STORM_LIST, null, null, now, due);
        }
    }

    /** A plain message in a storm's lane, so that it goes out after everything queued for the storm before it. */
    void stormNotice(long stormId, ChannelRef channel, String text, Instant now) {
        insert(StormStore.lane(stormId), channel, NOTICE, null, Db.clip(text, 4000), now, now);
    }

    private int fold(long lane, ChannelRef channel, String kind, Instant dueAtLatest) {
        // Locks the pending row (as card() does); a row due later than asked is brought forward.
        String due = dueAtLatest == null
                ? "next_attempt_at"
                : "CASE WHEN next_attempt_at > :due THEN :due ELSE next_attempt_at END";
        return sql.sql("UPDATE outbox SET next_attempt_at = " + due + """
                         WHERE case_id = :lane AND platform = :platform AND channel_id = :channel AND kind = :kind
                          AND started_at IS NULL
                        """)
                .param("due", ts(dueAtLatest))
                .param("lane", lane)
                .param("platform", channel.platform())
                .param("channel", channel.id())
                .param("kind", kind)
                .update();
    }

    private Long stormOf(long caseId, ChannelRef channel) {
        return sql.sql("SELECT storm_id FROM case_message WHERE case_id = ? AND platform = ? AND channel_id = ?")
                .params(caseId, channel.platform(), channel.id())
                .query((rs, n) -> Optional.ofNullable(Db.nullableLong(rs, "storm_id")))
                .optional()
                .flatMap(s -> s)
                .orElse(null);
    }

    void nudge(long caseId, ChannelRef channel, NudgeLevel level, Instant now) {
        insert(caseId, channel, NUDGE, level.name(), null, now);
    }

    void notice(ChannelRef channel, String text, Instant now) {
        insert(0, channel, NOTICE, null, Db.clip(text, 4000), now);
    }

    private void insert(long caseId, ChannelRef channel, String kind, String level, String payload, Instant now) {
        insert(caseId, channel, kind, level, payload, now, now);
    }

    private void insert(
            long caseId, ChannelRef channel, String kind, String level, String payload, Instant now, Instant due) {
        sql.sql("""
                        INSERT INTO outbox (case_id, platform, channel_id, kind, nudge_level, payload, created_at,
                            next_attempt_at, attempts)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                .params(caseId, channel.platform(), channel.id(), kind, level, payload, ts(now), ts(due))
                .update();
    }
}
