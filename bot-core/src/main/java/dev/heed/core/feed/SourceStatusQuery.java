package dev.heed.core.feed;

import static dev.heed.core.support.Db.ts;

import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The platform-neutral answer to {@code /care sources} (and {@code GET /api/sources}): every configured source,
 * polled ones with their health from the engine, webhook sources with the posts they received today.
 */
public final class SourceStatusQuery {
    private final FeedEngine engine;
    private final Db db;
    private final Clock clock;
    private final ZoneId zone;
    private final List<String> webhooks;

    public SourceStatusQuery(FeedEngine engine, Db db, Clock clock, ZoneId zone, List<String> webhooks) {
        this.engine = engine;
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.webhooks = List.copyOf(webhooks);
    }

    public List<SourceStatus> all() {
        List<SourceStatus> out = new ArrayList<>(engine.statuses());
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        for (String id : webhooks) {
            int today = db.sql()
                    .sql("SELECT COUNT(*) FROM post WHERE source = ? AND received_at >= ?")
                    .params(id, ts(midnight))
                    .query(Long.class)
                    .single()
                    .intValue();
            Instant last = db
                    .sql()
                    .sql("SELECT MAX(received_at) AS last_at FROM post WHERE source = ?")
                    .param(id)
                    .query((rs, n) -> Db.instant(rs, "last_at"))
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            out.add(new SourceStatus(id, "webhook", true, null, null, 0, last, last, today, null, false));
        }
        return out;
    }

    /** The chat text: one line per source. */
    public String render() {
        List<SourceStatus> all = all();
        if (all.isEmpty()) {
            return "No sources are configured (heed.sources).";
        }
        return all.stream().map(SourceStatus::line).collect(Collectors.joining("\n"));
    }
}
