package dev.heed.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a {@link Deadline} into nudges that get louder as it approaches: a reminder, a warning, the breach notice
 * and capped repeats. Fractions and the warning lead are measured on the deadline's timeline, repeats on the wall
 * clock. The plan is strictly increasing in time; a step that would not come after the previous one replaces it,
 * so the louder one is kept.
 */
public final class NudgeLadder {

    private final NudgeSettings settings;

    public NudgeLadder(NudgeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public NudgeSettings settings() {
        return settings;
    }

    /** The nudges for a deadline, indexed from 0 in time order. */
    public List<NudgeStep> plan(Deadline deadline) {
        Objects.requireNonNull(deadline, "deadline");
        Timeline timeline = deadline.timeline();
        Instant start = deadline.start();
        Instant due = deadline.due();
        Duration total = timeline.between(start, due);

        List<Pending> steps = new ArrayList<>();
        if (settings.reminderAt() > 0) {
            add(steps, NudgeLevel.REMINDER, atMost(timeline.plus(start, fraction(total, settings.reminderAt())), due));
        }
        Instant byFraction = timeline.plus(start, fraction(total, settings.warningAt()));
        Instant byLead = settings.warningBefore().compareTo(total) >= 0
                ? start
                : timeline.plus(start, total.minus(settings.warningBefore()));
        Instant warning = byLead.isBefore(byFraction) ? byLead : byFraction;
        add(steps, NudgeLevel.WARNING, atMost(warning.isBefore(start) ? start : warning, due));
        add(steps, NudgeLevel.BREACH, due);
        for (int k = 1; k <= settings.maxRepeats(); k++) {
            add(steps, NudgeLevel.REPEAT, due.plus(settings.repeatEvery().multipliedBy(k)));
        }

        List<NudgeStep> plan = new ArrayList<>(steps.size());
        for (Pending p : steps) {
            plan.add(new NudgeStep(plan.size(), p.level(), p.at()));
        }
        return List.copyOf(plan);
    }

    /**
     * The step to send now: the latest step after {@code lastSentIndex} (-1 when none was sent) that is due at or
     * before {@code now}. Quieter steps that were missed are skipped, never sent late in bulk.
     */
    public Optional<NudgeStep> dueStep(List<NudgeStep> plan, int lastSentIndex, Instant now) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(now, "now");
        if (lastSentIndex < -1) {
            throw new IllegalArgumentException("lastSentIndex must be -1 (none sent) or more, was " + lastSentIndex);
        }
        NudgeStep latest = null;
        for (NudgeStep step : plan) {
            if (step.index() > lastSentIndex
                    && !step.at().isAfter(now)
                    && (latest == null || step.at().isAfter(latest.at()))) {
                latest = step;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The step after {@code index} (-1 for the first), if any: what to schedule next. */
    public Optional<NudgeStep> nextAfter(List<NudgeStep> plan, int index) {
        Objects.requireNonNull(plan, "plan");
        NudgeStep next = null;
        for (NudgeStep step : plan) {
            if (step.index() > index && (next == null || step.index() < next.index())) {
                next = step;
            }
        }
        return Optional.ofNullable(next);
    }

    private static void add(List<Pending> steps, NudgeLevel level, Instant at) {
        while (!steps.isEmpty() && !at.isAfter(steps.get(steps.size() - 1).at())) {
            steps.remove(steps.size() - 1);
        }
        steps.add(new Pending(level, at));
    }

    private static Instant atMost(Instant t, Instant limit) {
        return t.isAfter(limit) ? limit : t;
    }

    /** {@code total * f}, to the millisecond. */
    private static Duration fraction(Duration total, double f) {
        return Duration.ofMillis(Math.round(total.toMillis() * f));
    }

    private record Pending(NudgeLevel level, Instant at) {}
}
