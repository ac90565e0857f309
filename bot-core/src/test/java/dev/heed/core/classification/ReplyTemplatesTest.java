package dev.heed.core.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.core.model.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReplyTemplatesTest {

    private static Stream<ReplyTemplates> allDefaults() {
        return Stream.concat(
                Stream.of(ReplyTemplates.defaults()), ReplyTemplates.defaultTranslations().values().stream());
    }

    @Test
    void anUnknownPlaceholderIsRejectedNamingTheTemplateAndThePlaceholder() {
        assertThatThrownBy(() -> new ReplyTemplate("Friendly thanks", "Thanks {nmae}, see you soon!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Friendly thanks'")
                .hasMessageContaining("{nmae}");
    }

    @Test
    void strayOrUnclosedBracesAreRejected() {
        assertThatThrownBy(() -> new ReplyTemplate("Oops", "Hi {name, sorry!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Oops'")
                .hasMessageContaining("unclosed");
        assertThatThrownBy(() -> new ReplyTemplate("Oops", "Hi name}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Oops'");
    }

    @Test
    void blankLabelsAndTextsAreRejected() {
        assertThatThrownBy(() -> new ReplyTemplate(" ", "Hi {name}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyTemplate("Empty", "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Empty'");
    }

    @Test
    void everyKnownPlaceholderIsAccepted() {
        ReplyTemplate t = new ReplyTemplate("All", "{name} {brand} {signoff} {support} {review} {topic}");

        assertThat(t.uses("review")).isTrue();
        assertThat(new ReplyTemplate("None", "Thanks!").uses("review")).isFalse();
    }

    @Test
    void templatesAreCopiedOnConstruction() {
        List<ReplyTemplate> list = new ArrayList<>(List.of(new ReplyTemplate("A", "Hi {name}")));
        Map<Kind, List<ReplyTemplate>> map = new HashMap<>(Map.of(Kind.QUESTION, list));
        ReplyTemplates templates = new ReplyTemplates(map);

        list.add(new ReplyTemplate("B", "Hello {name}"));
        map.put(Kind.OTHER, list);

        assertThat(templates.forKind(Kind.QUESTION)).hasSize(1);
        assertThat(templates.forKind(Kind.OTHER)).isEmpty();
    }

    @Test
    void defaultsHaveTwoOrThreeTemplatesPerKindAndOneForOther() {
        assertThat(allDefaults()).hasSize(4).allSatisfy(set -> {
            assertThat(set.forKind(Kind.COMPLAINT)).hasSizeBetween(2, 3);
            assertThat(set.forKind(Kind.QUESTION)).hasSizeBetween(2, 3);
            assertThat(set.forKind(Kind.COMPLIMENT)).hasSizeBetween(2, 3);
            assertThat(set.forKind(Kind.OTHER)).hasSize(1);
        });
    }

    @Test
    void defaultComplaintRepliesOfferTheSupportChannelAndNeverPromiseMoney() {
        assertThat(allDefaults())
                .allSatisfy(set -> assertThat(set.forKind(Kind.COMPLAINT)).allSatisfy(t -> {
                    assertThat(t.uses("support")).isTrue();
                    assertThat(t.uses("name")).isTrue();
                    assertThat(t.uses("review")).isFalse();
                    assertThat(t.text().toLowerCase())
                            .doesNotContain("refund", "compensat", "voucher", "reembolso", "rembours", "erstatt");
                }));
    }

    @Test
    void defaultPraiseRepliesAskForAReviewAtMostOnce() {
        assertThat(allDefaults())
                .allSatisfy(set -> assertThat(set.forKind(Kind.COMPLIMENT))
                        .filteredOn(t -> t.uses("review"))
                        .hasSize(1));
    }

    @Test
    void languageCodesAreReducedToTheirFirstPart() {
        assertThat(ReplyTemplates.languageCode("es-MX")).isEqualTo("es");
        assertThat(ReplyTemplates.languageCode("pt_BR")).isEqualTo("pt");
        assertThat(ReplyTemplates.languageCode(null)).isEmpty();
        assertThat(ReplyTemplates.defaults("FR"))
                .isSameAs(ReplyTemplates.defaultTranslations().get("fr"));
        assertThat(ReplyTemplates.defaults("it")).isSameAs(ReplyTemplates.defaults());
    }
}
