package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.MessageRef;
import dev.heed.discord.fake.FakeDiscord;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cards through the real JDA: what is sent on the wire, edits in place, exactly-once sends, 429s. */
class DiscordCardTest {
    static DiscordHarness heed;

    @BeforeAll
    static void start() {
        heed = new DiscordHarness(50);
    }

    @AfterAll
    static void stop() {
        heed.close();
    }

    private static List<DataObject> postsTo(long channel) {
        return heed.discord.calls("POST", "channels/" + channel + "/messages").stream()
                .map(FakeDiscord.Call::body)
                .toList();
    }

    @Test
    void postsOneCardWithEmbedButtonsMenusAndTheDeliveryKeyAsEnforcedNonce() {
        int before = postsTo(FakeDiscord.CHANNEL).size();
        long caseId = heed.openCase("complaint: my latte was cold and nobody came");

        List<DataObject> posts = postsTo(FakeDiscord.CHANNEL);
        assertThat(posts).hasSize(before + 1);
        DataObject body = posts.get(posts.size() - 1);
        assertThat(body.getString("nonce")).startsWith("heed-o");
        assertThat(body.getBoolean("enforce_nonce")).isTrue();
        assertThat(body.getObject("allowed_mentions").getArray("parse").length())
                .isZero();

        DataObject embed = body.getArray("embeds").getObject(0);
        assertThat(embed.getInt("color")).isEqualTo(CaseCard.colour(dev.heed.core.model.Kind.COMPLAINT));
        assertThat(embed.getString("title")).startsWith("Complaint #" + caseId);
        assertThat(embed.getObject("footer").getString("text")).isEqualTo("Heed case " + caseId);
        List<String> fieldNames =
                fields(embed).stream().map(f -> f.getString("name")).toList();
        assertThat(fieldNames).contains("Author", "Source", "State", "Priority", "Deadline", "Owner");
        long due = heed.view(caseId).dueAt().getEpochSecond();
        assertThat(field(embed, "Deadline")).contains("<t:" + due + ":R>");
        assertThat(field(embed, "Owner")).isEqualTo("nobody yet");

        assertThat(customIds(body))
                .contains(
                        "heed:claim:" + caseId,
                        "heed:responded:" + caseId,
                        "heed:resolve:" + caseId,
                        "heed:dismiss:" + caseId,
                        "heed:snooze:" + caseId,
                        "heed:kind:" + caseId,
                        "heed:reply:" + caseId + ":0");
        assertThat(heed.card(caseId).getArray("embeds").length()).isEqualTo(1);
    }

    @Test
    void postTextAndAuthorCanNeitherPingNorBreakTheFormatting() {
        long caseId = heed.openCase("complaint: @everyone @here <@" + FakeDiscord.BEN + "> <@&"
                + FakeDiscord.MANAGER_ROLE + "> **shout** [free money](https://evil.example) ```");
        DataObject card = heed.card(caseId);
        String description = card.getArray("embeds").getObject(0).getString("description");
        assertThat(description)
                .doesNotContain("@everyone", "@here", "<@" + FakeDiscord.BEN, "<@&", "**shout**", "[free money](")
                .contains("\\*\\*shout\\*\\*", "\\[free money\\]", "\\`\\`\\`");
        assertThat(card.getObject("allowed_mentions").getArray("parse").length())
                .isZero();
        assertThat(card.getObject("allowed_mentions").hasKey("users")).isFalse();
        assertThat(card.getObject("allowed_mentions").hasKey("roles")).isFalse();
    }

    @Test
    void editsTheCardInPlaceOnEveryChange() {
        long caseId = heed.openCase("question: do you open on Sundays?");
        long card = heed.cardOf(caseId);
        int cards = heed.discord.messages(FakeDiscord.CHANNEL).size();

        heed.casework.commands.claim(caseId, new MemberRef("discord", Long.toUnsignedString(FakeDiscord.ANA), "Ana"));
        heed.deliver();

        assertThat(heed.discord.messages(FakeDiscord.CHANNEL)).hasSize(cards);
        assertThat(heed.discord.calls("PATCH", "channels/" + FakeDiscord.CHANNEL + "/messages/" + card))
                .hasSize(1);
        DataObject edited = heed.card(caseId);
        DataObject embed = edited.getArray("embeds").getObject(0);
        assertThat(field(embed, "Owner")).isEqualTo("<@" + FakeDiscord.ANA + ">");
        assertThat(field(embed, "State")).contains("Claimed");
        assertThat(customIds(edited)).contains("heed:release:" + caseId).doesNotContain("heed:claim:" + caseId);
    }

