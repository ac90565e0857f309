package dev.heed.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PastRepliesTest {

    @Test
    void theNameIsReplacedOnlyAsAWholeWordAndHandlesToo() {
        assertThat(PastReplies.replaceWord("Also, Al: thanks Al!", "Al", "Bea")).isEqualTo("Also, Bea: thanks Bea!");
        assertThat(PastReplies.replaceWord("Hi @mara, sorry @mara2", "@mara", "@tom"))
                .isEqualTo("Hi @tom, sorry @mara2");
    }

    @Test
    void unlikePostsGetNoPastReplyAndTheReplyFitsTheNetwork() {
        Post post = post("Gym showers cold again and the sauna is broken", Network.BLUESKY);
        List<PastReplies.Answered> answered = List.of(
                new PastReplies.Answered(1, "Parcel never arrived", "Mara", "Sorry Mara, DM us."),
                new PastReplies.Answered(
                        2, "showers are cold and the sauna broken again", "Ben", "Ben, sorry! " + "x ".repeat(400)));

        var suggestion = PastReplies.suggest(post, answered).orElseThrow();

        assertThat(suggestion.label()).isEqualTo("Used before (case #2)");
        assertThat(suggestion.text()).startsWith("Kim, sorry!").endsWith("…");
        assertThat(Graphemes.count(suggestion.text())).isLessThanOrEqualTo(300);
        assertThat(PastReplies.suggest(post("Lovely pastries today", Network.X), answered))
                .isEmpty();
    }

    private static Post post(String text, Network network) {
        return new Post(
                "t", "1", network, new Author("@kim", "Kim", 1L, null), text, "en", Instant.EPOCH, null, null, null);
    }
}
