package dev.heed.core.feed;

import dev.heed.core.classification.Classification;
import dev.heed.core.classification.KeywordPriorityScorer;
import dev.heed.core.classification.PriorityAssessment;
import dev.heed.core.classification.PriorityScorer;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets a review's star rating feed its priority: a review source puts {@code Rating: N/5} at the start of the post
 * (see the App Store connector); one star adds two points to the score, two stars one point, on top of what the
 * wrapped scorer found.
 */
public final class RatingPriority implements PriorityScorer {
    private static final Pattern RATING = Pattern.compile("^Rating: ([1-5])/5\\b");

    private final PriorityScorer scorer;

    public RatingPriority(PriorityScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public PriorityAssessment assess(Post post, Classification classification) {
        PriorityAssessment base = scorer.assess(post, classification);
        if (post.network() != Network.REVIEW_SITE) {
            return base;
        }
        Matcher m = RATING.matcher(post.text());
        if (!m.find()) {
            return base;
        }
        int stars = Integer.parseInt(m.group(1));
        int bonus = stars == 1 ? 2 : stars == 2 ? 1 : 0;
        if (bonus == 0) {
            return base;
        }
        int score = base.score() + bonus;
        Priority priority = KeywordPriorityScorer.tier(score);
        if (!priority.isAtLeast(base.priority())) {
            priority = base.priority();
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(stars + "-star review");
        reasons.addAll(base.reasons());
        return new PriorityAssessment(priority, score, reasons);
    }
}
