package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.casework.StormSettings;
import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.ChatPort;
import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.chat.StormView;
import dev.heed.core.delivery.DispatchSettings;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.model.Author;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.MessageRef;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The storm acceptance test: 1,000 posts in 60 simulated seconds into one Slack channel, through the real adapter and
 * the real Bolt app against the fake Slack, paced at Slack's one message a second (no burst), with a crash in the
 * middle of posting a thread message.
 */
class SlackStormTest {
    private static final Pattern LISTED = Pattern.compile("#(\\d+)");

    private final SlackWorld world = new SlackWorld(
            s -> new SlackSettings(
                    s.defaultChannel(),
                    s.onDuty(),
                    s.managers(),
                    s.managersOnlyCommands(),
                    s.claimReaction(),
                    s.respondReaction(),
                    Duration.ofSeconds(1),
                    1),
            StormSettings.defaults());

    SlackStormTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private Post viral(int n) {
        String[] texts = {
            "complaint: that video of the cold burger is everywhere",
            "complaint: cold burger and rude staff, like in the video",
            "complaint: refund me, the burger was cold",
        };
        return new Post(
                "x-search",
                "v" + n,
                Network.X,
                new Author("fan" + n, "Fan " + n, (long) n, null),
                texts[n % 3] + (n % 200 == 7 ? " [urgent]" : ""),
                "en",
                world.core.clock.instant(),
                "https://x.example/fan" + n + "/status/" + n,
                null,
                null);
    }

