package dev.heed.slack;

import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Remembers the Events API {@code event_id}s already handled. Slack retries an event it thinks was not acknowledged
 * (with {@code X-Slack-Retry-Num}); Bolt does not deduplicate, so a retried 👀 would otherwise act twice. The ids
 * are kept in the database for a day, so a retry that reaches another instance is recognised too.
 */
final class EventDedupe {
    static final Duration KEEP = Duration.ofDays(1);
    private static final int PURGE_EVERY = 200;

    private final Db db;
    private final Clock clock;
    private final AtomicInteger calls = new AtomicInteger();

    EventDedupe(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True the first time {@code eventId} is seen; a null id is always new. */
    boolean firstTime(String eventId) {
        if (eventId == null || eventId.isBlank() || eventId.length() > 64) {
            return true;
        }
        Instant now = clock.instant();
        if (calls.incrementAndGet() % PURGE_EVERY == 0) {
            db.sql()
                    .sql("DELETE FROM slack_event WHERE seen_at < ?")
                    .param(Db.ts(now.minus(KEEP)))
                    .update();
        }
        try {
            db.sql()
                    .sql("INSERT INTO slack_event (event_id, seen_at) VALUES (?, ?)")
                    .params(eventId, Db.ts(now))
                    .update();
            return true;
        } catch (DataIntegrityViolationException seen) {
            return false;
        }
    }
}
