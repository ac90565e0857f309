package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import dev.heed.core.chat.CaseView;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buttons, menus, reactions and the reply modal, sent as signed requests through the real Bolt app. */
class SlackInteractionTest {
    private SlackWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new SlackWorld();
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private CaseView caseOf(long id) {
        return world.core.views.find(id).orElseThrow();
    }

    @Test
    void claimButtonMakesTheClickerOwnerAndTheCardShowsIt() throws Exception {
        long id = world.openCase("complaint: cold coffee");

        Response response = world.click("U0ANA", id, SlackCards.CLAIM, Long.toString(id));
        world.core.dispatcher.deliverDue();

        assertThat(response.getStatusCode()).isEqualTo(200);
        CaseView view = caseOf(id);
        assertThat(view.state()).isEqualTo(CaseState.CLAIMED);
        assertThat(view.owner().id()).isEqualTo("U0ANA");
        assertThat(view.owner().displayName()).isEqualTo("Name of U0ANA");
        assertThat(world.slack.calls("chat.update").get(0).texts("blocks")).contains("Claimed by <@U0ANA>");
        assertThat(world.slack.calls("response")).isEmpty();
        assertThat(world.slack.calls("users.info").get(0).get("_token")).isEqualTo(SlackWorld.TOKEN);
        assertThat(world.slack.calls("chat.update").get(0).get("_token")).isEqualTo(SlackWorld.TOKEN);
    }

