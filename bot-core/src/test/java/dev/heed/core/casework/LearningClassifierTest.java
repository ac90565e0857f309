package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.classification.LabelledText;
import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.testing.Casework;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningClassifierTest {
    private static final List<LabelledText> CORPUS = List.of(
            new LabelledText("my order is late and cold", Kind.COMPLAINT),
            new LabelledText("terrible service, still waiting", Kind.COMPLAINT),
            new LabelledText("do you open on sunday?", Kind.QUESTION),
            new LabelledText("where can I park?", Kind.QUESTION),
            new LabelledText("love the new menu, thank you", Kind.COMPLIMENT),
            new LabelledText("great staff, lovely evening", Kind.COMPLIMENT),
            new LabelledText("follow back for a giveaway", Kind.OTHER),
            new LabelledText("heading into town later", Kind.OTHER));

    private final Casework work = new Casework();
    private final TeamLabels labels = new TeamLabels(work.db);

    @Test
    void theTeamsCorrectionsChangeLaterClassifications() {
        LearningClassifier classifier = new LearningClassifier(labels, CORPUS);
        Post probe = post("the derailleur clicks again");
        assertThat(classifier.classify(probe).kind()).isNotEqualTo(Kind.COMPLAINT);

        for (String text : List.of(
                "the derailleur clicks after the service",
                "derailleur clicks and skips gears",
                "new chain, derailleur still clicks",
                "my derailleur clicks on every hill")) {
            long id = work.open(text);
            work.commands.reclassify(id, ANA, Kind.COMPLAINT);
        }
        assertThat(classifier.refitIfNeeded(5)).as("only four labels so far").isFalse();
        long dismissed = work.open("derailleur clicks meme lol");
        work.commands.dismiss(dismissed, ANA, "joke");
        assertThat(classifier.refitIfNeeded(5)).isTrue();

        assertThat(classifier.classify(probe).kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(classifier.labelsLearnt()).isEqualTo(5);
        assertThat(labels.corrections()).isEqualTo(5);
    }

    @Test
    void aResponseConfirmsTheKindButNeverOverridesACorrection() {
        long confirmed = work.open("complaint: cold soup");
        long corrected = work.open("complaint: is the soup vegan?");
        work.commands.markResponded(confirmed, ANA, null);
        work.commands.reclassify(corrected, ANA, Kind.QUESTION);
        work.commands.markResponded(corrected, ANA, null);

        assertThat(labels.all())
                .containsExactlyInAnyOrder(
                        new LabelledText("complaint: cold soup", Kind.COMPLAINT),
                        new LabelledText("complaint: is the soup vegan?", Kind.QUESTION));
        assertThat(labels.count()).isEqualTo(2);
        assertThat(labels.corrections()).isEqualTo(1);
    }

    private static Post post(String text) {
        return new Post("t", "1", Network.OTHER, Author.of("x"), text, null, Instant.EPOCH, null, null, null);
    }
}
