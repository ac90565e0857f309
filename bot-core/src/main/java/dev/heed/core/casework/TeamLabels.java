package dev.heed.core.casework;

import static dev.heed.core.support.Db.ts;

import dev.heed.core.classification.LabelledText;
import dev.heed.core.model.Kind;
import dev.heed.core.support.Db;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The labelled examples a team gives by working its cases: a reclassification says "this is a question", a
 * dismissal says "this is noise", a response confirms the kind. One label per case; the latest wins.
 */
public final class TeamLabels {
    /** Where a label came from. */
    public enum Origin {
        RECLASSIFIED,
        DISMISSED,
        RESPONDED
    }

    private final JdbcClient sql;

    public TeamLabels(Db db) {
        this.sql = db.sql();
    }

    /** Records a label inside the caller's transaction (the command's). */
    void record(long caseId, Kind kind, Origin origin, Instant at) {
        String text = sql.sql("SELECT text FROM post WHERE case_id = ? ORDER BY id LIMIT 1")
                .param(caseId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (text == null) {
            return;
        }
        if (origin == Origin.RESPONDED
                && sql.sql("SELECT COUNT(*) FROM label_example WHERE case_id = ?")
                                .param(caseId)
                                .query(Long.class)
                                .single()
                        > 0) {
            return; // a response confirms; it never overrides a correction the team made
        }
        sql.sql("DELETE FROM label_example WHERE case_id = ?").param(caseId).update();
        sql.sql("INSERT INTO label_example (case_id, kind, origin, text, labelled_at) VALUES (?, ?, ?, ?, ?)")
                .params(caseId, kind.name(), origin.name(), text, ts(at))
                .update();
    }

    /** Every label whose text is still kept (retention empties old ones), oldest first. */
    public List<LabelledText> all() {
        return sql.sql("SELECT text, kind FROM label_example WHERE text <> '' ORDER BY labelled_at, case_id")
                .query((rs, n) -> new LabelledText(rs.getString("text"), Kind.valueOf(rs.getString("kind"))))
                .list();
    }

    /** How many labels there are. */
    public long count() {
        return sql.sql("SELECT COUNT(*) FROM label_example").query(Long.class).single();
    }

    /** How many of them correct the classifier (reclassified or dismissed), as opposed to confirming it. */
    public long corrections() {
        return sql.sql("SELECT COUNT(*) FROM label_example WHERE origin <> 'RESPONDED'")
                .query(Long.class)
                .single();
    }
}
