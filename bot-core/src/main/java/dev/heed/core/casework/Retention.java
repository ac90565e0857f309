package dev.heed.core.casework;

import static dev.heed.core.support.Db.ts;

import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Removes what a case knows about a person once it is old enough: the post texts, the author's name, handle,
 * profile and follower count, links and conversation references, the suggested replies, the reply the team sent,
 * and the text of the examples the classifier learnt from. Kinds, priorities, sources, owners, states and every
 * timing stay, so reports keep their counts and response times.
 *
 * <p>A case is purged when it arrived more than the retention period ago and no longer awaits a response (cases
 * still waiting keep their text until they are answered, resolved or dismissed). Each batch is one transaction.
 */
public final class Retention {
    /** What a purged post's text and author handle read as. */
    public static final String REMOVED = "[removed after the retention period]";

    private static final int BATCH = 200;

    private final Db db;
    private final Clock clock;
    private final Duration keep;

    /** @param keep how long post texts and author details are kept after the post arrived; zero keeps them */
    public Retention(Db db, Clock clock, Duration keep) {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("the retention period cannot be negative: " + keep);
        }
        this.db = db;
        this.clock = clock;
        this.keep = keep;
    }

    /** Purges every case that is due; returns how many were purged. */
    public int purgeDue() {
        if (keep.isZero()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(keep);
        int purged = 0;
        while (true) {
            List<Long> due = db.sql()
                    .sql("""
                            SELECT id FROM care_case
                            WHERE detected_at < ? AND purged_at IS NULL
                              AND state IN ('RESPONDED', 'RESOLVED', 'DISMISSED')
                            ORDER BY id
                            """ + "LIMIT " + BATCH)
                    .param(ts(cutoff))
                    .query(Long.class)
                    .list();
            if (due.isEmpty()) {
                return purged;
            }
            purged += db.inTransaction(() -> purge(due, now));
        }
    }

    private int purge(List<Long> ids, Instant now) {
        db.sql().sql("""
                        UPDATE post SET text = :removed, author_handle = :removed, author_name = NULL,
                            author_followers = NULL, author_url = NULL, permalink = NULL,
                            conversation_ref = NULL, in_reply_to = NULL
                        WHERE case_id IN (:ids)
                        """).param("removed", REMOVED).param("ids", ids).update();
        db.sql()
                .sql("DELETE FROM suggestion WHERE case_id IN (:ids)")
                .param("ids", ids)
                .update();
        db.sql()
                .sql("UPDATE label_example SET text = '' WHERE case_id IN (:ids)")
                .param("ids", ids)
                .update();
        db.sql()
                .sql("UPDATE audit_entry SET detail = NULL WHERE action = 'RESPONDED' AND case_id IN (:ids)")
                .param("ids", ids)
                .update();
        db.sql()
                .sql("UPDATE feed_item SET reply_ref = NULL WHERE case_id IN (:ids)")
                .param("ids", ids)
                .update();
        // The author and thread keys name the person too; a purged case no longer collects follow-ups.
        return db.sql().sql("""
                        UPDATE care_case SET author_key = 'purged', thread_key = 'purged', reply_text = NULL,
                            purged_at = :now, version = version + 1
                        WHERE id IN (:ids) AND purged_at IS NULL
                        """).param("now", ts(now)).param("ids", ids).update();
    }
}
