package dev.heed.discord;

import dev.heed.core.casework.StormSettings;
import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.ChatPort;
import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MessageRef;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.TestDatabase;
import dev.heed.discord.fake.FakeDiscord;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The real JDA connected to a {@link FakeDiscord}, on top of the core's use cases on H2 with a mutable clock: cases
 * route to the fake's {@code #care} channel. {@link #deliver()} runs the outbox as the scheduler would.
 */
final class DiscordHarness implements AutoCloseable {
    static final ChannelRef CARE = new ChannelRef("discord", Long.toUnsignedString(FakeDiscord.CHANNEL));

    final FakeDiscord discord = new FakeDiscord();
    final LatePort port = new LatePort();
    final Casework casework;
    final DiscordSettings settings;
    final DiscordBot bot;
    /** Whether this instance acts on a person's event (holds the events lease, when several share a database). */
    volatile java.util.function.BooleanSupplier handlesEvents = () -> true;

    DiscordHarness() {
        this(5);
    }

    DiscordHarness(int messagesPerWindow) {
        this(messagesPerWindow, RouteTable.to(CARE));
    }

    /** With other routes, e.g. to Discord and the recording port ({@code test:care}, standing in for Slack). */
    DiscordHarness(int messagesPerWindow, RouteTable routes) {
        this(messagesPerWindow, routes, StormSettings.off());
    }

    DiscordHarness(int messagesPerWindow, RouteTable routes, StormSettings storms) {
        casework = new Casework(TestDatabase.db(), routes, List.of(port), storms);
        settings = new DiscordSettings(
                "test-token",
                FakeDiscord.GUILD,
                FakeDiscord.CHANNEL,
                FakeDiscord.MANAGER_ROLE,
                FakeDiscord.ON_DUTY_ROLE,
                discord.restUrl(),
                discord.gatewayUrl(),
                ZoneOffset.UTC,
                Duration.ofSeconds(10),
                messagesPerWindow,
                Duration.ofSeconds(5));
        bot = DiscordBot.start(
                settings,
                casework.commands,
                casework.views,
                casework.reports,
                casework.clock,
                Duration.ofSeconds(20),
                () -> "No sources are configured.",
                () -> handlesEvents.getAsBoolean());
        port.delegate = bot.chatPort();
    }

    /** Opens a case from a post, delivers its card and returns the case id. */
    long openCase(String text) {
        long id = casework.open(text);
        deliver();
        return id;
    }

    void deliver() {
        casework.dispatcher.deliverDue();
    }

    /** The id of the case's card message in #care. */
    long cardOf(long caseId) {
        MessageRef card = casework.views.cards(caseId).get(CARE).orElseThrow();
        return Long.parseUnsignedLong(card.id());
    }

    DataObject card(long caseId) {
        return discord.message(FakeDiscord.CHANNEL, cardOf(caseId)).orElseThrow();
    }

    CaseView view(long caseId) {
        return casework.views.find(caseId).orElseThrow();
    }

    @Override
    public void close() {
        bot.close();
        discord.close();
    }

    /** The Discord port, known only once the bot is up (the dispatcher is built before). */
    static final class LatePort implements ChatPort {
        volatile ChatPort delegate;

        @Override
        public String platform() {
            return "discord";
        }

        @Override
        public MessageRef publishCard(ChannelRef channel, CaseView card, DeliveryAttempt attempt) {
            return delegate.publishCard(channel, card, attempt);
        }

        @Override
        public void updateCard(MessageRef message, CaseView card, DeliveryAttempt attempt) {
            delegate.updateCard(message, card, attempt);
        }

        @Override
        public MessageRef postNudge(MessageRef cardMessage, NudgeNotice nudge, DeliveryAttempt attempt) {
            return delegate.postNudge(cardMessage, nudge, attempt);
        }

        @Override
        public MessageRef postNotice(ChannelRef channel, String text, DeliveryAttempt attempt) {
            return delegate.postNotice(channel, text, attempt);
        }

        @Override
        public MessageRef publishStorm(
                ChannelRef channel, dev.heed.core.chat.StormView storm, DeliveryAttempt attempt) {
            return delegate.publishStorm(channel, storm, attempt);
        }

        @Override
        public void updateStorm(MessageRef message, dev.heed.core.chat.StormView storm, DeliveryAttempt attempt) {
            delegate.updateStorm(message, storm, attempt);
        }

        @Override
        public MessageRef postStormCases(
                MessageRef stormMessage, java.util.List<CaseView> cases, DeliveryAttempt attempt) {
            return delegate.postStormCases(stormMessage, cases, attempt);
        }
    }
}
