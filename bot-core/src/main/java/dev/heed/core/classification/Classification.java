package dev.heed.core.classification;

import dev.heed.core.model.Kind;
import java.util.List;
import java.util.Objects;

/**
 * The classifier's verdict on a post.
 *
 * @param kind the kind, after precedence (complaint &gt; question &gt; compliment &gt; other)
 * @param confidence 0..1, how sure the classifier is
 * @param reasons short human-readable reasons, most important first, e.g. {@code negative words: 'refund'}
 */
public record Classification(Kind kind, double confidence, List<String> reasons) {
    public Classification {
        Objects.requireNonNull(kind, "kind");
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        reasons = List.copyOf(reasons);
    }
}