    @Test
    void aThousandPostsInAMinuteStayReadablePacedClaimableAndSurviveACrash() throws Exception {
        Instant nextTick = world.core.clock.instant();
        boolean crashed = false;
        for (int n = 0; n < 1000; n++) {
            world.core.advance(Duration.ofMillis(60));
            world.core.ingest.ingest(viral(n));
            if (!crashed && n == 500) {
                crashed = crashWhilePostingAThreadMessage();
            }
            if (!world.core.clock.instant().isBefore(nextTick)) {
                world.core.tick();
                nextTick = world.core.clock.instant().plusMillis(250);
            }
        }
        assertThat(crashed).isTrue();
        for (int s = 0; s < 240; s++) { // the lease of the interrupted row runs out, the backlog drains
            world.core.advance(Duration.ofSeconds(1));
            world.core.tick();
        }

        List<FakeSlack.Posted> all = world.slack.messages();
        List<FakeSlack.Posted> topLevel =
                all.stream().filter(m -> m.threadTs() == null).toList();
        assertThat(topLevel).hasSizeLessThanOrEqualTo(15);
        FakeSlack.Posted stormCard = topLevel.stream()
                .filter(m -> m.text().startsWith("Storm from x-search"))
                .findFirst()
                .orElseThrow();
        assertThat(topLevel.stream().filter(m -> m.text().startsWith("Storm"))).hasSize(1);

        // Slack's pace: never two messages (thread replies included) within a second in the channel.
        List<Instant> times = world.slack.stamps().stream()
                .filter(s -> s.channel().equals(SlackWorld.CHANNEL.id()))
                .map(FakeSlack.Stamped::at)
                .sorted()
                .toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i)))
                    .as("gap before message %d of %d", i, times.size())
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }

        // All 1,000 cases exist; each is on its own card (the urgent ones) or listed once in the storm's thread.
        List<Long> ids = world.core
                .db
                .sql()
                .sql("SELECT id FROM care_case ORDER BY id")
                .query(Long.class)
                .list();
        assertThat(ids).hasSize(1000);
        Map<Long, Integer> listedTimes = new HashMap<>();
        List<FakeSlack.Posted> lists =
                all.stream().filter(m -> stormCard.ts().equals(m.threadTs())).toList();
        for (FakeSlack.Posted list : lists) {
            Matcher m = LISTED.matcher(list.text());
            while (m.find()) {
                listedTimes.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
            }
        }
        assertThat(listedTimes.values()).allMatch(times1 -> times1 == 1);
        long ownCards = all.stream()
                .filter(m -> m.threadTs() == null && m.text().startsWith("Complaint from"))
                .count();
        assertThat(listedTimes.size() + ownCards).isEqualTo(1000);
        assertThat(all.stream().filter(m -> m.threadTs() == null && m.text().contains("[urgent]")))
                .hasSize(5);

        // Claims through the real interaction path: the Claim buttons in the storm's thread.
        String firstList = lists.get(0).ts();
        List<Long> firstListed = new ArrayList<>();
        Matcher m = LISTED.matcher(lists.get(0).text());
        while (m.find()) {
            firstListed.add(Long.parseLong(m.group(1)));
        }
        for (long id : firstListed.subList(0, 3)) {
            assertThat(world.clickOn("UANA", firstList, SlackStorms.CLAIM_LISTED + id, Long.toString(id))
                            .getStatusCode())
                    .isEqualTo(200);
            CaseView claimed = world.core.views.find(id).orElseThrow();
            assertThat(claimed.state()).isEqualTo(CaseState.CLAIMED);
            assertThat(claimed.owner().id()).isEqualTo("UANA");
        }
        assertThat(world.slack.calls("response").get(0).get("text")).contains("is yours now");
        world.clickOn("UBEN", firstList, SlackStorms.CLAIM_LISTED + firstListed.get(0), "" + firstListed.get(0));
        assertThat(lastResponse()).contains("Already claimed by");
        // ... and every other case through the core.
        MemberRef ben = new MemberRef("slack", "UBEN", "Ben");
        for (long id : ids) {
            if (!firstListed.subList(0, 3).contains(id)) {
                assertThat(world.core.commands.claim(id, ben).changed()).isTrue();
            }
        }
        // /care status shows the storm.
        assertThat(world.command("UANA", "status").getBody()).contains("Storm #", "from x-search");

        // The storm ends by itself when the rate falls, with a summary; nothing was posted twice.
        int before = world.slack.messages().size();
        for (int s = 0; s < 11 * 60; s += 5) {
            world.core.advance(Duration.ofSeconds(5));
            world.core.tick();
        }
        List<FakeSlack.Posted> after =
                world.slack.messages().subList(before, world.slack.messages().size());
        assertThat(after.stream().filter(p -> p.threadTs() == null && p.text().contains("is over")))
                .singleElement()
                .satisfies(p -> assertThat(p.text()).contains("claimed", "Top words: "));
        assertThat(world.slack.calls("chat.update").stream()
                        .filter(c -> stormCard.ts().equals(c.get("ts")))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .get("text"))
                .startsWith("Storm over");
        assertThat(world.core.reports.status().storms()).isEmpty();
    }

    private String lastResponse() {
        List<FakeSlack.Call> responses = world.slack.calls("response");
        return responses.get(responses.size() - 1).get("text");
    }

    /**
     * Delivers due rows until a thread message has gone out to Slack and the process "dies" before recording it: the
     * row stays started, as after a kill. Later deliveries see it with {@code mayHaveBeenDelivered}.
     */
    private boolean crashWhilePostingAThreadMessage() {
        ChatPort dying = new ChatPort() {
            @Override
            public String platform() {
                return "slack";
            }

            @Override
            public MessageRef publishCard(ChannelRef channel, CaseView card, DeliveryAttempt attempt) {
                return world.adapter.publishCard(channel, card, attempt);
            }

            @Override
            public void updateCard(MessageRef message, CaseView card, DeliveryAttempt attempt) {
                world.adapter.updateCard(message, card, attempt);
            }

            @Override
            public MessageRef postNudge(MessageRef card, NudgeNotice nudge, DeliveryAttempt attempt) {
                return world.adapter.postNudge(card, nudge, attempt);
            }

            @Override
            public MessageRef postNotice(ChannelRef channel, String text, DeliveryAttempt attempt) {
                return world.adapter.postNotice(channel, text, attempt);
            }

            @Override
            public MessageRef publishStorm(ChannelRef channel, StormView storm, DeliveryAttempt attempt) {
                return world.adapter.publishStorm(channel, storm, attempt);
            }

            @Override
            public void updateStorm(MessageRef message, StormView storm, DeliveryAttempt attempt) {
                world.adapter.updateStorm(message, storm, attempt);
            }

            @Override
            public MessageRef postStormCases(MessageRef storm, List<CaseView> cases, DeliveryAttempt attempt) {
                world.adapter.postStormCases(storm, cases, attempt);
                throw new ProcessKilled();
            }
        };
        OutboxDispatcher doomed =
                new OutboxDispatcher(world.core.db, world.core.clock, List.of(dying), DispatchSettings.defaults());
        for (int s = 0; s < 30; s++) {
            try {
                doomed.deliverDue();
            } catch (ProcessKilled killed) {
                return true;
            }
            world.core.advance(Duration.ofMillis(500));
        }
        return false;
    }

    private static final class ProcessKilled extends Error {
        private static final long serialVersionUID = 1L;
    }
}
