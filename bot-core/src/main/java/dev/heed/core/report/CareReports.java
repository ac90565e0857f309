package dev.heed.core.report;

import static dev.heed.core.support.Db.instant;
import static dev.heed.core.support.Db.ts;

import dev.heed.core.casework.StormStore;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Answers managers' questions from the case store. All figures are computed from the database on each call. */
public final class CareReports {
    /** "Due soon" means within this much time. */
    public static final Duration DUE_SOON = Duration.ofMinutes(30);

    private final Db db;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param zone the business's time zone: "today" starts at its local midnight
     */
    public CareReports(Db db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    public StatusReport status() {
        Instant now = clock.instant();
        Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        db.sql().sql("""
                        SELECT state, kind, COUNT(*) AS n FROM care_case
                        WHERE state IN ('NEW', 'CLAIMED', 'RESPONDED') GROUP BY state, kind
                        """).query(rs -> {
            long n = rs.getLong("n");
            byState.merge(CaseState.valueOf(rs.getString("state")), n, Long::sum);
            byKind.merge(Kind.valueOf(rs.getString("kind")), n, Long::sum);
        });
        // The cases awaiting a response are found by state alone, and their deadlines are compared as they are
        // counted. Written as "state IN (...) AND due_at >= ? AND due_at < ?", H2 (2.4) puts a due_at condition
        // before the IN list when it plans, then cannot use the IN list on (state, due_at), and walks that index
        // over every case ever (0.5 s at a million cases, however few are awaiting).
        Deadlines deadlines = db.sql()
                .sql("""
                        SELECT COUNT(*) FILTER (WHERE due_at >= ? AND due_at < ?) AS due_soon,
                            COUNT(*) FILTER (WHERE due_at < ?) AS overdue
                        FROM care_case WHERE state IN ('NEW', 'CLAIMED')
                        """)
                .params(ts(now), ts(now.plus(DUE_SOON)), ts(now))
                .query((rs, n) -> new Deadlines(rs.getLong("due_soon"), rs.getLong("overdue")))
                .single();
        Map<String, Long> load = new LinkedHashMap<>();
        db.sql().sql("""
                        SELECT owner_name, COUNT(*) AS n FROM care_case
                        WHERE state IN ('CLAIMED', 'RESPONDED') AND owner_id IS NOT NULL
                        GROUP BY owner_platform, owner_id, owner_name ORDER BY n DESC, owner_name
                        """).query(rs -> {
            load.merge(rs.getString("owner_name"), rs.getLong("n"), Long::sum);
        });
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        ResponseFigures.Builder today = new ResponseFigures.Builder();
        db.sql().sql("""
                        SELECT detected_at, first_response_at, first_due_at FROM care_case
                        WHERE first_response_at >= ? AND first_response_at < ?
                        """).params(ts(midnight), ts(now)).query(rs -> {
            Instant detected = instant(rs, "detected_at");
            Instant responded = instant(rs, "first_response_at");
            Instant due = instant(rs, "first_due_at");
            today.add(Duration.between(detected, responded), due == null ? null : !responded.isAfter(due));
        });
        return new StatusReport(
                now,
                byState,
                byKind,
                byState.getOrDefault(CaseState.NEW, 0L),
                deadlines.dueSoon(),
                deadlines.overdue(),
                load,
                today.build(),
                new StormStore(db).active());
    }

    /** Cases detected in [{@code from}, {@code to}). */
    public PeriodReport report(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a report period must end after it starts: " + from + " .. " + to);
        }
        Instant now = clock.instant();
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        Map<String, Long> bySource = new TreeMap<>();
        ResponseFigures.Builder all = new ResponseFigures.Builder();
        Map<String, ResponseFigures.Builder> perPerson = new TreeMap<>();
        Map<String, Long> casesPerPerson = new TreeMap<>();
        long[] total = {0};
        db.sql().sql("""
                        SELECT kind, source, owner_name, detected_at, first_response_at, first_due_at FROM care_case
                        WHERE detected_at >= ? AND detected_at < ?
                        """).params(ts(from), ts(to)).query(rs -> {
            total[0]++;
            byKind.merge(Kind.valueOf(rs.getString("kind")), 1L, Long::sum);
            bySource.merge(rs.getString("source"), 1L, Long::sum);
            Instant detected = instant(rs, "detected_at");
            Instant responded = instant(rs, "first_response_at");
            Instant due = instant(rs, "first_due_at");
            Duration firstResponse = responded == null ? null : Duration.between(detected, responded);
            Boolean inTime = inTime(responded, due, now);
            all.add(firstResponse, inTime);
            String owner = rs.getString("owner_name");
            if (owner != null) {
                perPerson
                        .computeIfAbsent(owner, o -> new ResponseFigures.Builder())
                        .add(firstResponse, inTime);
                casesPerPerson.merge(owner, 1L, Long::sum);
            }
        });
        List<PeriodReport.PersonFigures> people = new ArrayList<>();
        perPerson.forEach((member, figures) ->
                people.add(new PeriodReport.PersonFigures(member, casesPerPerson.get(member), figures.build())));
        people.sort(Comparator.comparingLong(PeriodReport.PersonFigures::cases).reversed());
        long corrections =
                db.sql().sql("""
                        SELECT COUNT(*) FROM label_example
                        WHERE origin <> 'RESPONDED' AND labelled_at >= ? AND labelled_at < ?
                        """).params(ts(from), ts(to)).query(Long.class).single();
        return new PeriodReport(from, to, total[0], byKind, bySource, all.build(), people, corrections);
    }

    /** The last {@code days} local days up to now, e.g. 7 for "week". */
    public PeriodReport lastDays(int days) {
        Instant now = clock.instant();
        Instant from = LocalDate.ofInstant(now, zone)
                .minusDays(days - 1L)
                .atStartOfDay(zone)
                .toInstant();
        return report(from, now.plusMillis(1));
    }

    /** Answered by the deadline: true; answered late or still unanswered past it: false; not yet decided: null. */
    private static Boolean inTime(Instant responded, Instant due, Instant now) {
        if (due == null) {
            return null;
        }
        if (responded != null) {
            return !responded.isAfter(due);
        }
        return due.isBefore(now) ? Boolean.FALSE : null;
    }

    /** Of the cases awaiting a response: how many are due within {@link #DUE_SOON}, and how many are overdue. */
    private record Deadlines(long dueSoon, long overdue) {}
}
