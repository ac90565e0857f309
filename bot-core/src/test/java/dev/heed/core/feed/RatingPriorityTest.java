package dev.heed.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.classification.Classification;
import dev.heed.core.classification.KeywordPriorityScorer;
import dev.heed.core.classification.PriorityAssessment;
import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RatingPriorityTest {
    private final RatingPriority scorer = new RatingPriority(new KeywordPriorityScorer(Set.of()));
    private final Classification complaint = new Classification(Kind.COMPLAINT, 1.0, List.of());

    private static Post review(Network network, String text) {
        return new Post("ios", "r1", network, Author.of("someone"), text, null, Instant.EPOCH, null, null, null);
    }

    @Test
    void aOneStarReviewScoresHigherThanTheSameWordsWithoutIt() {
        PriorityAssessment plain =
                new KeywordPriorityScorer(Set.of()).assess(review(Network.REVIEW_SITE, "App is slow"), complaint);

        PriorityAssessment rated = scorer.assess(review(Network.REVIEW_SITE, "Rating: 1/5 - App is slow"), complaint);

        assertThat(rated.score()).isEqualTo(plain.score() + 2);
        assertThat(rated.reasons()).first().isEqualTo("1-star review");
        assertThat(rated.priority()).isEqualTo(KeywordPriorityScorer.tier(plain.score() + 2));
        assertThat(rated.priority().isAtLeast(Priority.NORMAL)).isTrue();
    }

    @Test
    void otherNetworksAndGoodRatingsAreLeftAlone() {
        PriorityAssessment x = scorer.assess(review(Network.X, "Rating: 1/5 - App is slow"), complaint);
        PriorityAssessment five = scorer.assess(review(Network.REVIEW_SITE, "Rating: 5/5 - lovely"), complaint);

        assertThat(x.reasons()).doesNotContain("1-star review");
        assertThat(five.reasons()).doesNotContain("5-star review");
    }
}
