package dev.heed.core.casework;

import dev.heed.core.casework.CommandOutcome.Status;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.sla.DeadlinePolicy;
import dev.heed.core.sla.NudgeLadder;
import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the team does with a case: the commands chat adapters call. Each command is one transaction that loads the
 * case, applies the state machine, saves it only if nobody else changed it meanwhile (else it re-reads and decides
 * again), and writes the audit entry and the outbox rows that update every card. So two people claiming at once
 * get exactly one owner, and the loser is told who won.
 */
public final class CaseCommands {
    /** The longest snooze one command can set. */
    public static final Duration MAX_SNOOZE = Duration.ofDays(7);

    private static final int MAX_ATTEMPTS = 20;

    private final Db db;
    private final Clock clock;
    private final CaseStore store;
    private final OutboxWriter outbox;
    private final CaseViews views;
    private final Deadlines deadlines;
    private final TeamLabels labels;

    public CaseCommands(Db db, Clock clock, DeadlinePolicy policy, NudgeLadder ladder) {
        this.db = db;
        this.clock = clock;
        this.store = new CaseStore(db);
        this.outbox = new OutboxWriter(db);
        this.views = new CaseViews(db);
        this.deadlines = new Deadlines(policy, ladder);
        this.labels = new TeamLabels(db);
    }

    public CommandOutcome claim(long caseId, MemberRef by) {
        Objects.requireNonNull(by, "by");
        return execute(caseId, by, c -> {
            if (c.state == CaseState.CLAIMED && by.sameMember(c.owner)) {
                return Change.unchanged("You already own case #" + c.id + ".");
            }
            if (c.state == CaseState.CLAIMED) {
                return Change.refused("Already claimed by " + c.ownerName() + ".");
            }
            if (c.state != CaseState.NEW) {
                return Change.refused(stateSentence(c) + " Nothing to claim.");
            }
            c.state = CaseState.CLAIMED;
            c.owner = by;
            c.claimedAt = now();
            return Change.done("CLAIMED", "Claimed by " + by.displayName() + ".", null);
        });
    }

    public CommandOutcome unclaim(long caseId, MemberRef by) {
        Objects.requireNonNull(by, "by");
        return execute(caseId, by, c -> {
            if (c.state == CaseState.NEW) {
                return Change.unchanged("Case #" + c.id + " has no owner.");
            }
            if (c.state != CaseState.CLAIMED) {
                return Change.refused(stateSentence(c) + " It can no longer be released.");
            }
            if (!by.sameMember(c.owner)) {
                return Change.refused(
                        "Only " + c.ownerName() + " can release case #" + c.id + "; ask a manager to reassign it.");
            }
            c.state = CaseState.NEW;
            c.owner = null;
            c.claimedAt = null;
            return Change.done(
                    "RELEASED", "Released by " + by.displayName() + "; case #" + c.id + " is unclaimed.", null);
        });
    }

    /** Records that a response went out; the responder becomes the owner if nobody owned the case. */
    public CommandOutcome markResponded(long caseId, MemberRef by, String replyText) {
        Objects.requireNonNull(by, "by");
        String reply = replyText == null || replyText.isBlank() ? null : replyText.strip();
        return execute(caseId, by, c -> {
            if (c.state == CaseState.RESPONDED && reply == null) {
                return Change.unchanged("Case #" + c.id + " is already marked responded.");
            }
            if (!c.state.isOpen()) {
                return Change.refused(stateSentence(c) + " Reopen it by a follow-up, not by responding.");
            }
            Instant now = now();
            if (c.owner == null) {
                c.owner = by;
                c.claimedAt = now;
            }
            if (c.firstResponseAt == null) {
                c.firstResponseAt = now;
            }
            if (reply != null) {
                c.replyText = reply;
            }
            c.state = CaseState.RESPONDED;
            c.stopNudges();
            return Change.done("RESPONDED", "Marked responded by " + by.displayName() + ".", reply);
        });
    }

    public CommandOutcome resolve(long caseId, MemberRef by) {
        Objects.requireNonNull(by, "by");
        return execute(caseId, by, c -> {
            if (c.state == CaseState.RESOLVED) {
                return Change.unchanged("Case #" + c.id + " is already resolved.");
            }
            if (c.state == CaseState.DISMISSED) {
                return Change.refused(stateSentence(c));
            }
            c.state = CaseState.RESOLVED;
            c.resolvedAt = now();
            c.stopNudges();
            return Change.done("RESOLVED", "Resolved by " + by.displayName() + ".", null);
        });
    }

    public CommandOutcome dismiss(long caseId, MemberRef by, String reason) {
        Objects.requireNonNull(by, "by");
        String why = reason == null || reason.isBlank() ? "not relevant" : reason.strip();
        return execute(caseId, by, c -> {
            if (c.state == CaseState.DISMISSED) {
                return Change.unchanged("Case #" + c.id + " is already dismissed.");
            }
            if (c.state == CaseState.RESOLVED) {
                return Change.refused(stateSentence(c));
            }
            c.state = CaseState.DISMISSED;
            c.dismissReason = why;
            c.resolvedAt = now();
            c.stopNudges();
            return Change.done("DISMISSED", "Dismissed by " + by.displayName() + ": " + why + ".", why);
        });
    }

