package dev.heed.core.casework;

import dev.heed.core.sla.ClockMode;
import dev.heed.core.sla.Deadline;
import dev.heed.core.sla.DeadlinePolicy;
import dev.heed.core.sla.NudgeLadder;
import dev.heed.core.sla.NudgeStep;
import dev.heed.core.sla.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Applies the deadline policy and the nudge ladder to a case's stored deadline fields. */
final class Deadlines {
    private final DeadlinePolicy policy;
    private final NudgeLadder ladder;

    Deadlines(DeadlinePolicy policy, NudgeLadder ladder) {
        this.policy = policy;
        this.ladder = ladder;
    }

    /** Starts a (new) response deadline for the case at {@code start}, with a fresh nudge ladder. */
    void start(CareCase c, Instant start) {
        Optional<Deadline> deadline = policy.deadlineFor(c.kind, c.priority, start);
        c.deadlineStart = start;
        c.dueAt = deadline.map(Deadline::due).orElse(null);
        c.nudgeStep = -1;
        c.nextNudgeAt = deadline.flatMap(d -> ladder.plan(d).stream().findFirst())
                .map(NudgeStep::at)
                .map(at -> later(at, c.snoozedUntil))
                .orElse(null);
    }

    /** The nudge plan of the case's current deadline; empty when it has none. */
    List<NudgeStep> plan(CareCase c) {
        if (c.dueAt == null || c.deadlineStart == null) {
            return List.of();
        }
        return ladder.plan(new Deadline(c.deadlineStart, c.dueAt, timeline()));
    }

    Optional<NudgeStep> dueStep(CareCase c, Instant now) {
        return ladder.dueStep(plan(c), c.nudgeStep, now);
    }

    Optional<NudgeStep> nextAfter(CareCase c, int index) {
        return ladder.nextAfter(plan(c), index);
    }

    private Timeline timeline() {
        return policy.mode() == ClockMode.BUSINESS_TIME ? policy.hours() : Timeline.WALL_CLOCK;
    }

    static Instant later(Instant a, Instant b) {
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
