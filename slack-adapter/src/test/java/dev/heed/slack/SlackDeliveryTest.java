package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.MessageRef;
import dev.heed.core.support.Db;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cards and nudges through the outbox to the fake Slack: nudges in threads, 429s, outages, crashes, pacing. */
class SlackDeliveryTest {
    private SlackWorld world;

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void nudgesGoInTheCardsThreadWithTheRightMentionsAsTheClockAdvances() throws Exception {
        world = new SlackWorld();
        long id = world.openCase("complaint: cold coffee"); // due in 30 min
        String card = world.cardTs(id);

        world.core.advance(Duration.ofMinutes(15));
        world.core.tick();
        List<FakeSlack.Posted> thread = thread(card);
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).text()).contains("Reminder").doesNotContain("<@", "<!here>", "<!subteam");

        world.core.advance(Duration.ofMinutes(5));
        world.core.tick();
        thread = thread(card);
        assertThat(thread).hasSize(2);
        assertThat(thread.get(1).text())
                .contains("<!subteam^S0ONDUTY>", "10 min left")
                .doesNotContain("S0MANAGERS");

        world.react("reaction_added", "U0ANA", "eyes", id);
        world.core.advance(Duration.ofMinutes(11));
        world.core.tick();
        thread = thread(card);
        assertThat(thread).hasSize(3);
        assertThat(thread.get(2).text())
                .contains("<@U0ANA>", "<!subteam^S0MANAGERS>", "<@U0BOSS>", "Deadline missed")
                .doesNotContain("S0ONDUTY");
        FakeSlack.Call breach = world.slack.calls("chat.postMessage").get(3);
        assertThat(breach.get("thread_ts")).isEqualTo(card);
        assertThat(breach.get("reply_broadcast")).isEqualTo("1");
        assertThat(world.slack.calls("chat.postMessage").get(1).get("reply_broadcast"))
                .isIn(null, "0");

        // The card's state line follows the clock after each nudge.
        List<FakeSlack.Call> updates = world.slack.calls("chat.update");
        assertThat(updates.get(updates.size() - 1).texts("blocks")).contains("overdue by 1 min");
        assertThat(updates.stream().map(u -> u.texts("blocks")).anyMatch(t -> t.contains("due in 15 min")))
                .isTrue();
    }

    @Test
    void withoutAnOnDutyGroupAnUnclaimedWarningMentionsHere() throws Exception {
        world = new SlackWorld(s -> s.withOnDuty(List.of()));
        long id = world.openCase("complaint: cold coffee");

        world.core.advance(Duration.ofMinutes(20));
        world.core.tick();

        assertThat(thread(world.cardTs(id)))
                .last()
                .extracting(FakeSlack.Posted::text)
                .asString()
                .contains("<!here>");
    }

    @Test
    void a429WaitsForRetryAfterThenPostsOnce() throws Exception {
        world = new SlackWorld();
        world.slack.failNext(1, 429, "7");
        long id = world.core.open("complaint: cold coffee");

        world.core.dispatcher.deliverDue();
        assertThat(world.slack.calls("chat.postMessage!failed")).hasSize(1);
        assertThat(world.core.dispatcher.status().lastError()).contains("429");

        world.core.advance(Duration.ofSeconds(6));
        world.core.dispatcher.deliverDue();
        assertThat(world.slack.calls("chat.postMessage")).isEmpty();

        world.core.advance(Duration.ofSeconds(2));
        world.core.dispatcher.deliverDue();
        assertThat(world.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(world.core.views.cards(id).get(SlackWorld.CHANNEL)).isPresent();
        assertThat(world.core.dispatcher.status().pending()).isZero();
    }

    @Test
    void aFiveMinuteOutageLosesNothingAndPostsNothingTwice() throws Exception {
        world = new SlackWorld();
        long before = world.openCase("complaint: cold coffee");
        world.slack.down(true);
        long a = world.core.open("question: open on Sunday?");
        long b = world.core.open("complaint: burnt toast");
        world.core.commands.claim(before, new MemberRef("slack", "U0ANA", "Ana"));
        world.core.commands.claim(a, new MemberRef("slack", "U0BEN", "Ben"));
        for (int minute = 0; minute < 5; minute++) {
            world.core.advance(Duration.ofMinutes(1));
            world.core.tick();
        }
        assertThat(world.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(world.core.dispatcher.status().pending()).isPositive();

        world.slack.down(false);
        for (int step = 0; step < 20 && world.core.dispatcher.status().pending() > 0; step++) {
            world.core.advance(Duration.ofSeconds(30));
            world.core.dispatcher.deliverDue();
        }

        assertThat(world.core.dispatcher.status().pending()).isZero();
        List<FakeSlack.Posted> cards = world.slack.messages().stream()
                .filter(m -> m.threadTs() == null)
                .toList();
        assertThat(cards).hasSize(3);
        assertThat(cards.stream().map(c -> c.text()).toList())
                .anyMatch(t -> t.contains("case #" + a))
                .anyMatch(t -> t.contains("case #" + b));
        String lastA = lastUpdate(world.cardTs(a));
        assertThat(lastA).contains("Claimed by <@U0BEN>");
        assertThat(lastUpdate(world.cardTs(before))).contains("Claimed by <@U0ANA>");
    }

    @Test
    void aCardWhoseDeliveryCrashedAfterSlackTookItIsFoundNotPostedAgain() throws Exception {
        world = new SlackWorld();
        long id = world.core.open("complaint: cold coffee");
        Db db = world.core.db;
        long row = db.sql()
                .sql("SELECT id FROM outbox WHERE case_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        // The dispatcher started the row and Slack took the card, then the process died before recording it.
        db.sql()
                .sql("UPDATE outbox SET started_at = ?, attempts = 1 WHERE id = ?")
                .params(Db.ts(world.core.clock.instant()), row)
                .update();
        MessageRef posted = world.adapter.publishCard(
                SlackWorld.CHANNEL,
                world.core.views.find(id).orElseThrow(),
                new DeliveryAttempt("heed-o" + row, 1, false));

        world.core.advance(Duration.ofMinutes(3)); // past the lease
        world.core.dispatcher.deliverDue();

        assertThat(world.slack.calls("chat.postMessage")).hasSize(1);
        FakeSlack.Call lookup = world.slack.calls("conversations.history").get(0);
        assertThat(lookup.get("include_all_metadata")).isIn("1", "true");
        assertThat(world.cardTs(id)).isEqualTo(posted.id());
        assertThat(world.core.dispatcher.status().pending()).isZero();
    }

    @Test
    void aNudgeThatMayHaveBeenDeliveredIsLookedUpInTheThread() throws Exception {
        world = new SlackWorld();
        long id = world.openCase("complaint: cold coffee");
        MessageRef card = new MessageRef(SlackWorld.CHANNEL, world.cardTs(id));
        var notice = new dev.heed.core.chat.NudgeNotice(
                id,
                dev.heed.core.model.Kind.COMPLAINT,
                dev.heed.core.sla.NudgeLevel.WARNING,
                world.core.clock.instant().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(10),
                null,
                false,
                false,
                "10 min left to answer this complaint.");

        MessageRef first = world.adapter.postNudge(card, notice, new DeliveryAttempt("heed-o77", 1, false));
        MessageRef again = world.adapter.postNudge(card, notice, new DeliveryAttempt("heed-o77", 2, true));

        assertThat(again).isEqualTo(first);
        assertThat(thread(card.id())).hasSize(1);
        assertThat(world.slack.calls("conversations.replies").get(0).get("ts")).isEqualTo(card.id());
    }

    @Test
    void postsArePacedPerChannelWithoutSleeping() throws Exception {
        world = new SlackWorld(s -> new SlackSettings(
                s.defaultChannel(),
                s.onDuty(),
                s.managers(),
                s.managersOnlyCommands(),
                s.claimReaction(),
                s.respondReaction(),
                Duration.ofSeconds(1),
                1));
        for (int i = 0; i < 4; i++) {
            world.core.open("complaint: number " + i);
        }

        world.core.dispatcher.deliverDue();
        assertThat(world.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(world.core.dispatcher.status().pending()).isEqualTo(3);
        assertThat(world.core.dispatcher.status().degraded())
                .as("pacing is no failure")
                .isFalse();

        for (int second = 0; second < 10 && world.core.dispatcher.status().pending() > 0; second++) {
            world.core.advance(Duration.ofSeconds(1));
            world.core.dispatcher.deliverDue();
            assertThat(world.slack.calls("chat.postMessage").size()).isLessThanOrEqualTo(second + 2);
        }
        assertThat(world.slack.calls("chat.postMessage")).hasSize(4);
        assertThat(world.core.dispatcher.status().pending()).isZero();
    }

    private List<FakeSlack.Posted> thread(String cardTs) {
        return world.slack.messages().stream()
                .filter(m -> cardTs.equals(m.threadTs()))
                .toList();
    }

    /** What the card with {@code ts} shows now: its last edit, or the card as posted. */
    private String lastUpdate(String ts) {
        List<FakeSlack.Call> updates = world.slack.calls("chat.update", c -> ts.equals(c.get("ts")));
        if (!updates.isEmpty()) {
            return updates.get(updates.size() - 1).texts("blocks");
        }
        int index = 0;
        for (FakeSlack.Posted m : world.slack.messages()) {
            if (m.ts().equals(ts)) {
                return world.slack.calls("chat.postMessage").get(index).texts("blocks");
            }
            index++;
        }
        throw new AssertionError("no card " + ts);
    }
}
