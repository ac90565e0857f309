package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.core.chat.RouteTable;
import dev.heed.core.model.CaseState;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.RecordingChatPort;
import dev.heed.discord.fake.FakeDiscord;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discord next to another chat platform (the recording port stands in for Slack): one case, one owner, both cards. */
class DiscordWithAnotherPlatformTest {
    DiscordHarness heed;

    @BeforeEach
    void start() {
        heed = new DiscordHarness(50, RouteTable.to(DiscordHarness.CARE, Casework.CHANNEL));
    }

    @AfterEach
    void stop() {
        heed.close();
    }

    @Test
    void aClaimInDiscordShowsOnBothCardsAndTheOtherPlatformsClaimIsRefusedInDiscord() {
        long caseId = heed.openCase("complaint: both platforms");
        assertThat(heed.casework.chat.published()).hasSize(1);

        String token = heed.discord.clickButton(
                FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, heed.cardOf(caseId), "heed:claim:" + caseId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !heed.discord.callbacks(token).isEmpty());
        heed.deliver();

        RecordingChatPort.Updated other =
                heed.casework.chat.updates().get(heed.casework.chat.updates().size() - 1);
        assertThat(other.card().state()).isEqualTo(CaseState.CLAIMED);
        assertThat(other.card().owner().displayName()).isEqualTo("Ana");
        assertThat(DiscordCardTest.field(heed.card(caseId).getArray("embeds").getObject(0), "Owner"))
                .isEqualTo("<@" + FakeDiscord.ANA + ">");

        // Someone on the other platform tries to claim it too: refused, the Discord owner stays.
        assertThat(heed.casework.commands.claim(caseId, Casework.BEN).message()).contains("Already claimed by Ana");
    }
}
