package dev.heed.discord;

import dev.heed.core.casework.CaseCommands;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.report.CareReports;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heed's Discord connection: logs in with JDA (only the guild-reactions intent, no privileged intent), waits until
 * the guild is ready, registers {@code /care} in that guild, and listens for clicks, menus, modals, reactions and
 * commands. JDA reconnects and resumes by itself. {@link #close()} disconnects.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    /** Intents Heed needs: guild reactions (👀, ✅). Interactions need none; no privileged intent. */
    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGE_REACTIONS);

    private final JDA jda;
    private final DiscordChatAdapter port;
    private final DiscordSettings settings;

    private DiscordBot(JDA jda, DiscordChatAdapter port, DiscordSettings settings) {
        this.jda = jda;
        this.port = port;
        this.settings = settings;
    }

    /**
     * Connects and waits for the guild (at most {@code readyTimeout}).
     *
     * @param sources renders the source list that {@code /care sources} shows
     * @param handlesEvents whether this instance acts on a person's event now: Discord sends every gateway event to
     *     every connection of the bot, so of several instances only one (the holder of a lease) acts on each
     *     reaction, button and command, and the others only deliver cards; {@code () -> true} when alone
     * @throws IllegalStateException when Discord is not ready in time or the bot is not in the configured guild
     */
    public static DiscordBot start(
            DiscordSettings settings,
            CaseCommands commands,
            CaseViews views,
            CareReports reports,
            Clock clock,
            Duration readyTimeout,
            java.util.function.Supplier<String> sources,
            java.util.function.BooleanSupplier handlesEvents) {
        // Nothing Heed sends may ping anyone it did not name explicitly.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        DiscordInteractions interactions = new DiscordInteractions(settings, commands, views, reports, clock, sources);
        String gateway = settings.gatewayUrl();
        CountDownLatch ready = new CountDownLatch(1);
        JDA jda = JDABuilder.createLight(settings.token(), INTENTS)
                .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setCompression(Compression.NONE)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setAutoReconnect(true)
                // Handle events in order on one thread of our own, so that a slow database never stalls the
                // gateway's read thread (and its heartbeats).
                .setEventPool(
                        Executors.newSingleThreadExecutor(runnable -> {
                            Thread thread = new Thread(runnable, "heed-discord-events");
                            thread.setDaemon(true);
                            return thread;
                        }),
                        true)
                .addEventListeners((EventListener) event -> {
                    if (event instanceof ReadyEvent) {
                        ready.countDown();
                    } else if (!actsOn(event) || handlesEvents.getAsBoolean()) {
                        interactions.onEvent(event);
                    }
                })
                .build();
        try {
            if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                jda.shutdownNow();
                throw new IllegalStateException("Discord was not ready within " + readyTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
            throw new IllegalStateException("interrupted while connecting to Discord", e);
        }
        Guild guild = jda.getGuildById(settings.guildId());
        if (guild == null) {
            String invite = InviteUrl.of(jda.getSelfUser().getApplicationIdLong(), settings.guildId());
            jda.shutdownNow();
            throw new IllegalStateException("heed.discord.guild " + Long.toUnsignedString(settings.guildId())
                    + ": the bot is not a member of this server; invite it with " + invite);
        }
        if (guild.getGuildChannelById(settings.channelId()) == null) {
            log.warn(
                    "heed.discord.channel {} is not a channel of {} that the bot can see; cards will wait in the outbox",
                    Long.toUnsignedString(settings.channelId()),
                    guild.getName());
        }
        guild.updateCommands()
                .addCommands(CareCommand.definition())
                .timeout(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .complete();
        log.info(
                "Discord connected to '{}' as {}; /care registered. Invite URL (bot + applications.commands): {}",
                guild.getName(),
                jda.getSelfUser().getName(),
                InviteUrl.of(jda.getSelfUser().getApplicationIdLong(), settings.guildId()));
        return new DiscordBot(jda, new DiscordChatAdapter(jda, settings, clock), settings);
    }

    /** The events a person causes (reactions, buttons, menus, modals, commands): one instance acts on each. */
    private static boolean actsOn(net.dv8tion.jda.api.events.GenericEvent event) {
        return event instanceof net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent
                || event instanceof net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
    }

    public DiscordChatAdapter chatPort() {
        return port;
    }

    public JDA jda() {
        return jda;
    }

    public DiscordSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
