package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.discord.fake.FakeDiscord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** People acting on cards through the real JDA: buttons, menus, the reply modal, reactions. */
class DiscordInteractionTest {
    static final String ANA = Long.toUnsignedString(FakeDiscord.ANA);
    static final String BEN = Long.toUnsignedString(FakeDiscord.BEN);
    static DiscordHarness heed;

    @BeforeAll
    static void start() {
        heed = new DiscordHarness(50);
    }

    @AfterAll
    static void stop() {
        heed.close();
    }

    /** The one asynchronous hop: the gateway event reaches JDA, our listener, and its answer reaches the fake. */
    static DataObject callback(String token) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !heed.discord.callbacks(token).isEmpty());
        return heed.discord.callbacks(token).get(0);
    }

    @Test
    void claimButtonMakesTheClickerOwnerAndTheCardShowsIt() {
        long caseId = heed.openCase("complaint: cold soup");
        String token = heed.discord.clickButton(
                FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, heed.cardOf(caseId), "heed:claim:" + caseId);

        assertThat(callback(token).getInt("type")).isEqualTo(6); // acknowledged, card edited by the outbox
        assertThat(heed.view(caseId).state()).isEqualTo(CaseState.CLAIMED);
        assertThat(heed.view(caseId).owner().id()).isEqualTo(ANA);
        assertThat(heed.view(caseId).owner().displayName()).isEqualTo("Ana");

        heed.deliver();
        assertThat(DiscordCardTest.field(heed.card(caseId).getArray("embeds").getObject(0), "Owner"))
                .isEqualTo("<@" + ANA + ">");
    }

    @Test
    void aSecondClaimantGetsAnEphemeralRefusalNamingTheOwner() {
        long caseId = heed.openCase("complaint: late delivery");
        callback(heed.discord.clickButton(
                FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, heed.cardOf(caseId), "heed:claim:" + caseId));

        DataObject refusal = callback(heed.discord.clickButton(
                FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, heed.cardOf(caseId), "heed:claim:" + caseId));

        assertThat(refusal.getInt("type")).isEqualTo(4);
        assertThat(refusal.getObject("data").getInt("flags") & 64)
                .as("ephemeral")
                .isEqualTo(64);
        assertThat(refusal.getObject("data").getString("content")).contains("Already claimed by Ana");
        assertThat(heed.view(caseId).owner().id()).isEqualTo(ANA);
    }

    @Test
    void twoClaimsAtOnceMakeExactlyOneOwner() {
        long caseId = heed.openCase("complaint: broken mug");
        long card = heed.cardOf(caseId);
        String first =
                heed.discord.clickButton(FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, card, "heed:claim:" + caseId);
        String second =
                heed.discord.clickButton(FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, card, "heed:claim:" + caseId);

        List<Integer> types =
                List.of(callback(first).getInt("type"), callback(second).getInt("type"));
        assertThat(types).containsExactlyInAnyOrder(6, 4);
        String owner = heed.view(caseId).owner().id();
        DataObject refusal = types.get(0) == 4 ? callback(first) : callback(second);
        assertThat(refusal.getObject("data").getString("content"))
                .contains("Already claimed by " + (owner.equals(ANA) ? "Ana" : "Ben"));
    }

    @Test
    void respondedResolveAndNotRelevantButtonsChangeTheCase() {
        long responded = heed.openCase("question: gluten free?");
        callback(heed.discord.clickButton(
                FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, heed.cardOf(responded), "heed:responded:" + responded));
        assertThat(heed.view(responded).state()).isEqualTo(CaseState.RESPONDED);
        assertThat(heed.view(responded).owner().id()).isEqualTo(BEN);

        long dismissed = heed.openCase("other: buy followers now");
        callback(heed.discord.clickButton(
                FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, heed.cardOf(dismissed), "heed:dismiss:" + dismissed));
        assertThat(heed.view(dismissed).state()).isEqualTo(CaseState.DISMISSED);

        heed.deliver();
        assertThat(DiscordCardTest.customIds(heed.card(dismissed))).isEmpty();
    }

    @Test
    void snoozeAndReclassifyMenus() {
        long caseId = heed.openCase("question: where is my order");
        long card = heed.cardOf(caseId);
        callback(heed.discord.select(FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, card, "heed:snooze:" + caseId, "1h"));
        assertThat(heed.view(caseId).snoozedUntil())
                .isEqualTo(heed.casework.clock.instant().plus(Duration.ofHours(1)));

        callback(heed.discord.select(
                FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, card, "heed:kind:" + caseId, "complaint"));
        assertThat(heed.view(caseId).kind()).isEqualTo(Kind.COMPLAINT);
    }

    @Test
    void useThisReplyOpensAModalWithTheSuggestionAndSubmittingRecordsItAndMarksResponded() {
        long caseId = heed.openCase("complaint: rude staff");
        long card = heed.cardOf(caseId);

        DataObject modal = callback(heed.discord.clickButton(
                FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, card, "heed:reply:" + caseId + ":0"));
        assertThat(modal.getInt("type")).isEqualTo(9);
        assertThat(modal.getObject("data").getString("custom_id")).isEqualTo("heed:replymodal:" + caseId);
        assertThat(modal.getObject("data").toString()).contains("Thanks for telling us.");

        DataObject answer = callback(heed.discord.submitModal(
                FakeDiscord.ANA,
                "Ana",
                FakeDiscord.CHANNEL,
                card,
                "heed:replymodal:" + caseId,
                Map.of("reply", "Sorry Sam, we are on it. Please DM us.")));

        assertThat(answer.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(heed.view(caseId).state()).isEqualTo(CaseState.RESPONDED);
        assertThat(heed.view(caseId).replyText()).isEqualTo("Sorry Sam, we are on it. Please DM us.");
        heed.deliver();
        assertThat(DiscordCardTest.field(heed.card(caseId).getArray("embeds").getObject(0), "Reply recorded"))
                .contains("Sorry Sam, we are on it");
    }

    @Test
    void eyesReactionClaimsRemovingItReleasesAndCheckMarksResponded() {
        long caseId = heed.openCase("complaint: no receipt");
        long card = heed.cardOf(caseId);

        heed.discord.reaction(true, FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, card, "👀");
        await().atMost(Duration.ofSeconds(10)).until(() -> heed.view(caseId).state() == CaseState.CLAIMED);
        assertThat(heed.view(caseId).owner().id()).isEqualTo(BEN);
        assertThat(heed.view(caseId).owner().displayName()).isEqualTo("Ben");

        heed.discord.reaction(false, FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, card, "👀");
        await().atMost(Duration.ofSeconds(10)).until(() -> heed.view(caseId).state() == CaseState.NEW);

        heed.discord.reaction(true, FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, card, "✅");
        await().atMost(Duration.ofSeconds(10)).until(() -> heed.view(caseId).state() == CaseState.RESPONDED);
        assertThat(heed.view(caseId).owner().id()).isEqualTo(ANA);
    }

    @Test
    void anInstanceThatDoesNotHandleEventsLeavesThemToTheOneThatDoes() {
        long caseId = heed.openCase("complaint: the card reader is broken");
        long card = heed.cardOf(caseId);

        // Another instance holds the events lease while Ben's 👀 arrives; this one has it when Ana's ✅ does.
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        heed.handlesEvents = () -> asked.incrementAndGet() > 1;
        try {
            heed.discord.reaction(true, FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, card, "👀");
            heed.discord.reaction(true, FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, card, "✅");

            await().atMost(Duration.ofSeconds(10)).until(() -> heed.view(caseId).state() == CaseState.RESPONDED);
        } finally {
            heed.handlesEvents = () -> true;
        }
        assertThat(asked).hasValue(2);
        assertThat(heed.view(caseId).owner().id()).isEqualTo(ANA);
        assertThat(heed.casework.views.auditTrail(caseId))
                .noneMatch(e -> e.action().equals("CLAIMED"));
    }

    @Test
    void aRefusedEyesReactionIsExplainedToThePersonByDirectMessage() {
        long caseId = heed.openCase("complaint: wrong size delivered");
        long card = heed.cardOf(caseId);
        heed.discord.reaction(true, FakeDiscord.ANA, "Ana", FakeDiscord.CHANNEL, card, "👀");
        await().atMost(Duration.ofSeconds(10)).until(() -> heed.view(caseId).state() == CaseState.CLAIMED);

        heed.discord.reaction(true, FakeDiscord.BEN, "Ben", FakeDiscord.CHANNEL, card, "👀");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !heed.discord.directMessages(FakeDiscord.BEN).isEmpty());
        assertThat(heed.discord.directMessages(FakeDiscord.BEN))
                .singleElement()
                .satisfies(dm -> assertThat(dm.getString("content"))
                        .contains("#" + caseId)
                        .contains("Ana")
                        .contains("👀"));
        assertThat(heed.discord.directMessages(FakeDiscord.ANA)).isEmpty();
        assertThat(heed.view(caseId).owner().id()).isEqualTo(ANA);
    }
}
