package dev.heed.core.casework;

import static dev.heed.core.support.Db.instant;
import static dev.heed.core.support.Db.ts;

import dev.heed.core.support.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of every case as CSV (RFC 4180), oldest entry first: {@code entry,case,at,actor,action,detail}.
 * Read page by page in (time, id) order, so an export of years of history needs no more memory than one page.
 * A cell that a spreadsheet would run as a formula ({@code = + - @}) is prefixed with a quote.
 */
public final class AuditExport {
    public static final String HEADER = "entry,case,at,actor,action,detail";
    private static final int PAGE = 2_000;

    private final Db db;

    public AuditExport(Db db) {
        this.db = db;
    }

    /** Writes the entries at or after {@code since} (all of them when null); returns how many. */
    public long write(Instant since, Writer out) {
        try {
            out.write(HEADER);
            out.write("\r\n");
            long written = 0;
            Row last = null;
            while (true) {
                List<Row> page = page(since == null ? Instant.EPOCH : since, last);
                for (Row row : page) {
                    out.write(Long.toString(row.id));
                    out.write(',');
                    out.write(Long.toString(row.caseId));
                    out.write(',');
                    out.write(row.at.toString());
                    out.write(',');
                    out.write(cell(row.actor));
                    out.write(',');
                    out.write(cell(row.action));
                    out.write(',');
                    out.write(cell(row.detail));
                    out.write("\r\n");
                }
                written += page.size();
                if (page.size() < PAGE) {
                    out.flush();
                    return written;
                }
                last = page.get(page.size() - 1);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private List<Row> page(Instant since, Row after) {
        String where =
                after == null ? "at >= :since" : "at >= :since AND (at > :lastAt OR (at = :lastAt AND id > :lastId))";
        var statement = db.sql()
                .sql("SELECT id, case_id, at, actor, action, detail FROM audit_entry WHERE " + where
                        + " ORDER BY at, id LIMIT " + PAGE)
                .param("since", ts(since));
        if (after != null) {
            statement = statement.param("lastAt", ts(after.at)).param("lastId", after.id);
        }
        return new ArrayList<>(statement
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("case_id"),
                        instant(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("detail")))
                .list());
    }

    /** One CSV cell: quoted when it holds a comma, quote or line break; formulas defused. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private record Row(long id, long caseId, Instant at, String actor, String action, String detail) {}
}
