package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.core.model.CaseState;
import dev.heed.discord.fake.FakeDiscord;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /care} through the real JDA: ephemeral answers, deferred slow work, manager-only subcommands. */
class DiscordCommandTest {
    static DiscordHarness heed;

    @BeforeAll
    static void start() {
        heed = new DiscordHarness(50);
    }

    @AfterAll
    static void stop() {
        heed.close();
    }

    /** The answer of a deferred command: the edit of the original response through the interaction's hook. */
    static String deferredAnswer(String token) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !heed.discord.hookMessages(token).isEmpty());
        DataObject defer = heed.discord.callbacks(token).get(0);
        assertThat(defer.getInt("type")).isEqualTo(5); // deferReply
        assertThat(defer.getObject("data").getInt("flags") & 64).as("ephemeral").isEqualTo(64);
        return heed.discord.hookMessages(token).get(0).getString("content");
    }

    static DataObject reply(String token) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !heed.discord.callbacks(token).isEmpty());
        return heed.discord.callbacks(token).get(0);
    }

    @Test
    void statusIsAnsweredEphemerallyAfterADeferredReply() {
        heed.openCase("complaint: first one");
        heed.openCase("question: second one");

        String answer = deferredAnswer(heed.discord.slashCommand(FakeDiscord.ANA, "Ana", "care", "status", Map.of()));

        assertThat(answer).contains("Open cases:").contains("Unclaimed").contains("Today:");
    }

    @Test
    void sourcesListsTheSourcesAsTheCoreRendersThem() {
        String answer = deferredAnswer(heed.discord.slashCommand(FakeDiscord.ANA, "Ana", "care", "sources", Map.of()));

        assertThat(answer).contains("**Sources**").contains("No sources are configured.");
    }

    @Test
    void queueListsWaitingCasesAndFiltersByKind() {
        long complaint = heed.openCase("complaint: queue check");
        String answer = deferredAnswer(
                heed.discord.slashCommand(FakeDiscord.ANA, "Ana", "care", "queue", Map.of("kind", "complaint")));
        assertThat(answer).contains("#" + complaint + " complaint").doesNotContain(" question ·");
    }

    @Test
    void reportAndAssignAreForManagersOnly() {
        DataObject refused = reply(heed.discord.slashCommand(FakeDiscord.ANA, "Ana", "care", "report", Map.of()));
        assertThat(refused.getInt("type")).isEqualTo(4);
        assertThat(refused.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(refused.getObject("data").getString("content")).contains("Only the <@&");

        String report = deferredAnswer(
                heed.discord.slashCommand(FakeDiscord.OWNER, "Olu", "care", "report", Map.of("days", 7)));
        assertThat(report).contains("Last 7 days");

        long caseId = heed.openCase("complaint: assign me");
        DataObject assigned = reply(heed.discord.slashCommand(
                FakeDiscord.OWNER,
                "Olu",
                "care",
                "assign",
                Map.of("case", (int) caseId, "member", new FakeDiscord.UserOption(FakeDiscord.BEN, "Ben"))));
        assertThat(assigned.getObject("data").getString("content")).contains("Reassigned to Ben");
        assertThat(heed.view(caseId).state()).isEqualTo(CaseState.CLAIMED);
        assertThat(heed.view(caseId).owner().id()).isEqualTo(Long.toUnsignedString(FakeDiscord.BEN));
    }

    @Test
    void snoozeTakesATypedDurationAndBadInputGetsAShortUsage() {
        long caseId = heed.openCase("question: snooze me");
        DataObject done = reply(heed.discord.slashCommand(
                FakeDiscord.ANA, "Ana", "care", "snooze", Map.of("case", (int) caseId, "for", "15m")));
        assertThat(done.getObject("data").getString("content")).contains("Snoozed");
        assertThat(heed.view(caseId).snoozedUntil())
                .isEqualTo(heed.casework.clock.instant().plus(Duration.ofMinutes(15)));

        DataObject usage = reply(heed.discord.slashCommand(
                FakeDiscord.ANA, "Ana", "care", "snooze", Map.of("case", (int) caseId, "for", "forever")));
        assertThat(usage.getObject("data").getString("content")).startsWith("Usage: `/care snooze");
    }

    @Test
    void findAndMineAndHelp() {
        long caseId = heed.openCase("complaint: the blueberry muffin was stale");
        assertThat(deferredAnswer(
                        heed.discord.slashCommand(FakeDiscord.ANA, "Ana", "care", "find", Map.of("text", "blueberry"))))
                .contains("#" + caseId);

        reply(heed.discord.clickButton(
                FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, heed.cardOf(caseId), "heed:claim:" + caseId));
        assertThat(deferredAnswer(heed.discord.slashCommand(FakeDiscord.BEN, "Ben", "care", "mine", Map.of())))
                .contains("#" + caseId);

        assertThat(reply(heed.discord.slashCommand(FakeDiscord.ANA, "Ana", "care", "help", Map.of()))
                        .getObject("data")
                        .getString("content"))
                .contains("/care status");
    }
}
