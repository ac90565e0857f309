package dev.heed.core.sla;

import dev.heed.core.model.Kind;
import dev.heed.core.model.Priority;
import dev.heed.core.sla.ResponseTarget.CloseOfBusiness;
import dev.heed.core.sla.ResponseTarget.NextBusinessDay;
import dev.heed.core.sla.ResponseTarget.None;
import dev.heed.core.sla.ResponseTarget.Within;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a post's kind, priority and arrival into a {@link Deadline}, from business hours, a {@link ClockMode} and
 * {@link DeadlineRule}s. Of the rules that match, the one with the highest priority threshold the post reaches wins
 * over the kind's base rule.
 */
public final class DeadlinePolicy {

    private final BusinessHours hours;
    private final ClockMode mode;
    private final List<DeadlineRule> rules;

    /**
     * @throws IllegalArgumentException when a kind has no base rule (priority null) or two rules share a kind and
     *     priority
     */
    public DeadlinePolicy(BusinessHours hours, ClockMode mode, List<DeadlineRule> rules) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Set<String> seen = new HashSet<>();
        for (DeadlineRule rule : this.rules) {
            String key = rule.kind() + "/" + (rule.isBase() ? "any priority" : rule.priority());
            if (!seen.add(key)) {
                throw new IllegalArgumentException("duplicate deadline rule for " + key);
            }
        }
        for (Kind kind : Kind.values()) {
            if (this.rules.stream().noneMatch(r -> r.kind() == kind && r.isBase())) {
                throw new IllegalArgumentException(
                        "no base deadline rule (any priority) for kind " + kind + "; every kind needs one");
            }
        }
    }

    /**
     * The defaults from the social-care guidance: complaint 30 min in hours / 60 min outside, question 60 min / 2 h,
     * compliment by close of business / next business day mid-morning, other no deadline; high and urgent
     * complaints and questions are tightened.
     */
    public static List<DeadlineRule> defaultRules() {
        return List.of(
                DeadlineRule.base(Kind.COMPLAINT, within(30), within(60)),
                new DeadlineRule(Kind.COMPLAINT, Priority.HIGH, within(20), within(40)),
                new DeadlineRule(Kind.COMPLAINT, Priority.URGENT, within(10), within(20)),
                DeadlineRule.base(Kind.QUESTION, within(60), within(120)),
                new DeadlineRule(Kind.QUESTION, Priority.HIGH, within(30), within(60)),
                new DeadlineRule(Kind.QUESTION, Priority.URGENT, within(15), within(30)),
                DeadlineRule.base(Kind.COMPLIMENT, new CloseOfBusiness(), new NextBusinessDay()),
                DeadlineRule.base(Kind.OTHER, new None(), new None()));
    }

    private static Within within(long minutes) {
        return new Within(Duration.ofMinutes(minutes));
    }

    public BusinessHours hours() {
        return hours;
    }

    public ClockMode mode() {
        return mode;
    }

    public List<DeadlineRule> rules() {
        return rules;
    }

    /** The most specific rule for this kind and priority; a null priority gets the base rule. */
    public DeadlineRule ruleFor(Kind kind, Priority priority) {
        Objects.requireNonNull(kind, "kind");
        DeadlineRule best = null;
        for (DeadlineRule rule : rules) {
            if (rule.appliesTo(kind, priority) && (best == null || moreSpecific(rule, best))) {
                best = rule;
            }
        }
        return Objects.requireNonNull(best, "base rule"); // the constructor guarantees one
    }

    private static boolean moreSpecific(DeadlineRule candidate, DeadlineRule current) {
        if (candidate.isBase()) {
            return false;
        }
        return current.isBase() || candidate.priority().compareTo(current.priority()) > 0;
    }

    /** The target that applies to a post of this kind and priority arriving at {@code start}. */
    public ResponseTarget targetFor(Kind kind, Priority priority, Instant start) {
        Objects.requireNonNull(start, "start");
        DeadlineRule rule = ruleFor(kind, priority);
        if (mode == ClockMode.BUSINESS_TIME || hours.isOpen(start)) {
            return rule.inHours();
        }
        return rule.outOfHours();
    }

    /** The deadline for a post of this kind and priority arriving at {@code start}; empty when it has none. */
    public Optional<Deadline> deadlineFor(Kind kind, Priority priority, Instant start) {
        ResponseTarget target = targetFor(kind, priority, start);
        Timeline timeline = mode == ClockMode.BUSINESS_TIME ? hours : Timeline.WALL_CLOCK;
        Instant due;
        if (target instanceof Within within) {
            due = timeline.plus(start, within.duration());
        } else if (target instanceof CloseOfBusiness) {
            due = hours.closeOfBusiness(start);
        } else if (target instanceof NextBusinessDay next) {
            due = hours.plus(hours.openingOfNextBusinessDay(start), next.afterOpening());
        } else {
            return Optional.empty();
        }
        return Optional.of(new Deadline(start, due, timeline));
    }

    @Override
    public String toString() {
        return "DeadlinePolicy[" + mode + ", " + hours + ", " + rules.size() + " rules]";
    }
}