    /** Silences nudges for {@code duration} (at most {@link #MAX_SNOOZE}); the deadline itself does not move. */
    public CommandOutcome snooze(long caseId, MemberRef by, Duration duration) {
        Objects.requireNonNull(by, "by");
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_SNOOZE) > 0) {
            return new CommandOutcome(
                    Status.REFUSED, "A snooze lasts more than zero and at most 7 days, e.g. 15m, 1h or 1d.", null);
        }
        return execute(caseId, by, c -> {
            if (!c.state.awaitsResponse()) {
                return Change.refused(stateSentence(c) + " Only cases waiting for a response can be snoozed.");
            }
            Instant until = now().plus(duration);
            c.snoozedUntil = until;
            if (c.nextNudgeAt != null) {
                c.nextNudgeAt = Deadlines.later(c.nextNudgeAt, until);
            }
            return Change.done("SNOOZED", "Snoozed by " + by.displayName() + " until " + until + ".", until.toString());
        });
    }

    public CommandOutcome reassign(long caseId, MemberRef by, MemberRef to) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(to, "to");
        return execute(caseId, by, c -> {
            if (to.sameMember(c.owner)) {
                return Change.unchanged("Case #" + c.id + " already belongs to " + to.displayName() + ".");
            }
            if (!c.state.isOpen()) {
                return Change.refused(stateSentence(c));
            }
            String from = c.ownerName();
            c.owner = to;
            c.claimedAt = now();
            if (c.state == CaseState.NEW) {
                c.state = CaseState.CLAIMED;
            }
            return Change.done(
                    "REASSIGNED",
                    "Reassigned to " + to.displayName() + " by " + by.displayName() + ".",
                    "from " + from + " to " + CaseStore.actor(to));
        });
    }

    /** Changes the kind; while the case waits for a response its deadline is recomputed for the new kind. */
    public CommandOutcome reclassify(long caseId, MemberRef by, Kind kind) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(kind, "kind");
        return execute(caseId, by, c -> {
            if (c.kind == kind) {
                return Change.unchanged("Case #" + c.id + " is already a " + kind.word() + ".");
            }
            Kind was = c.kind;
            c.kind = kind;
            c.confidence = 1.0;
            c.kindReasons = List.of("reclassified by " + by.displayName() + " (was " + was.word() + ")");
            if (c.state.awaitsResponse()) {
                c.deadlineNo++;
                deadlines.start(c, c.deadlineStart == null ? c.detectedAt : c.deadlineStart);
                if (c.deadlineNo == 1 || c.firstResponseAt == null) {
                    c.firstDueAt = c.dueAt;
                }
            }
            return Change.done(
                    "RECLASSIFIED",
                    "Reclassified as " + kind.word() + " by " + by.displayName() + ".",
                    was + " -> " + kind);
        });
    }

    private CommandOutcome execute(long caseId, MemberRef actor, Function<CareCase, Change> command) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Attempt> result = db.inTransaction(() -> {
                Optional<CareCase> loaded = store.load(caseId);
                if (loaded.isEmpty()) {
                    return Optional.of(new Attempt(Change.notFound(caseId)));
                }
                CareCase c = loaded.get();
                Change change = command.apply(c);
                if (change.status != Status.DONE) {
                    return Optional.of(new Attempt(change));
                }
                if (!store.update(c)) {
                    return Optional.<Attempt>empty(); // somebody else changed it first: decide again
                }
                Instant now = now();
                store.audit(c.id, now, CaseStore.actor(actor), change.action, change.detail);
                teach(c, change.action, now);
                for (ChannelRef channel : store.targets(c.id)) {
                    outbox.card(c.id, channel, now);
                }
                return Optional.of(new Attempt(change));
            });
            if (result.isPresent()) {
                Change change = result.get().change;
                return new CommandOutcome(
                        change.status, change.message, views.find(caseId).orElse(null));
            }
        }
        return new CommandOutcome(Status.REFUSED, "Case #" + caseId + " is changing too fast; try again.", null);
    }

    /** Reclassifying, dismissing and responding tell the classifier what the case really was. */
    private void teach(CareCase c, String action, Instant now) {
        switch (action) {
            case "RECLASSIFIED" -> labels.record(c.id, c.kind, TeamLabels.Origin.RECLASSIFIED, now);
            case "DISMISSED" -> labels.record(c.id, Kind.OTHER, TeamLabels.Origin.DISMISSED, now);
            case "RESPONDED" -> labels.record(c.id, c.kind, TeamLabels.Origin.RESPONDED, now);
            default -> {}
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static String stateSentence(CareCase c) {
        return switch (c.state) {
            case NEW -> "Case #" + c.id + " is unclaimed.";
            case CLAIMED -> "Case #" + c.id + " is claimed by " + c.ownerName() + ".";
            case RESPONDED -> "Case #" + c.id + " was already responded to.";
            case RESOLVED -> "Case #" + c.id + " is resolved.";
            case DISMISSED -> "Case #" + c.id + " was dismissed.";
        };
    }

    private record Attempt(Change change) {}

    private record Change(Status status, String action, String message, String detail) {
        static Change done(String action, String message, String detail) {
            return new Change(Status.DONE, action, message, detail);
        }

        static Change unchanged(String message) {
            return new Change(Status.UNCHANGED, null, message, null);
        }

        static Change refused(String message) {
            return new Change(Status.REFUSED, null, message, null);
        }

        static Change notFound(long caseId) {
            return new Change(Status.NOT_FOUND, null, "There is no case #" + caseId + ".", null);
        }
    }
}