    @Test
    void aRetriedSendWithTheSameKeyReturnsTheFirstMessage() {
        long caseId = heed.openCase("compliment: lovely staff");
        var view = heed.view(caseId);
        int before = heed.discord.messages(FakeDiscord.CHANNEL).size();

        DeliveryAttempt attempt = new DeliveryAttempt("heed-o9999", 1, false);
        MessageRef first = heed.bot.chatPort().publishCard(DiscordHarness.CARE, view, attempt);
        MessageRef again =
                heed.bot.chatPort().publishCard(DiscordHarness.CARE, view, new DeliveryAttempt("heed-o9999", 2, true));

        assertThat(again).isEqualTo(first);
        assertThat(heed.discord.messages(FakeDiscord.CHANNEL)).hasSize(before + 1);
    }

    @Test
    void afterALongGapLooksForTheCardInRecentMessagesBeforePostingAgain() {
        long caseId = heed.openCase("complaint: wrong order again");
        long card = heed.cardOf(caseId);
        int posts = postsTo(FakeDiscord.CHANNEL).size();

        MessageRef found = heed.bot
                .chatPort()
                .publishCard(DiscordHarness.CARE, heed.view(caseId), new DeliveryAttempt("heed-o-other", 3, true));

        assertThat(found.id()).isEqualTo(Long.toUnsignedString(card));
        assertThat(postsTo(FakeDiscord.CHANNEL)).hasSize(posts);
    }

    @Test
    void a429IsRetriedByJdaAndTheCardIsPostedOnce() {
        heed.discord.rateLimitNext("POST", "channels/" + FakeDiscord.CHANNEL + "/messages", 0.3);
        int before = heed.discord.messages(FakeDiscord.CHANNEL).size();

        long caseId = heed.openCase("complaint: the app keeps crashing");

        assertThat(heed.casework.views.cards(caseId).get(DiscordHarness.CARE)).isPresent();
        assertThat(heed.discord.messages(FakeDiscord.CHANNEL)).hasSize(before + 1);
        List<FakeDiscord.Call> tries = heed.discord.calls("POST", "channels/" + FakeDiscord.CHANNEL + "/messages");
        assertThat(tries.get(tries.size() - 1).body().getString("nonce"))
                .isEqualTo(tries.get(tries.size() - 2).body().getString("nonce"));
    }

    @Test
    void anOutageLosesNothingAndPostsNothingTwice() {
        heed.discord.failNextWrites(2);
        int before = heed.discord.messages(FakeDiscord.CHANNEL).size();

        long caseId = heed.casework.open("question: is there parking?");
        heed.deliver();
        assertThat(heed.casework.views.cards(caseId).get(DiscordHarness.CARE)).isEmpty();
        assertThat(heed.casework.dispatcher.status().failing()).isEqualTo(1);

        heed.casework.advance(java.time.Duration.ofMinutes(1));
        heed.deliver();
        heed.casework.advance(java.time.Duration.ofMinutes(1));
        heed.deliver();

        assertThat(heed.casework.views.cards(caseId).get(DiscordHarness.CARE)).isPresent();
        assertThat(heed.discord.messages(FakeDiscord.CHANNEL)).hasSize(before + 1);
    }

    static List<DataObject> fields(DataObject embed) {
        return embed.getArray("fields").stream(DataArray::getObject).toList();
    }

    static String field(DataObject embed, String name) {
        return fields(embed).stream()
                .filter(f -> f.getString("name").equals(name))
                .map(f -> f.getString("value"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + embed));
    }

    static List<String> customIds(DataObject message) {
        List<String> ids = new java.util.ArrayList<>();
        DataArray rows = message.getArray("components");
        for (int i = 0; i < rows.length(); i++) {
            DataArray components = rows.getObject(i).getArray("components");
            for (int j = 0; j < components.length(); j++) {
                ids.add(components.getObject(j).getString("custom_id"));
            }
        }
        return ids;
    }
}
