package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.core.casework.StormSettings;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.model.Author;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.discord.fake.FakeDiscord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A storm through the real JDA against the fake Discord: one storm card in the channel, the cases listed in its
 * thread with a Claim button each (clicked through the gateway), {@code /care status} showing it, and a summary
 * when it goes quiet.
 */
class DiscordStormTest {
    private final DiscordHarness heed =
            new DiscordHarness(5, RouteTable.to(DiscordHarness.CARE), StormSettings.defaults());

    @AfterEach
    void close() {
        heed.close();
    }

    private Post viral(int n) {
        return new Post(
                "x-search",
                "v" + n,
                Network.X,
                new Author("fan" + n, "Fan " + n, 10L * n, null),
                "complaint: the cold burger video again, number " + n + (n == 45 ? " [urgent]" : ""),
                "en",
                heed.casework.clock.instant(),
                "https://x.example/fan" + n + "/status/" + n,
                null,
                null);
    }

    @Test
    void aStormIsOneCardWithItsCasesClaimableInItsThreadAndEndsWithASummary() {
        for (int n = 0; n < 60; n++) { // 60 posts in 30 s: over 20 in 5 minutes
            heed.casework.advance(Duration.ofMillis(500));
            heed.casework.ingest.ingest(viral(n));
            heed.casework.tick();
        }
        for (int s = 0; s < 120; s++) { // the paced backlog drains: 5 messages per 5 s
            heed.casework.advance(Duration.ofSeconds(1));
            heed.casework.tick();
        }

        List<DataObject> channel = heed.discord.messages(FakeDiscord.CHANNEL);
        List<DataObject> stormCards = channel.stream()
                .filter(m -> title(m).startsWith("🌪️ Storm from x-search"))
                .toList();
        assertThat(stormCards).hasSize(1);
        assertThat(channel)
                .as("cards before the storm, the urgent one, the storm card")
                .hasSizeLessThanOrEqualTo(23);
        long stormCard = stormCards.get(0).getLong("id");

        // Every case is on its own card or listed once in the storm's thread, with a Claim button.
        List<DataObject> lists = heed.discord.messages(stormCard);
        List<String> buttons = new ArrayList<>();
        for (DataObject list : lists) {
            DataArray rows = list.getArray("components");
            for (int r = 0; r < rows.length(); r++) {
                DataArray row = rows.getObject(r).getArray("components");
                for (int b = 0; b < row.length(); b++) {
                    buttons.add(row.getObject(b).getString("custom_id"));
                }
            }
        }
        long ownCards = channel.size() - 1;
        assertThat(buttons).doesNotHaveDuplicates().allMatch(id -> id.startsWith("heed:claim:"));
        assertThat(buttons.size() + ownCards).isEqualTo(60);

        // A click on a Claim button in the thread claims that case.
        String first = buttons.get(0);
        long caseId = Long.parseLong(first.substring(first.lastIndexOf(':') + 1));
        heed.discord.clickButton(FakeDiscord.ANA, "Ana", stormCard, lists.get(0).getLong("id"), first);
        await().atMost(Duration.ofSeconds(10)).until(() -> heed.view(caseId).state() == CaseState.CLAIMED);
        assertThat(heed.view(caseId).owner().id()).isEqualTo(Long.toUnsignedString(FakeDiscord.ANA));

        // /care status shows the storm.
        String token = heed.discord.slashCommand(FakeDiscord.ANA, "Ana", "care", "status", Map.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !heed.discord.hookMessages(token).isEmpty());
        // Markdown escapes (\\#, \\-) show as the plain characters in Discord.
        assertThat(heed.discord.hookMessages(token).get(0).getString("content").replace("\\", ""))
                .contains("Storm #1")
                .contains("x-search");

        // Quiet for ten minutes: the storm ends with a summary and its card says so.
        for (int s = 0; s < 11 * 60; s += 5) {
            heed.casework.advance(Duration.ofSeconds(5));
            heed.casework.tick();
        }
        assertThat(heed.discord.messages(FakeDiscord.CHANNEL))
                .filteredOn(m -> m.getString("content", "").contains("is over"))
                .singleElement()
                .satisfies(m -> assertThat(m.getString("content").replace("\\", ""))
                        .contains("Storm #1", "48 still unclaimed"));
        assertThat(title(heed.discord.message(FakeDiscord.CHANNEL, stormCard).orElseThrow()))
                .startsWith("✅ Storm over");
        assertThat(heed.casework.reports.status().storms()).isEmpty();
    }

    private static String title(DataObject message) {
        DataArray embeds = message.optArray("embeds").orElse(DataArray.empty());
        return embeds.isEmpty() ? "" : embeds.getObject(0).getString("title", "");
    }
}
