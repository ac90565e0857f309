package dev.heed.core.classification;

import static dev.heed.core.classification.TestPosts.author;
import static dev.heed.core.classification.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordPriorityScorerTest {

    private final KeywordPriorityScorer scorer = new KeywordPriorityScorer(Set.of("@CornerCafeFan", "ana.bsky.social"));

    private static Classification as(Kind kind) {
        return new Classification(kind, 0.8, List.of("test"));
    }

    private PriorityAssessment assess(Author author, String text, Kind kind) {
        return scorer.assess(post(author, text), as(kind));
    }

    private PriorityAssessment assess(String text, Kind kind) {
        return assess(Author.of("@someone"), text, kind);
    }

    @Test
    void aPlainComplaintIsNormalAndNeedsNoReason() {
        PriorityAssessment p = assess("The coffee was cold this morning", Kind.COMPLAINT);

        assertThat(p.priority()).isEqualTo(Priority.NORMAL);
        assertThat(p.score()).isEqualTo(3);
        assertThat(p.reasons()).isEmpty();
    }

    @Test
    void otherPostsDefaultToLow() {
        PriorityAssessment p = assess("Heading into town for the match", Kind.OTHER);

        assertThat(p.priority()).isEqualTo(Priority.LOW);
        assertThat(p.score()).isZero();
    }

    @Test
    void complaintsWeighMoreThanQuestionsAndQuestionsMoreThanPraise() {
        String text = "The lift at the hotel";
        int complaint = assess(text, Kind.COMPLAINT).score();
        int question = assess(text, Kind.QUESTION).score();
        int compliment = assess(text, Kind.COMPLIMENT).score();

        assertThat(complaint).isGreaterThan(question);
        assertThat(question).isGreaterThan(compliment);
        assertThat(assess(text, Kind.COMPLIMENT).priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void followersBelowTenThousandAddNothing() {
        PriorityAssessment p = assess(author("@local", null, 9_999L), "Train was late", Kind.COMPLAINT);

        assertThat(p.score()).isEqualTo(3);
        assertThat(p.reasons()).isEmpty();
    }

    @Test
    void followersAddOnePointPerOrderOfMagnitudeAboveAThousand() {
        PriorityAssessment tens = assess(author("@a", null, 12_400L), "Train was late", Kind.COMPLAINT);
        PriorityAssessment hundreds = assess(author("@b", null, 250_000L), "Train was late", Kind.COMPLAINT);
        PriorityAssessment millions = assess(author("@c", null, 3_456_000L), "Train was late", Kind.COMPLAINT);

        assertThat(tens.score()).isEqualTo(4);
        assertThat(tens.reasons()).containsExactly("12.4k followers");
        assertThat(tens.priority()).isEqualTo(Priority.NORMAL);
        assertThat(hundreds.score()).isEqualTo(5);
        assertThat(hundreds.reasons()).containsExactly("250k followers");
        assertThat(hundreds.priority()).isEqualTo(Priority.HIGH);
        assertThat(millions.score()).isEqualTo(6);
        assertThat(millions.reasons()).containsExactly("3.4M followers");
    }

    @Test
    void followerCountsAreWrittenShort() {
        assertThat(KeywordPriorityScorer.formatFollowers(950)).isEqualTo("950");
        assertThat(KeywordPriorityScorer.formatFollowers(10_000)).isEqualTo("10k");
        assertThat(KeywordPriorityScorer.formatFollowers(12_480)).isEqualTo("12.4k");
        assertThat(KeywordPriorityScorer.formatFollowers(999_999)).isEqualTo("999.9k");
        assertThat(KeywordPriorityScorer.formatFollowers(1_250_000)).isEqualTo("1.2M");
    }

    @Test
    void aRiskWordIsNamedInTheReasonAndRaisesTheTier() {
        PriorityAssessment p =
                assess("Your shop sold me a faulty heater, my lawyer will hear about this", Kind.COMPLAINT);

        assertThat(p.reasons()).containsExactly("risk word: 'lawyer'");
        assertThat(p.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void foodPoisoningMakesAComplaintUrgent() {
        PriorityAssessment p = assess("Got food poisoning after the chicken wrap from your café", Kind.COMPLAINT);

        assertThat(p.priority()).isEqualTo(Priority.URGENT);
        assertThat(p.reasons()).containsExactly("risk word: 'food poisoning'");
    }

    @Test
    void aRefundRequestAloneDoesNotRaiseTheTier() {
        PriorityAssessment p = assess("I want a refund for the broken kettle", Kind.COMPLAINT);

        assertThat(p.priority()).isEqualTo(Priority.NORMAL);
        assertThat(p.reasons()).containsExactly("risk word: 'refund'");
    }

    @Test
    void vipAuthorsAreRecognisedWhateverTheCaseOrAtSign() {
        PriorityAssessment upper = assess(Author.of("@cornercafefan"), "My latte was cold", Kind.COMPLAINT);
        PriorityAssessment bluesky = assess(Author.of("@Ana.Bsky.Social"), "My latte was cold", Kind.COMPLAINT);

        assertThat(upper.reasons()).containsExactly("VIP author");
        assertThat(upper.priority()).isEqualTo(Priority.HIGH);
        assertThat(bluesky.reasons()).containsExactly("VIP author");
    }

    @Test
    void withoutVipHandlesNobodyIsAVip() {
        PriorityAssessment p = new KeywordPriorityScorer()
                .assess(post(Author.of("@cornercafefan"), "My latte was cold"), as(Kind.COMPLAINT));

        assertThat(p.reasons()).isEmpty();
    }

    @Test
    void reasonsComeMostImportantFirst() {
        Author vip = author("@CORNERCAFEFAN", "Big Fan", 12_400L);
        PriorityAssessment p = assess(vip, "My daughter got food poisoning from your sandwich", Kind.COMPLAINT);

        assertThat(p.reasons()).containsExactly("risk word: 'food poisoning'", "VIP author", "12.4k followers");
        assertThat(p.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void shoutingExclamationsAndSwearingRaiseAComplaint() {
        PriorityAssessment calm = assess("The wifi in room 12 is broken", Kind.COMPLAINT);
        PriorityAssessment angry = assess("THE WIFI IN ROOM 12 IS BROKEN AGAIN!!! wtf", Kind.COMPLAINT);

        assertThat(angry.score()).isEqualTo(calm.score() + 3);
        assertThat(angry.reasons()).containsExactly("swearing: 'wtf'", "shouting (all caps)", "repeated '!'");
        assertThat(angry.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void excitedPraiseIsNotTreatedAsStrongLanguage() {
        PriorityAssessment p = assess("BEST HAIRCUT EVER!!!", Kind.COMPLIMENT);

        assertThat(p.reasons()).isEmpty();
        assertThat(p.priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void complimentsFromHugeVipAccountsStayNormal() {
        Author vip = author("@cornercafefan", "Big Fan", 5_000_000L);
        PriorityAssessment p = assess(vip, "Loved the brunch, thank you!", Kind.COMPLIMENT);

        assertThat(KeywordPriorityScorer.tier(p.score())).isEqualTo(Priority.HIGH);
        assertThat(p.priority()).isEqualTo(Priority.NORMAL);
        assertThat(p.reasons()).containsExactly("VIP author", "5M followers");
    }

    @Test
    void aSafetyWordLiftsEvenAMisreadCompliment() {
        PriorityAssessment p = assess("Thanks for nothing, I had an allergic reaction", Kind.COMPLIMENT);

        assertThat(p.priority()).isEqualTo(Priority.HIGH);
        assertThat(p.reasons()).containsExactly("risk word: 'allergic reaction'");
    }

    @Test
    void riskPointsAreCapped() {
        PriorityAssessment p =
                assess("Food poisoning, an injury, a data breach and my lawyer says we will sue you", Kind.COMPLAINT);

        assertThat(p.score()).isEqualTo(3 + 8);
        assertThat(p.reasons()).hasSize(5).allMatch(r -> r.startsWith("risk word: "));
    }

    @Test
    void tiersFollowTheDocumentedThresholds() {
        assertThat(KeywordPriorityScorer.tier(0)).isEqualTo(Priority.LOW);
        assertThat(KeywordPriorityScorer.tier(1)).isEqualTo(Priority.LOW);
        assertThat(KeywordPriorityScorer.tier(2)).isEqualTo(Priority.NORMAL);
        assertThat(KeywordPriorityScorer.tier(4)).isEqualTo(Priority.NORMAL);
        assertThat(KeywordPriorityScorer.tier(5)).isEqualTo(Priority.HIGH);
        assertThat(KeywordPriorityScorer.tier(7)).isEqualTo(Priority.HIGH);
        assertThat(KeywordPriorityScorer.tier(8)).isEqualTo(Priority.URGENT);
    }

    @Test
    void blankVipHandlesAreRejected() {
        assertThatThrownBy(() -> new KeywordPriorityScorer(Set.of("@ok", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VIP handles");
        assertThatThrownBy(() -> new KeywordPriorityScorer(Collections.singleton(null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void worksWithTheLexiconClassifier() {
        Post post = post(author("@ferryfan", "Ferry Fan", 48_000L), "Ferry cancelled AGAIN, worst company ever!!");
        PriorityAssessment p = scorer.assess(post, new LexiconClassifier().classify(post));

        assertThat(p.priority()).isEqualTo(Priority.HIGH);
        assertThat(p.reasons()).containsExactly("48k followers", "repeated '!'");
    }
}
