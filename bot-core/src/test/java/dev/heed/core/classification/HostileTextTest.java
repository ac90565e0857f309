package dev.heed.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: any text (random unicode with lone surrogates and control characters, emoji, mixed scripts, up to the
 * 40,000 characters a post may have) by any author is classified, scored and answered without an exception, and
 * what comes out is bounded: a confidence in 0..1, a few short reasons, at most a handful of replies within the
 * network's length limit.
 */
class HostileTextTest {
    private static ModelClassifier classifier;
    private static final KeywordPriorityScorer SCORER = new KeywordPriorityScorer();
    /** The longest brand settings allow: every reply has to be shortened to fit. */
    private static final TemplateReplySuggester SUGGESTER = TemplateReplySuggester.withDefaults(new BrandSettings(
            "B".repeat(80), "– " + "S".repeat(78), "c".repeat(200), "https://review.example/" + "r".repeat(200)));

    private static final LanguageGuesser LANGUAGES = new LanguageGuesser();

    @BeforeContainer
    static void train() {
        classifier = ModelClassifier.trainDefault();
    }

    @Property(tries = 200)
    void anyTextIsClassifiedAndAnsweredWithinBounds(
            @ForAll("texts") String text, @ForAll("names") String name, @ForAll Network network) {
        handledWithinBounds(classifier, network, "@" + name, name, text);
    }

    /** Classifies, scores and answers {@code text} by an author with these names; every output stays in bounds. */
    static void handledWithinBounds(
            ModelClassifier classifier, Network network, String handle, String name, String text) {
        Post post = new Post(
                "t",
                "1",
                network,
                new Author(handle, name, Long.MAX_VALUE, null),
                text,
                LANGUAGES.guess(text),
                Instant.EPOCH,
                null,
                null,
                null);

        Classification classification = classifier.classify(post);
        PriorityAssessment priority = SCORER.assess(post, classification);
        List<SuggestedReply> replies = SUGGESTER.suggest(post, classification);

        assertThat(classification.kind()).isIn((Object[]) Kind.values());
        assertThat(classification.confidence()).isBetween(0.0, 1.0);
        assertThat(classification.reasons())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(10)
                .allSatisfy(r -> assertThat(r).hasSizeLessThan(400));
        assertThat(priority.priority()).isNotNull();
        assertThat(priority.reasons())
                .hasSizeLessThanOrEqualTo(10)
                .allSatisfy(r -> assertThat(r).hasSizeLessThan(400));
        assertThat(replies).isNotEmpty().hasSizeLessThanOrEqualTo(5).allSatisfy(reply -> {
            assertThat(Graphemes.count(reply.text())).isLessThanOrEqualTo(network.replyLimit());
            assertThat(reply.label()).hasSizeLessThan(100);
        });
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> words = Arbitraries.of(
                        "refund",
                        "still waiting",
                        "love",
                        "thanks",
                        "?",
                        "!!!",
                        "😡",
                        "👍",
                        "food poisoning",
                        "lawyer",
                        "where",
                        "how",
                        "never again",
                        "zéro",
                        "заказ",
                        "注文",
                        "\u202E",
                        "\u200B",
                        "\uD800",
                        "<!channel>")
                .list()
                .ofMaxSize(30)
                .map(l -> String.join(" ", l));
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(300)),
                Tuple.of(3, words),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(5_000).ofMaxLength(40_000)),
                Tuple.of(
                        1,
                        Combinators.combine(words, Arbitraries.integers().between(100, 4_000))
                                .as((w, n) ->
                                        (w + " ").repeat(n).substring(0, Math.min(40_000, (w.length() + 1) * n)))));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().all().ofLength(299));
    }
}
