package dev.heed.core.casework;

import static dev.heed.core.support.Db.ts;

import dev.heed.core.chat.StormView;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Priority;
import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Storm mode. A stream is one source into one channel; when it gets more than {@code threshold} new cases within
 * {@code window}, it becomes a storm: its new cases (and the ones whose cards were still waiting to go out) share one
 * storm card, edited in place at most every few seconds, and are listed in batches in the card's thread. Urgent and
 * high-priority cases still get their own card. Nudges of a storm case go to the storm's thread. The storm ends,
 * with a summary, once no new case found the stream above the threshold for {@code quietAfter}. All of it is rows
 * in the database and the outbox, written in the ingest's transaction, so a crash or a restart changes nothing.
 */
public final class Storms {
    private final Db db;
    private final Clock clock;
    private final StormSettings settings;
    private final OutboxWriter outbox;
    private final StormStore store;
    private final CaseStore cases;

    public Storms(Db db, Clock clock, StormSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.outbox = new OutboxWriter(db);
        this.store = new StormStore(db);
        this.cases = new CaseStore(db);
    }

    public StormSettings settings() {
        return settings;
    }

    /**
     * Called by ingest, in its transaction, for a new case whose target row in {@code channel} is written: true when
     * the case joined a storm there (so it gets no card of its own), false when it needs its own card.
     */
    boolean absorb(long caseId, String source, Priority priority, ChannelRef channel, Instant now) {
        if (!settings.enabled()) {
            return false;
        }
        boolean hot = recentCases(source, channel, now) > settings.threshold();
        Optional<Long> active = activeStorm(source, channel);
        long stormId;
        if (active.isPresent()) {
            stormId = active.get();
            if (hot) {
                db.sql()
                        .sql("UPDATE storm SET last_hot_at = ? WHERE id = ?")
                        .params(ts(now), stormId)
                        .update();
            }
        } else if (hot) {
            stormId = start(source, channel, caseId, now);
        } else {
            return false;
        }
        if (priority.isAtLeast(Priority.HIGH)) {
            return false;
        }
        join(stormId, caseId, channel, now);
        return true;
    }

    /** Ends the storms that have been quiet long enough (and whose cases are all listed); returns how many ended. */
    public int endQuietStorms() {
        Instant now = clock.instant();
        List<Long> quiet = db.sql()
                .sql("SELECT id FROM storm WHERE ended_at IS NULL AND last_hot_at <= ? ORDER BY id")
                .param(ts(now.minus(settings.quietAfter())))
                .query(Long.class)
                .list();
        int ended = 0;
        for (long stormId : quiet) {
            if (db.inTransaction(() -> end(stormId, now))) {
                ended++;
            }
        }
        return ended;
    }

    private boolean end(long stormId, Instant now) {
        StormView storm = store.find(stormId).orElseThrow();
        boolean listing = store.unlisted(stormId, storm.channel()) > 0
                || db.sql()
                                .sql("SELECT COUNT(*) FROM outbox WHERE case_id = ? AND kind = ?")
                                .params(StormStore.lane(stormId), OutboxWriter.STORM_LIST)
                                .query(Long.class)
                                .single()
                        > 0;
        if (listing) {
            return false; // the thread is still being written; the summary comes after its last batch
        }
        int changed = db.sql()
                .sql("UPDATE storm SET ended_at = ?, open_stream = NULL WHERE id = ? AND ended_at IS NULL")
                .params(ts(now), stormId)
                .update();
        if (changed == 0) {
            return false; // another instance ended it
        }
        outbox.stormCard(stormId, storm.channel(), now);
        outbox.stormNotice(stormId, storm.channel(), summary(storm, now), now);
        return true;
    }

    static String summary(StormView storm, Instant now) {
        return "Storm #" + storm.id() + " from " + storm.source() + " is over after "
                + dev.heed.core.chat.HumanDuration.of(Duration.between(storm.startedAt(), now)) + ": " + storm.cases()
                + " cases, " + storm.claimed() + " claimed, " + storm.responded() + " responded, " + storm.unclaimed()
                + " still unclaimed."
                + (storm.topWords().isEmpty() ? "" : " Top words: " + String.join(", ", storm.topWords()) + ".");
    }

    private long recentCases(String source, ChannelRef channel, Instant now) {
        return db.sql()
                .sql("""
                        SELECT COUNT(*) FROM care_case c JOIN case_message m ON m.case_id = c.id
                        WHERE c.detected_at > ? AND c.source = ? AND m.platform = ? AND m.channel_id = ?
                        """)
                .params(ts(now.minus(settings.window())), source, channel.platform(), channel.id())
                .query(Long.class)
                .single();
    }

    private Optional<Long> activeStorm(String source, ChannelRef channel) {
        return db.sql()
                .sql("SELECT id FROM storm WHERE open_stream = ?")
                .param(stream(source, channel))
                .query(Long.class)
                .optional();
    }

    private long start(String source, ChannelRef channel, long caseId, Instant now) {
        long stormId;
        try {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            db.sql()
                    .sql("""
                            INSERT INTO storm (source, platform, channel_id, open_stream, started_at, last_hot_at)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """)
                    .params(source, channel.platform(), channel.id(), stream(source, channel), ts(now), ts(now))
                    .update(keys, "id");
            stormId = keys.getKeyAs(Number.class).longValue();
        } catch (DuplicateKeyException raced) {
            throw new OptimisticLockingFailureException(
                    "a storm of " + source + " in " + channel
                            + " started at the same time elsewhere; the post will be retried",
                    raced);
        }
        outbox.stormCard(stormId, channel, now);
        // Cases of this stream whose cards have not gone out yet join the storm instead.
        List<Long> waiting = db.sql()
                .sql("""
                        SELECT m.case_id FROM case_message m JOIN care_case c ON c.id = m.case_id
                        WHERE m.platform = ? AND m.channel_id = ? AND m.message_id IS NULL AND m.storm_id IS NULL
                          AND c.source = ? AND c.detected_at > ? AND c.priority IN ('LOW', 'NORMAL') AND c.id <> ?
                        ORDER BY m.case_id
                        """)
                .params(channel.platform(), channel.id(), source, ts(now.minus(settings.window())), caseId)
                .query(Long.class)
                .list();
        for (long waitingCase : waiting) {
            int unsent = db.sql()
                    .sql("""
                            DELETE FROM outbox WHERE case_id = ? AND platform = ? AND channel_id = ? AND kind = 'CARD'
                              AND started_at IS NULL
                            """)
                    .params(waitingCase, channel.platform(), channel.id())
                    .update();
            if (unsent > 0) {
                join(stormId, waitingCase, channel, now);
            }
        }
        return stormId;
    }

    private void join(long stormId, long caseId, ChannelRef channel, Instant now) {
        db.sql()
                .sql("UPDATE case_message SET storm_id = ? WHERE case_id = ? AND platform = ? AND channel_id = ?")
                .params(stormId, caseId, channel.platform(), channel.id())
                .update();
        cases.audit(
                caseId, now, CaseStore.SYSTEM_ACTOR, "IN_STORM", "listed under storm #" + stormId + " in " + channel);
        outbox.stormCard(stormId, channel, now);
        outbox.stormList(stormId, channel, now.plus(StormSettings.LIST_EVERY), now);
    }

    private static String stream(String source, ChannelRef channel) {
        return Db.clip(source + " " + channel.platform() + " " + channel.id(), 300);
    }
}