    @Test
    void secondClaimantIsToldWhoOwnsTheCaseOnlyToThem() throws Exception {
        long id = world.openCase("complaint: cold coffee");
        world.click("U0ANA", id, SlackCards.CLAIM, Long.toString(id));

        world.click("U0BEN", id, SlackCards.CLAIM, Long.toString(id));

        List<FakeSlack.Call> answers = world.slack.calls("response");
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).get("response_type")).isEqualTo("ephemeral");
        assertThat(answers.get(0).get("replace_original")).isEqualTo("false");
        assertThat(answers.get(0).get("text")).contains("Already claimed by Name of U0ANA");
        assertThat(caseOf(id).owner().id()).isEqualTo("U0ANA");
    }

    @Test
    void twoClaimsAtOnceLeaveExactlyOneOwnerAndOneRefusal() throws Exception {
        long id = world.openCase("complaint: cold coffee");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Response>> clicks = new ArrayList<>();
            clicks.add(() -> world.click("U0ANA", id, SlackCards.CLAIM, Long.toString(id)));
            clicks.add(() -> world.react("reaction_added", "U0BEN", "eyes", id));
            for (Future<Response> done : pool.invokeAll(clicks)) {
                assertThat(done.get().getStatusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        world.core.dispatcher.deliverDue();

        CaseView view = caseOf(id);
        assertThat(view.state()).isEqualTo(CaseState.CLAIMED);
        String owner = view.owner().id();
        assertThat(owner).isIn("U0ANA", "U0BEN");
        int refusals = world.slack.calls("response").size()
                + world.slack.calls("chat.postEphemeral").size();
        assertThat(refusals).isEqualTo(1);
        String lastCard = world.slack
                .calls("chat.update")
                .get(world.slack.calls("chat.update").size() - 1)
                .texts("blocks");
        assertThat(lastCard).contains("Claimed by <@" + owner + ">");
        assertThat(lastCard).doesNotContain("<@" + (owner.equals("U0ANA") ? "U0BEN" : "U0ANA") + ">");
    }

    @Test
    void eyesReactionClaimsAndRemovingItReleases() throws Exception {
        long id = world.openCase("question: open on Sunday?");

        world.react("reaction_added", "U0ANA", "eyes", id);
        assertThat(caseOf(id).owner().id()).isEqualTo("U0ANA");

        world.react("reaction_removed", "U0BEN", "eyes", id);
        assertThat(caseOf(id).owner().id()).isEqualTo("U0ANA");

        world.react("reaction_removed", "U0ANA", "eyes", id);
        assertThat(caseOf(id).state()).isEqualTo(CaseState.NEW);
        assertThat(caseOf(id).owner()).isNull();
    }

    @Test
    void aSecondClaimByReactionGetsAnEphemeralMessageNamingTheOwner() throws Exception {
        long id = world.openCase("question: open on Sunday?");
        world.react("reaction_added", "U0ANA", "eyes", id);

        world.react("reaction_added", "U0BEN", "eyes", id);

        List<FakeSlack.Call> ephemeral = world.slack.calls("chat.postEphemeral");
        assertThat(ephemeral).hasSize(1);
        assertThat(ephemeral.get(0).get("user")).isEqualTo("U0BEN");
        assertThat(ephemeral.get(0).get("channel")).isEqualTo("C0CARE");
        assertThat(ephemeral.get(0).get("text")).contains("Already claimed by Name of U0ANA");
    }

    @Test
    void checkMarkReactionMarksResponded() throws Exception {
        long id = world.openCase("complaint: cold coffee");

        world.react("reaction_added", "U0ANA", "white_check_mark", id);

        CaseView view = caseOf(id);
        assertThat(view.state()).isEqualTo(CaseState.RESPONDED);
        assertThat(view.firstResponseAt()).isEqualTo(world.core.clock.instant());
        assertThat(view.owner().id()).isEqualTo("U0ANA");
    }

    @Test
    void retriedEventsActOnlyOnce() throws Exception {
        long id = world.openCase("complaint: cold coffee");

        world.react("reaction_added", "U0ANA", "eyes", id, "Ev42", null);
        world.react("reaction_removed", "U0ANA", "eyes", id, "Ev43", null);
        Response retry = world.react("reaction_added", "U0ANA", "eyes", id, "Ev42", "1");

        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(caseOf(id).state()).isEqualTo(CaseState.NEW);
        assertThat(world.core.views.auditTrail(id).stream()
                        .filter(a -> a.action().equals("CLAIMED")))
                .hasSize(1);
    }

    @Test
    void otherReactionsAndMessagesThatAreNoCardChangeNothing() throws Exception {
        long id = world.openCase("complaint: cold coffee");

        world.react("reaction_added", "U0ANA", "tada", id);

        assertThat(caseOf(id).state()).isEqualTo(CaseState.NEW);
    }

    @Test
    void respondedResolveSnoozeDismissAndReclassifyFromTheCard() throws Exception {
        long first = world.openCase("complaint: cold coffee");
        long second = world.openCase("question: open on Sunday?");
        long third = world.openCase("compliment: lovely cake");

        world.click("U0ANA", first, SlackCards.RESPONDED, Long.toString(first));
        assertThat(caseOf(first).state()).isEqualTo(CaseState.RESPONDED);
        world.click("U0ANA", first, SlackCards.RESOLVE, Long.toString(first));
        assertThat(caseOf(first).state()).isEqualTo(CaseState.RESOLVED);

        world.choose("U0BEN", second, SlackCards.SNOOZE, second + ":1h");
        Instant until = caseOf(second).snoozedUntil();
        assertThat(until).isEqualTo(world.core.clock.instant().plus(Duration.ofHours(1)));

        world.choose("U0BEN", second, SlackCards.RECLASSIFY, second + ":COMPLAINT");
        assertThat(caseOf(second).kind()).isEqualTo(Kind.COMPLAINT);

        world.choose("U0BEN", third, SlackCards.DISMISS, third + ":spam");
        assertThat(caseOf(third).state()).isEqualTo(CaseState.DISMISSED);
        assertThat(caseOf(third).dismissReason()).isEqualTo("spam");

        world.core.dispatcher.deliverDue();
        String dismissed = world.slack
                .calls("chat.update", c -> c.get("ts").equals(world.cardTs(third)))
                .get(0)
                .texts("blocks");
        assertThat(dismissed).contains("Dismissed", "spam");
        assertThat(world.slack.calls("response")).isEmpty();
    }

    @Test
    void snoozeUntilTomorrowMeansNineTheNextMorning() throws Exception {
        long id = world.openCase("question: open on Sunday?");

        world.choose("U0BEN", id, SlackCards.SNOOZE, id + ":tomorrow");

        assertThat(caseOf(id).snoozedUntil()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void releaseBySomeoneElseIsRefusedPrivately() throws Exception {
        long id = world.openCase("complaint: cold coffee");
        world.click("U0ANA", id, SlackCards.CLAIM, Long.toString(id));

        world.click("U0BEN", id, SlackCards.RELEASE, Long.toString(id));

        assertThat(caseOf(id).owner().id()).isEqualTo("U0ANA");
        assertThat(world.slack.calls("response").get(0).get("text")).contains("Only Name of U0ANA can release");
    }

    @Test
    void useThisReplyOpensAModalWhoseCountFollowsTheTextAndSubmittingMarksResponded() throws Exception {
        long id = world.openCase("complaint: cold coffee");

        world.click("U0ANA", id, SlackCards.USE_REPLY + "0", id + ":0");

        FakeSlack.Call open = world.slack.calls("views.open").get(0);
        assertThat(open.get("trigger_id")).isEqualTo("trig-2");
        String modal = open.texts("view");
        assertThat(modal).contains("Thanks for telling us.", "22 / 500 characters", "Open the post", "heed_reply");

        world.typeInModal("U0ANA", id, "Sorry about the coffee, Ana!");
        FakeSlack.Call update = world.slack.calls("views.update").get(0);
        assertThat(update.get("view_id")).isEqualTo("V1");
        assertThat(update.texts("view")).contains("28 / 500 characters");

        Response submitted = world.submitReply("U0ANA", id, "Sorry about the coffee, Ana!");

        assertThat(submitted.getStatusCode()).isEqualTo(200);
        CaseView view = caseOf(id);
        assertThat(view.state()).isEqualTo(CaseState.RESPONDED);
        assertThat(view.replyText()).isEqualTo("Sorry about the coffee, Ana!");
    }

    @Test
    void aReplyOverTheNetworksLimitIsRefusedInTheModal() throws Exception {
        long id = world.openCase("complaint: cold coffee");

        Response submitted = world.submitReply("U0ANA", id, "x".repeat(501));

        assertThat(submitted.getBody()).contains("\"response_action\":\"errors\"", "at most 500");
        assertThat(caseOf(id).state()).isEqualTo(CaseState.NEW);
    }

    @Test
    void appHomeShowsTheMembersOwnCasesAndTheTeamStatus() throws Exception {
        long mine = world.openCase("complaint: cold coffee");
        long other = world.openCase("question: open on Sunday?");
        world.react("reaction_added", "U0ANA", "eyes", mine);
        com.google.gson.JsonObject event = new com.google.gson.JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", "U0ANA");
        event.addProperty("channel", "D0HOME");
        event.addProperty("tab", "home");
        event.addProperty("event_ts", "1700000000.3");

        world.event(event, "EvHome1", null);

        FakeSlack.Call publish = world.slack.calls("views.publish").get(0);
        assertThat(publish.get("user_id")).isEqualTo("U0ANA");
        String home = publish.texts("view");
        assertThat(home).contains("Your open cases", "#" + mine, "Team status", "2 open: 1 unclaimed");
        assertThat(home).doesNotContain("#" + other + "*");
    }

    @Test
    void aSlowUsersInfoDoesNotHoldUpTheAcknowledgementOfANewUsersFirstClick() throws Exception {
        long id = world.openCase("complaint: the oat milk was off");
        java.util.concurrent.CountDownLatch slackAnswers = new java.util.concurrent.CountDownLatch(1);
        world.slack.holdUsersInfo(slackAnswers);
        try {
            Response response = world.click("U0SLOW", id, SlackCards.CLAIM, Long.toString(id));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(slackAnswers.getCount())
                    .as("acknowledged before users.info answered")
                    .isEqualTo(1);
            assertThat(caseOf(id).owner().id()).isEqualTo("U0SLOW");
            assertThat(caseOf(id).owner().displayName())
                    .as("the name Slack sent with the click")
                    .isEqualTo("u0slow");
        } finally {
            slackAnswers.countDown();
            world.slack.holdUsersInfo(null);
        }
    }
}
