package dev.heed.core.classification;

import static dev.heed.core.classification.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.model.Kind;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LexiconClassifierTest {

    private final LexiconClassifier classifier = new LexiconClassifier();

    private Classification classify(String text) {
        return classifier.classify(post(text));
    }

    @Test
    void coldFoodInACafeIsAComplaintWithTheWordsAsReason() {
        Classification c = classify("Waited 40 minutes at your Leith café and the food was cold. Really disappointed.");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).first().isEqualTo("negative words: 'food was cold', 'disappointed'");
    }

    @Test
    void reasonListsEveryNegativePhraseInOrder() {
        Classification c = classify("Still waiting for my refund from the shoe shop, three weeks now");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).containsExactly("negative words: 'still waiting', 'refund'");
    }

    @Test
    void thanksForNothingIsAComplaintNotAPraise() {
        Classification c = classify("Thanks for nothing, my train to Leeds was delayed again");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).contains("sarcasm: 'thanks for nothing'");
        assertThat(String.join(" ", c.reasons())).doesNotContain("praise");
    }

    @Test
    void lateIsNotFoundInsideChocolate() {
        Classification c = classify("The chocolate tart at your bakery was lovely");

        assertThat(c.kind()).isEqualTo(Kind.COMPLIMENT);
        assertThat(c.reasons()).containsExactly("praise words: 'lovely'");
    }

    @Test
    void laterIsNotLate() {
        assertThat(classify("See you later for the hair appointment").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void matchingIgnoresCaseAndPunctuation() {
        Classification c = classify("WORST. HOTEL. EVER.");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).containsExactly("negative words: 'worst'");
    }

    @Test
    void negatedPraiseIsAComplaint() {
        Classification c = classify("Honestly the new checkout flow is not good");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).containsExactly("negated praise: 'not good'");
    }

    @Test
    void negationReachesAcrossUpToThreeWords() {
        Classification c = classify("I was not very happy with my colour at the salon");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).containsExactly("negated praise: 'not very happy'");
    }

    @Test
    void negationStopsAtTheEndOfTheClause() {
        Classification c = classify("Not sure what I'll pick next time, everything on the menu was great");

        assertThat(c.kind()).isEqualTo(Kind.COMPLIMENT);
        assertThat(c.reasons()).containsExactly("praise words: 'great'");
    }

    @Test
    void wouldNotRecommendIsAComplaint() {
        assertThat(classify("Would not recommend this plumber to anyone").kind())
                .isEqualTo(Kind.COMPLAINT);
    }

    @Test
    void cantRecommendThemEnoughIsPraise() {
        assertThat(classify("Can't recommend the team at Bloom Salon enough").kind())
                .isEqualTo(Kind.COMPLIMENT);
    }

    @Test
    void notGoodEnoughIsAComplaint() {
        Classification c = classify("Two hours for a haircut appointment that started late. Not good enough.");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).containsExactly("negative words: 'late'", "negated praise: 'not good'");
    }

    @Test
    void negatedComplaintWordIsMildPraise() {
        Classification c = classify("First stay at this hotel and not disappointed at all");

        assertThat(c.kind()).isEqualTo(Kind.COMPLIMENT);
        assertThat(c.reasons()).containsExactly("negated complaint: 'not disappointed'");
    }

    @Test
    void neverBeenSoDisappointedStaysAComplaint() {
        Classification c = classify("Never been so disappointed by a broadband provider");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).containsExactly("negative words: 'disappointed'");
    }

    @Test
    void questionEndingWithAQuestionMarkSaysSo() {
        Classification c = classify("Do you have any appointments free on Saturday?");

        assertThat(c.kind()).isEqualTo(Kind.QUESTION);
        assertThat(c.reasons()).containsExactly("question: ends with '?', starts with 'do'");
    }

    @Test
    void questionWithoutAQuestionMarkIsFoundByItsOpeningWords() {
        Classification c = classify("When does the 7.40 bus to the airport leave from stop C");

        assertThat(c.kind()).isEqualTo(Kind.QUESTION);
        assertThat(c.reasons()).containsExactly("question: starts with 'when'");
    }

    @Test
    void anyoneKnowIsAQuestionPhrase() {
        Classification c = classify("anyone know if the pool at the Harbour Hotel is open to non residents");

        assertThat(c.kind()).isEqualTo(Kind.QUESTION);
        assertThat(c.reasons()).singleElement().asString().contains("'anyone know'");
    }

    @Test
    void exclamationsThatStartLikeQuestionsAreNotQuestions() {
        assertThat(classify("What a lovely afternoon tea").kind()).isEqualTo(Kind.COMPLIMENT);
        assertThat(classify("When I arrived my room was spotless").kind()).isEqualTo(Kind.COMPLIMENT);
    }

    @Test
    void aQuestionMarkInsideALinkIsNotAQuestion() {
        Classification c = classify("Our spring menu is out https://example.com/menu?season=spring");

        assertThat(c.kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void complaintWinsOverQuestionAndKeepsTheQuestionAsAReason() {
        Classification c = classify("My parcel hasn't arrived and it's been 10 days, where is it?");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).first().isEqualTo("negative words: 'hasn't arrived'");
        assertThat(c.reasons()).contains("also a question: ends with '?'");
    }

    @Test
    void questionWinsOverPraiseAndKeepsThePraiseAsAReason() {
        Classification c = classify("Love your croissants! Do you deliver to Leith?");

        assertThat(c.kind()).isEqualTo(Kind.QUESTION);
        assertThat(c.reasons()).containsExactly("question: ends with '?', starts with 'do'", "also praise: 'love'");
    }

    @Test
    void complaintWinsOverPraiseButWithLowerConfidence() {
        Classification mixed = classify("The staff were lovely but the room was dirty");
        Classification plain = classify("The room was dirty");

        assertThat(mixed.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(mixed.reasons()).contains("also praise: 'lovely'");
        assertThat(mixed.confidence()).isLessThan(plain.confidence());
    }

    @Test
    void aGlowingReviewWithOneSmallGripeStaysAComplimentAndNamesTheGripe() {
        Classification c = classify(
                "Amazing stay, friendly staff, delicious breakfast and a gorgeous view. Only the lift was slow.");

        assertThat(c.kind()).isEqualTo(Kind.COMPLIMENT);
        assertThat(c.reasons()).contains("also a complaint: 'slow'");
    }

    @Test
    void confidenceGrowsWithTheNumberOfSignals() {
        Classification one = classify("The app is slow");
        Classification three = classify("The app is slow, keeps crashing and support is useless");

        assertThat(one.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(three.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(three.confidence()).isGreaterThan(one.confidence());
        assertThat(three.confidence()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void angryEmojiAloneIsAComplaint() {
        Classification c = classify("@northrail 😡👎");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).containsExactly("negative emoji: '😡', '👎'");
    }

    @Test
    void heartEyesAreRecognisedAsPraise() {
        Classification c = classify("New nails from Bloom 😍");

        assertThat(c.kind()).isEqualTo(Kind.COMPLIMENT);
        assertThat(c.reasons()).containsExactly("positive emoji: '😍'");
    }

    @Test
    void giveawaySpamIsOtherEvenWithPraiseAndQuestionMarks() {
        Classification c = classify("Amazing page!! Want to win a free iPhone? Join our giveaway, link in bio 🎁");

        assertThat(c.kind()).isEqualTo(Kind.OTHER);
        assertThat(c.reasons()).first().isEqualTo("spam words: 'win a', 'giveaway', 'link in bio'");
        assertThat(c.reasons()).contains("also praise: 'amazing'");
    }

    @Test
    void collabRequestsAreOther() {
        assertThat(classify("Love your feed! DM for collab 💕").kind()).isEqualTo(Kind.OTHER);
        assertThat(classify("follow back? crypto signals daily").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void aRealComplaintIsNotDrownedByOneSpamWord() {
        Classification c = classify("Your promo code doesn't work at checkout and the support chat is useless");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).contains("also spam-like: 'promo code'");
    }

    @Test
    void linksOnlyAndTagsOnlyPostsAreOther() {
        Classification link = classify("https://t.co/x9Ab3");
        Classification tags = classify("@cornercafe #mondaymotivation #latteart");

        assertThat(link.kind()).isEqualTo(Kind.OTHER);
        assertThat(link.reasons()).containsExactly("only links, mentions or hashtags");
        assertThat(tags.kind()).isEqualTo(Kind.OTHER);
        assertThat(tags.confidence()).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void aPostWithoutSignalsIsOtherWithLowConfidence() {
        Classification c = classify("Just landed in Lisbon with the whole family");

        assertThat(c.kind()).isEqualTo(Kind.OTHER);
        assertThat(c.confidence()).isLessThan(0.5);
        assertThat(c.reasons()).containsExactly("no complaint, question or praise words");
    }

    @Test
    void emptyTextIsOther() {
        assertThat(classify("   ").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void setPhrasesThatOnlyLookLikeSignalsAreIgnored() {
        assertThat(classify("Can we get a late checkout on Sunday?").reasons())
                .containsExactly("question: ends with '?', starts with 'can'");
        assertThat(classify("Kind regards, Tom").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void commonSpanishFrenchAndGermanWordsAreKnown() {
        assertThat(classify("El pedido llegó con retraso, pésimo servicio").kind())
                .isEqualTo(Kind.COMPLAINT);
        assertThat(classify("Merci pour l'accueil, les croissants étaient délicieux")
                        .kind())
                .isEqualTo(Kind.COMPLIMENT);
        assertThat(classify("Nie wieder, der Zug ist schon wieder verspätet").kind())
                .isEqualTo(Kind.COMPLAINT);
        assertThat(classify("Ich bin enttäuscht vom Kundenservice").reasons())
                .containsExactly("negative words: 'enttäuscht'");
    }

    @Test
    void safetyAndLegalWordsMakeAComplaint() {
        Classification c = classify("My son had an allergic reaction after your dessert, speaking to a lawyer");

        assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(c.reasons()).containsExactly("negative words: 'allergic reaction', 'lawyer'");
    }

    @Test
    void givesTheSameVerdictsFromManyThreads() {
        List<String> texts =
                List.of("Thanks for nothing", "Is the spa open today?", "Loved the haircut", "giveaway! follow back");
        List<Kind> expected = texts.stream().map(t -> classify(t).kind()).toList();

        List<List<Kind>> results = IntStream.range(0, 200)
                .parallel()
                .mapToObj(i -> texts.stream().map(t -> classify(t).kind()).toList())
                .toList();

        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
        assertThat(expected).containsExactly(Kind.COMPLAINT, Kind.QUESTION, Kind.COMPLIMENT, Kind.OTHER);
    }

    @Test
    void confidenceFormulaStaysWithinBounds() {
        assertThat(LexiconClassifier.confidence(0.5, 0)).isBetween(0.0, 1.0);
        assertThat(LexiconClassifier.confidence(50, 0)).isEqualTo(0.95);
        assertThat(LexiconClassifier.confidence(1, 10)).isLessThan(LexiconClassifier.confidence(1, 0));
    }
}
