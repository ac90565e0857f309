package dev.heed.core.classification;

import static dev.heed.core.classification.TestPosts.author;
import static dev.heed.core.classification.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateReplySuggesterTest {

    private static final BrandSettings BRAND =
            new BrandSettings("Corner Café", "– Sam", "hello@cornercafe.co.uk", "https://g.page/r/cornercafe/review");
    private static final BrandSettings NO_REVIEW_NO_SUPPORT = new BrandSettings("Corner Café", "– Sam", "", "");
    private static final Author PRIYA = author("@priya_s", "Priya Shah", 800L);

    private final TemplateReplySuggester suggester = new TemplateReplySuggester(BRAND, ReplyTemplates.defaults());

    private static Classification as(Kind kind) {
        return new Classification(kind, 0.8, List.of("test"));
    }

    private List<String> texts(TemplateReplySuggester s, Post post, Kind kind) {
        return s.suggest(post, as(kind)).stream().map(SuggestedReply::text).toList();
    }

    private List<String> texts(Post post, Kind kind) {
        return texts(suggester, post, kind);
    }

    @Test
    void complaintRepliesThankApologiseAndOfferThePrivateChannel() {
        List<String> replies = texts(post(PRIYA, "My oat latte was cold and the barista ignored me"), Kind.COMPLAINT);

        assertThat(replies)
                .hasSize(3)
                .allSatisfy(reply -> assertThat(reply)
                        .contains("Priya", "hello@cornercafe.co.uk")
                        .containsIgnoringCase("sorry")
                        .endsWith("– Sam")
                        .doesNotContainIgnoringCase("refund")
                        .doesNotContainIgnoringCase("compensat")
                        .doesNotContainIgnoringCase("voucher")
                        .doesNotContainIgnoringCase("review"));
        assertThat(replies.get(0))
                .isEqualTo("Hi Priya, thank you for telling us, and we're really sorry about your oat latte. That's not"
                        + " what we want for you. Could you get in touch via hello@cornercafe.co.uk so we can look into"
                        + " it properly? – Sam");
    }

    @Test
    void suggestionsCarryTheTemplateLabels() {
        List<SuggestedReply> replies = suggester.suggest(post(PRIYA, "The delivery was late"), as(Kind.COMPLAINT));

        assertThat(replies)
                .extracting(SuggestedReply::label)
                .containsExactly("Apologise + DM", "Thanks + take it private", "Short + human");
    }

    @Test
    void supportFallsBackToADirectMessage() {
        TemplateReplySuggester s = new TemplateReplySuggester(NO_REVIEW_NO_SUPPORT, ReplyTemplates.defaults());

        assertThat(texts(s, post(PRIYA, "Still no broadband since Monday"), Kind.COMPLAINT))
                .allSatisfy(reply -> assertThat(reply).contains("via a direct message"));
    }

    @Test
    void nameIsTheFirstNameOrTheHandleWithoutItsDomain() {
        Post fromHandle = post(Author.of("@sam_k@mastodon.social"), "Is the salon open on Monday?");
        Post fromTitledName = post(author("@mg", "Dr. María Gómez", null), "Is the salon open on Monday?");

        assertThat(texts(fromHandle, Kind.QUESTION).get(0)).startsWith("Hi sam_k, happy to help");
        assertThat(texts(fromTitledName, Kind.QUESTION).get(0)).startsWith("Hi María, happy to help");
    }

    @Test
    void topicIsTheProductTheyMentionedOrANeutralWord() {
        assertThat(texts(post(PRIYA, "The chocolate cake was stale"), Kind.COMPLAINT)
                        .get(1))
                .contains("sorry the chocolate cake let you down");
        assertThat(texts(post(PRIYA, "Absolutely shocking service today"), Kind.COMPLAINT)
                        .get(0))
                .contains("really sorry about this.");
        assertThat(texts(post(PRIYA, "Loved my haircut, thank you Jess!"), Kind.COMPLIMENT)
                        .get(0))
                .contains("glad you enjoyed your haircut");
        assertThat(texts(post(PRIYA, "So good, thank you!"), Kind.COMPLIMENT).get(0))
                .contains("glad you enjoyed it,");
    }

    @Test
    void complaintWordsAreNotPartOfTheTopic() {
        assertThat(texts(post(PRIYA, "Another delayed train this morning"), Kind.COMPLAINT)
                        .get(0))
                .contains("sorry about the train.");
    }

    @Test
    void questionRepliesPointToWhereTheyGetAnAnswer() {
        List<String> replies = texts(post(PRIYA, "Do you sell gift cards?"), Kind.QUESTION);

        assertThat(replies).hasSize(3);
        assertThat(replies.get(0)).contains("happy to help with the gift cards!", "hello@cornercafe.co.uk");
        assertThat(replies.get(2)).contains("someone from Corner Café");
    }

    @Test
    void complimentAsksForAReviewOnlyOnceAndOnlyWithAReviewLink() {
        Post praise = post(PRIYA, "Best brunch in Edinburgh 😍");
        List<String> withLink = texts(praise, Kind.COMPLIMENT);
        List<String> withoutLink = texts(
                new TemplateReplySuggester(NO_REVIEW_NO_SUPPORT, ReplyTemplates.defaults()), praise, Kind.COMPLIMENT);

        assertThat(withLink).hasSize(3);
        assertThat(withLink)
                .filteredOn(r -> r.contains("https://g.page/r/cornercafe/review"))
                .hasSize(1);
        assertThat(withLink)
                .allSatisfy(reply -> assertThat(reply).contains("Priya").containsIgnoringCase("thank"));
        assertThat(withoutLink).hasSize(2).noneMatch(r -> r.toLowerCase().contains("review"));
    }

    @Test
    void otherPostsGetOneLightAcknowledgement() {
        List<String> replies = texts(post(PRIYA, "Heading to town for the match"), Kind.OTHER);

        assertThat(replies).containsExactly("Thanks for the mention, Priya! – Sam");
    }

    @Test
    void aKindWithoutTemplatesGetsNoSuggestions() {
        ReplyTemplates onlyPraise =
                new ReplyTemplates(Map.of(Kind.COMPLIMENT, List.of(new ReplyTemplate("Thanks", "Thanks {name}!"))));
        TemplateReplySuggester s = new TemplateReplySuggester(BRAND, onlyPraise);

        assertThat(s.suggest(post(PRIYA, "Cold coffee"), as(Kind.COMPLAINT))).isEmpty();
        assertThat(texts(s, post(PRIYA, "Great coffee"), Kind.COMPLIMENT)).containsExactly("Thanks Priya!");
    }

    @Test
    void aVeryLongNameOnXLosesTheSignOffAndIsShortened() {
        String longName = "Bartholomew" + "x".repeat(300);
        Post post = post(Network.X, author("@bart", longName + " Smith", null), "My order never arrived", null);

        List<String> replies = texts(post, Kind.COMPLAINT);

        assertThat(replies).hasSize(3).allSatisfy(reply -> {
            assertThat(Graphemes.count(reply)).isLessThanOrEqualTo(280);
            assertThat(reply).contains("Bartholomewxxxxxxxx…").doesNotContain("– Sam");
        });
    }

    @Test
    void aLongNameAndTopicFallBackToTheNeutralTopic() {
        String longName = "Maximiliana" + "a".repeat(290);
        Post post = post(Network.X, author("@max", longName, null), "My extraordinarilyexpensive latte was cold", null);

        String first = texts(post, Kind.COMPLAINT).get(0);

        assertThat(Graphemes.count(first)).isLessThanOrEqualTo(280);
        assertThat(first).contains("sorry about this.").doesNotContain("extraordinarily");
    }

    @Test
    void aLongSignOffIsDroppedBeforeAnythingElse() {
        String signOff = "– " + "Sam and everyone at the Corner Café on Leith Walk, ".repeat(6);
        TemplateReplySuggester s = new TemplateReplySuggester(
                new BrandSettings("Corner Café", signOff, "hello@cornercafe.co.uk", ""), ReplyTemplates.defaults());

        List<String> replies = texts(s, post(PRIYA, "My oat latte was cold"), Kind.COMPLAINT);

        assertThat(replies)
                .allSatisfy(reply -> assertThat(reply)
                        .contains("Priya", "hello@cornercafe.co.uk")
                        .doesNotContain("Leith Walk")
                        .doesNotEndWith("…"));
        assertThat(replies.get(0)).contains("your oat latte");
    }

    @Test
    void aVeryLongSupportContactIsCutOnAWordBoundaryOnBluesky() {
        String support = "our help centre, where " + "you can find answers ".repeat(30);
        TemplateReplySuggester s = new TemplateReplySuggester(
                new BrandSettings("Corner Café", "– Sam", support, ""), ReplyTemplates.defaults());
        Post post = post(Network.BLUESKY, PRIYA, "My parcel never arrived", null);

        List<String> replies = texts(s, post, Kind.COMPLAINT);

        assertThat(replies).allSatisfy(reply -> {
            assertThat(Graphemes.count(reply)).isLessThanOrEqualTo(300);
            assertThat(reply).endsWith("…").doesNotEndWith(" …").doesNotContain("– Sam");
            String beforeEllipsis = reply.substring(0, reply.length() - 1);
            assertThat(support + " – Sam").contains(beforeEllipsis.substring(beforeEllipsis.lastIndexOf(' ') + 1));
        });
        assertThat(replies.get(0)).startsWith("Hi Priya, thank you for telling us");
    }

    @Test
    void everySuggestionFitsEveryNetworkLimit() {
        String longWord = "supercalifragilistic".repeat(30);
        BrandSettings brand = new BrandSettings(longWord, longWord, longWord, "https://example.com/" + longWord);
        TemplateReplySuggester s = TemplateReplySuggester.withDefaults(brand);
        for (Network network : Network.values()) {
            for (String language : new String[] {null, "es", "fr", "de"}) {
                Post post = post(network, author("@x", longWord, 10L), "My " + longWord + " order", language);
                for (Kind kind : Kind.values()) {
                    assertThat(s.suggest(post, as(kind)))
                            .isNotEmpty()
                            .allSatisfy(reply -> assertThat(Graphemes.count(reply.text()))
                                    .isLessThanOrEqualTo(network.replyLimit()));
                }
            }
        }
    }

    @Test
    void anEmojiCountsAsOneCharacterAgainstTheLimit() {
        ReplyTemplates emojiOnly =
                new ReplyTemplates(Map.of(Kind.OTHER, List.of(new ReplyTemplate("Hearts", "{support}"))));
        String hearts = "😍".repeat(300);
        TemplateReplySuggester s =
                new TemplateReplySuggester(new BrandSettings("Corner Café", "", hearts, ""), emojiOnly);

        String onBluesky =
                texts(s, post(Network.BLUESKY, PRIYA, "hi", null), Kind.OTHER).get(0);
        String onX = texts(s, post(Network.X, PRIYA, "hi", null), Kind.OTHER).get(0);

        assertThat(Graphemes.count("😍")).isEqualTo(1);
        assertThat(Graphemes.count("❤️")).isEqualTo(1);
        assertThat(onBluesky).isEqualTo(hearts).hasSize(600);
        assertThat(Graphemes.count(onX)).isEqualTo(280);
        assertThat(onX).isEqualTo("😍".repeat(279) + "…");
    }

    @Test
    void postsInSpanishFrenchOrGermanGetDefaultsInTheirLanguage() {
        TemplateReplySuggester s = TemplateReplySuggester.withDefaults(NO_REVIEW_NO_SUPPORT);

        String spanish = texts(s, post(Network.X, PRIYA, "El café llegó frío", "es-MX"), Kind.COMPLAINT)
                .get(0);
        String french = texts(s, post(Network.X, PRIYA, "Où est ma commande ?", "fr"), Kind.QUESTION)
                .get(0);
        String german = texts(s, post(Network.X, PRIYA, "Super lecker!", "de"), Kind.COMPLIMENT)
                .get(0);
        String italian = texts(s, post(Network.X, PRIYA, "Il caffè era freddo", "it"), Kind.COMPLAINT)
                .get(0);

        assertThat(spanish).startsWith("Hola Priya").contains("por mensaje directo");
        assertThat(french).startsWith("Bonjour Priya").contains("par message privé");
        assertThat(german).startsWith("Vielen Dank, Priya!");
        assertThat(italian).startsWith("Hi Priya").contains("via a direct message");
    }

    @Test
    void withOneTemplateSetEveryLanguageGetsIt() {
        String reply = texts(post(Network.X, PRIYA, "El café llegó frío", "es"), Kind.COMPLAINT)
                .get(0);

        assertThat(reply).startsWith("Hi Priya");
    }

    @Test
    void aTemplateWithoutSignOffPlaceholderLeavesNoStraySpaces() {
        TemplateReplySuggester s = new TemplateReplySuggester(NO_REVIEW_NO_SUPPORT, ReplyTemplates.defaults());
        BrandSettings noSignOff = new BrandSettings("Corner Café", "", "", "");

        String reply = texts(
                        new TemplateReplySuggester(noSignOff, ReplyTemplates.defaults()), post(PRIYA, "hi"), Kind.OTHER)
                .get(0);

        assertThat(reply).isEqualTo("Thanks for the mention, Priya!");
        assertThat(texts(s, post(PRIYA, "hi"), Kind.OTHER)).containsExactly("Thanks for the mention, Priya! – Sam");
    }
}
