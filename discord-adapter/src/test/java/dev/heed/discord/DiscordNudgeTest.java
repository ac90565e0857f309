package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.core.model.MemberRef;
import dev.heed.discord.fake.FakeDiscord;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nudges in the card's thread as the test clock moves; reconnects; per-channel pacing. */
class DiscordNudgeTest {
    static final String ON_DUTY = Long.toUnsignedString(FakeDiscord.ON_DUTY_ROLE);
    static final String MANAGERS = Long.toUnsignedString(FakeDiscord.MANAGER_ROLE);
    static final String ANA = Long.toUnsignedString(FakeDiscord.ANA);

    DiscordHarness heed;

    @BeforeEach
    void start() {
        heed = new DiscordHarness(3);
    }

    @AfterEach
    void stop() {
        heed.close();
    }

    private List<DataObject> postsTo(long channel) {
        return heed.discord.calls("POST", "channels/" + channel + "/messages").stream()
                .map(FakeDiscord.Call::body)
                .toList();
    }

    private static List<String> strings(DataObject allowedMentions, String key) {
        return allowedMentions.optArray(key).orElse(DataArray.empty()).stream(DataArray::getString)
                .toList();
    }

    @Test
    void nudgesGoToAThreadOnTheCardWithTheRightMentions() {
        long caseId = heed.openCase("complaint: the coffee was cold"); // due in 30 min
        long card = heed.cardOf(caseId);

        heed.casework.advance(Duration.ofMinutes(15)); // half-time: a quiet reminder opens the thread
        heed.casework.tick();
        assertThat(heed.discord.calls("POST", "channels/" + FakeDiscord.CHANNEL + "/messages/" + card + "/threads"))
                .hasSize(1);
        List<DataObject> thread = postsTo(card);
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).getString("content")).startsWith("Reminder:").doesNotContain("<@");
        assertThat(strings(thread.get(0).getObject("allowed_mentions"), "parse"))
                .isEmpty();

        heed.casework.advance(Duration.ofMinutes(9)); // 80 %: the warning mentions the on-duty role (unclaimed)
        heed.casework.tick();
        DataObject warning = postsTo(card).get(1);
        assertThat(warning.getString("content")).startsWith("<@&" + ON_DUTY + "> ");
        assertThat(strings(warning.getObject("allowed_mentions"), "roles")).containsExactly(ON_DUTY);
        assertThat(strings(warning.getObject("allowed_mentions"), "parse")).isEmpty();
        assertThat(heed.discord.calls("POST", "channels/" + FakeDiscord.CHANNEL + "/messages/" + card + "/threads"))
                .as("one thread per card")
                .hasSize(1);

        heed.casework.commands.claim(caseId, new MemberRef("discord", ANA, "Ana"));
        int channelPosts = postsTo(FakeDiscord.CHANNEL).size();
        heed.casework.advance(Duration.ofMinutes(7)); // past the deadline: the breach notice
        heed.casework.tick();
        DataObject breach = postsTo(card).get(2);
        assertThat(breach.getString("content")).startsWith("<@" + ANA + "> <@&" + MANAGERS + "> Deadline missed");
        assertThat(strings(breach.getObject("allowed_mentions"), "users")).containsExactly(ANA);
        assertThat(strings(breach.getObject("allowed_mentions"), "roles")).containsExactly(MANAGERS);

        List<DataObject> inChannel = postsTo(FakeDiscord.CHANNEL)
                .subList(channelPosts, postsTo(FakeDiscord.CHANNEL).size());
        assertThat(inChannel).hasSize(1); // also visible in the channel, as a reply to the card
        assertThat(inChannel.get(0).getString("content")).contains("Case #" + caseId + ": Deadline missed");
        assertThat(inChannel.get(0).getObject("message_reference").getString("message_id"))
                .isEqualTo(Long.toUnsignedString(card));
    }

    @Test
    void anOp7ReconnectIsResumedAndPostsNothingTwice() {
        long caseId = heed.openCase("complaint: reconnect me");
        long card = heed.cardOf(caseId);
        int messages = heed.discord.messages(FakeDiscord.CHANNEL).size();

        heed.discord.gateway().reconnect();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> heed.discord.gateway().resumes() == 1);
        assertThat(heed.discord.gateway().identifies()).isEqualTo(1);

        String token =
                heed.discord.clickButton(FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, card, "heed:claim:" + caseId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !heed.discord.callbacks(token).isEmpty());
        heed.deliver();

        assertThat(heed.view(caseId).owner().id()).isEqualTo(ANA);
        assertThat(heed.discord.messages(FakeDiscord.CHANNEL)).hasSize(messages);
        assertThat(DiscordCardTest.field(heed.card(caseId).getArray("embeds").getObject(0), "Owner"))
                .isEqualTo("<@" + ANA + ">");
    }

    @Test
    void aBusyChannelIsPacedThroughTheOutboxWithoutSleeping() {
        long first = heed.casework.open("complaint: one");
        long second = heed.casework.open("complaint: two");
        long third = heed.casework.open("complaint: three");
        long fourth = heed.casework.open("complaint: four");
        heed.deliver();

        assertThat(heed.discord.messages(FakeDiscord.CHANNEL)).hasSize(3); // 3 per 5 s in this harness
        assertThat(heed.casework.views.cards(fourth).get(DiscordHarness.CARE)).isEmpty();
        assertThat(heed.casework.dispatcher.status().degraded())
                .as("pacing is no failure")
                .isFalse();

        heed.casework.advance(Duration.ofSeconds(6));
        heed.deliver();
        assertThat(heed.discord.messages(FakeDiscord.CHANNEL)).hasSize(4);
        assertThat(List.of(first, second, third, fourth))
                .allSatisfy(id -> assertThat(heed.casework.views.cards(id).get(DiscordHarness.CARE))
                        .isPresent());
    }
}
