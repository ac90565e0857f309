package dev.heed.core.sla;

import dev.heed.core.model.Kind;
import dev.heed.core.model.Priority;
import java.util.Objects;

/**
 * The response targets for one kind of post, optionally tightened from a priority upwards.
 *
 * @param kind the kind of post
 * @param priority null for the kind's base rule (any priority); otherwise the rule applies to posts of this
 *     priority or higher
 * @param inHours the target for posts arriving inside business hours (and always, in {@link ClockMode#BUSINESS_TIME})
 * @param outOfHours the target for posts arriving outside business hours, in {@link ClockMode#ARRIVAL}
 */
public record DeadlineRule(Kind kind, Priority priority, ResponseTarget inHours, ResponseTarget outOfHours) {
    public DeadlineRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(inHours, "inHours");
        Objects.requireNonNull(outOfHours, "outOfHours");
    }

    /** A base rule: any priority. */
    public static DeadlineRule base(Kind kind, ResponseTarget inHours, ResponseTarget outOfHours) {
        return new DeadlineRule(kind, null, inHours, outOfHours);
    }

    /** True for the kind's base rule (no priority threshold). */
    public boolean isBase() {
        return priority == null;
    }

    /** True when the rule covers a post of this kind and priority; a null priority matches only base rules. */
    public boolean appliesTo(Kind postKind, Priority postPriority) {
        if (kind != postKind) {
            return false;
        }
        return priority == null || (postPriority != null && postPriority.isAtLeast(priority));
    }
}
