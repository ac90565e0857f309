package dev.heed.core.classification;

import dev.heed.core.model.Network;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Odd and hostile texts never crash the classifier, the scorer or the suggester, and replies stay in bounds. */
class HostileInputTest {
    private static ModelClassifier classifier;

    @BeforeAll
    static void train() {
        classifier = ModelClassifier.trainDefault();
    }

    static Stream<String> texts() {
        return Stream.of(
                "",
                " ",
                "\n\n\t",
                "😡",
                "😡😡😡🔥🔥🔥👎👎",
                "👨‍👩‍👧‍👦🏳️‍🌈🇬🇧",
                "x".repeat(10_000),
                "refund ".repeat(2_000),
                "?".repeat(5_000),
                "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
                "<script>alert('x')</script> your site is broken",
                "<p>Great <b>service</b> &amp; friendly staff</p>",
                "zero\u200bwidth\u200bjoiners\u200dand\u2060word\ufeffjoiners",
                "Mixed scripts: заказ не пришёл 注文が届かない الطلب لم يصل",
                "ＦＵＬＬＷＩＤＴＨ ＴＥＸＴ ＩＳ ＢＲＯＫＥＮ",
                "\u202Eevil right-to-left override\u202C",
                "@@@@ #### //// \\\\\\\\ ''''' \"\"\"\"",
                "https://a.example/" + "a".repeat(3_000),
                "null",
                "\u0000\u0001\u0002 control characters \u0007",
                "a\uD800b lone surrogate",
                "Ç'est dégueulasse!!! ñandú ß ÆØÅ");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void oddTextsAreClassifiedScoredAndAnsweredWithoutCrashing(String text) {
        for (Network network : List.of(Network.X, Network.BLUESKY)) {
            HostileTextTest.handledWithinBounds(classifier, network, "@" + "n".repeat(300), "N".repeat(500), text);
        }
    }
}
