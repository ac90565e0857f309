package dev.heed.core.casework;

import static dev.heed.core.support.Db.ts;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.sla.DeadlinePolicy;
import dev.heed.core.sla.NudgeLadder;
import dev.heed.core.sla.NudgeStep;
import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends the nudges that are due. Each case stores when its next nudge is due ({@code next_nudge_at}, indexed), so
 * one sweep reads only the due cases, never all of them. Per case, in one transaction: pick the latest step that
 * is due (quieter steps that were missed are skipped, not sent late in bulk), record it in {@code nudge} (whose key
 * makes a second recording impossible), queue it in the outbox and advance the case to its next step. A re-run, a
 * crash or a second instance therefore sends nothing twice.
 */
public final class NudgeSweep {
    private final Db db;
    private final Clock clock;
    private final CaseStore store;
    private final OutboxWriter outbox;
    private final Deadlines deadlines;
    private final int batchSize;

    public NudgeSweep(Db db, Clock clock, DeadlinePolicy policy, NudgeLadder ladder, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.db = db;
        this.clock = clock;
        this.store = new CaseStore(db);
        this.outbox = new OutboxWriter(db);
        this.deadlines = new Deadlines(policy, ladder);
        this.batchSize = batchSize;
    }

    public NudgeSweep(Db db, Clock clock, DeadlinePolicy policy, NudgeLadder ladder) {
        this(db, clock, policy, ladder, 500);
    }

    /** Runs one sweep and returns how many nudges it queued. */
    public int run() {
        Instant now = clock.instant();
        int queued = 0;
        while (true) {
            List<Long> due = db.sql()
                    .sql("SELECT id FROM care_case WHERE next_nudge_at <= ? ORDER BY next_nudge_at, id LIMIT "
                            + batchSize)
                    .param(ts(now))
                    .query(Long.class)
                    .list();
            int handled = 0;
            for (long caseId : due) {
                Outcome outcome = db.inTransaction(() -> sweep(caseId, now));
                if (outcome == Outcome.QUEUED) {
                    queued++;
                }
                if (outcome != Outcome.LOST_RACE) {
                    handled++;
                }
            }
            if (due.size() < batchSize || handled == 0) {
                return queued;
            }
        }
    }

    private Outcome sweep(long caseId, Instant now) {
        Optional<CareCase> loaded = store.load(caseId);
        if (loaded.isEmpty()) {
            return Outcome.SKIPPED;
        }
        CareCase c = loaded.get();
        if (c.nextNudgeAt == null || c.nextNudgeAt.isAfter(now)) {
            return Outcome.SKIPPED; // another sweep got here first
        }
        if (!c.state.awaitsResponse()) {
            c.nextNudgeAt = null;
            return store.update(c) ? Outcome.SKIPPED : Outcome.LOST_RACE;
        }
        if (c.snoozedUntil != null && c.snoozedUntil.isAfter(now)) {
            c.nextNudgeAt = c.snoozedUntil;
            return store.update(c) ? Outcome.SKIPPED : Outcome.LOST_RACE;
        }
        Optional<NudgeStep> step = deadlines.dueStep(c, now);
        if (step.isEmpty()) {
            c.nextNudgeAt =
                    deadlines.nextAfter(c, c.nudgeStep).map(NudgeStep::at).orElse(null);
            return store.update(c) ? Outcome.SKIPPED : Outcome.LOST_RACE;
        }
        NudgeStep nudge = step.get();
        c.nudgeStep = nudge.index();
        c.nextNudgeAt = deadlines.nextAfter(c, nudge.index()).map(NudgeStep::at).orElse(null);
        if (!store.update(c)) {
            return Outcome.LOST_RACE;
        }
        // The primary key (case, deadline, step) makes a second recording fail and roll back the whole change.
        db.sql()
                .sql("""
                        INSERT INTO nudge (case_id, deadline_no, step, level, due_at, queued_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(c.id, c.deadlineNo, nudge.index(), nudge.level().name(), ts(nudge.at()), ts(now))
                .update();
        store.audit(c.id, now, CaseStore.SYSTEM_ACTOR, "NUDGE_QUEUED", nudge.level() + " (step " + nudge.index() + ")");
        for (ChannelRef channel : store.targets(c.id)) {
            outbox.nudge(c.id, channel, nudge.level(), now);
            outbox.card(c.id, channel, now); // the card's time line ("due in 12 min", "overdue") follows each nudge
        }
        return Outcome.QUEUED;
    }

    private enum Outcome {
        QUEUED,
        SKIPPED,
        LOST_RACE
    }
}
