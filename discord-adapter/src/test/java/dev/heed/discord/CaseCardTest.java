package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.CaseView;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.Author;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class CaseCardTest {
    static CaseView view(String text, List<String> reasons, List<SuggestedReply> suggestions) {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        return new CaseView(
                7,
                Kind.COMPLAINT,
                0.9,
                reasons,
                Priority.HIGH,
                reasons,
                CaseState.NEW,
                null,
                null,
                new Post(
                        "reddit",
                        "t3_1",
                        Network.REDDIT,
                        new Author("u/" + "x".repeat(300), "y".repeat(300), 5L, null),
                        text,
                        "en",
                        now,
                        "https://reddit.example/r/cafe/" + "z".repeat(1000),
                        null,
                        null),
                0,
                now,
                null,
                null,
                null,
                null,
                now.plusSeconds(1800),
                now.plusSeconds(1800),
                null,
                null,
                suggestions,
                1);
    }

    @Test
    void aHugePostStillMakesAnEmbedDiscordAccepts() {
        String huge = "*_<@1>".repeat(2000);
        List<String> reasons = List.of("r".repeat(2000), "s".repeat(2000));
        List<SuggestedReply> replies = List.of(
                new SuggestedReply("a".repeat(200), "b".repeat(9000)),
                new SuggestedReply("c", "d".repeat(9000)),
                new SuggestedReply("e", "f".repeat(9000)));

        MessageEmbed embed = CaseCard.embed(view(huge, reasons, replies));

        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(4096);
        assertThat(embed.getFields()).allSatisfy(f -> assertThat(f.getValue()).hasSizeLessThanOrEqualTo(1024));
        assertThat(CaseCard.components(view("hi", List.of(), replies))).hasSizeLessThanOrEqualTo(5);
    }
}
