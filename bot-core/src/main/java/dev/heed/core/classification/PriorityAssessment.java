package dev.heed.core.classification;

import dev.heed.core.model.Priority;
import java.util.List;
import java.util.Objects;

/**
 * How urgent a post is, and why.
 *
 * @param priority the tier
 * @param score the raw score the tier was derived from (higher is more urgent)
 * @param reasons human-readable reasons, most important first, e.g. {@code risk word: 'lawyer'}
 */
public record PriorityAssessment(Priority priority, int score, List<String> reasons) {
    public PriorityAssessment {
        Objects.requireNonNull(priority, "priority");
        reasons = List.copyOf(reasons);
    }
}
