package dev.heed.core.casework;

import static dev.heed.core.support.Db.ts;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.support.Db;
import java.time.Instant;
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

    private final JdbcClient sql;

    OutboxWriter(Db db) {
        this.sql = db.sql();
    }

    void card(long caseId, ChannelRef channel, Instant now) {
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

    void nudge(long caseId, ChannelRef channel, NudgeLevel level, Instant now) {
        insert(caseId, channel, NUDGE, level.name(), null, now);
    }

    void notice(ChannelRef channel, String text, Instant now) {
        insert(0, channel, NOTICE, null, Db.clip(text, 4000), now);
    }

    private void insert(long caseId, ChannelRef channel, String kind, String level, String payload, Instant now) {
        sql.sql("""
                        INSERT INTO outbox (case_id, platform, channel_id, kind, nudge_level, payload, created_at,
                            next_attempt_at, attempts)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                .params(caseId, channel.platform(), channel.id(), kind, level, payload, ts(now), ts(now))
                .update();
    }
}
