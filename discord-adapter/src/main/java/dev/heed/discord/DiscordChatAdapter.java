package dev.heed.discord;

import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.ChatDeliveryException;
import dev.heed.core.chat.ChatPort;
import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.chat.StormView;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.MessageRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link ChatPort} on Discord. Only the outbox dispatcher calls it, from a scheduler thread, so every call
 * blocks on JDA (which queues and retries 429s by itself) with a time-out, and a failure becomes a
 * {@link ChatDeliveryException}: the outbox keeps the row and tries again. Each message carries the delivery key as
 * its nonce with {@code enforce_nonce}, so a retry within minutes returns the first message instead of posting a
 * second; after a longer gap a card is first looked for in the channel's recent messages.
 */
public final class DiscordChatAdapter implements ChatPort {
    public static final String PLATFORM = "discord";

    private static final Logger log = LoggerFactory.getLogger(DiscordChatAdapter.class);
    private static final int HISTORY_LOOKBACK = 100;

    private final JDA jda;
    private final DiscordSettings settings;
    private final ChannelPacer pacer;

    public DiscordChatAdapter(JDA jda, DiscordSettings settings, Clock clock) {
        this.jda = jda;
        this.settings = settings;
        this.pacer = new ChannelPacer(settings.messagesPerWindow(), settings.paceWindow(), clock);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef publishCard(ChannelRef channel, CaseView card, DeliveryAttempt attempt) {
        GuildMessageChannel target = channel(channel.id());
        if (attempt.mayHaveBeenDelivered()) {
            Optional<Message> earlier = findCard(target, card.id());
            if (earlier.isPresent()) {
                log.info("Card of case #{} was already in {}; not posting it again", card.id(), channel);
                return new MessageRef(channel, earlier.get().getId());
            }
        }
        pacer.acquire(target.getIdLong());
        Message sent = call(
                target.sendMessage(CaseCard.create(card)).setNonce(attempt.key()),
                "post the card of case #" + card.id());
        return new MessageRef(channel, sent.getId());
    }

    @Override
    public void updateCard(MessageRef message, CaseView card, DeliveryAttempt attempt) {
        GuildMessageChannel target = channel(message.channel().id());
        try {
            call(target.editMessageById(message.id(), CaseCard.edit(card)), "edit the card of case #" + card.id());
        } catch (ChatDeliveryException e) {
            if (e.getCause() instanceof ErrorResponseException error
                    && error.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                log.warn(
                        "The card of case #{} ({}) was deleted in Discord; it is no longer updated",
                        card.id(),
                        message);
                return;
            }
            throw e;
        }
    }

    @Override
    public MessageRef postNudge(MessageRef cardMessage, NudgeNotice nudge, DeliveryAttempt attempt) {
        GuildMessageChannel parent = channel(cardMessage.channel().id());
        ThreadChannel thread = thread(parent, cardMessage, "Case #" + nudge.caseId() + " nudges");
        MessageCreateData inThread = nudge(nudge, false);
        pacer.acquire(thread.getIdLong());
        Message sent = call(
                thread.sendMessage(inThread).setNonce(attempt.key()),
                "post the " + nudge.level() + " nudge of case #" + nudge.caseId());
        if (nudge.broadcast()) {
            pacer.acquire(parent.getIdLong());
            call(
                    parent.sendMessage(nudge(nudge, true))
                            .setMessageReference(cardMessage.id())
                            .mentionRepliedUser(false)
                            .failOnInvalidReply(false)
                            .setNonce(channelNonce(attempt.key())),
                    "show the " + nudge.level() + " notice of case #" + nudge.caseId() + " in the channel");
        }
        return new MessageRef(new ChannelRef(PLATFORM, thread.getId()), sent.getId());
    }

    @Override
    public MessageRef postNotice(ChannelRef channel, String text, DeliveryAttempt attempt) {
        GuildMessageChannel target = channel(channel.id());
        pacer.acquire(target.getIdLong());
        Message sent = call(
                target.sendMessage(new MessageCreateBuilder()
                                .setContent(DiscordText.fit(text, 1900))
                                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                                .build())
                        .setNonce(attempt.key()),
                "post a notice");
        return new MessageRef(channel, sent.getId());
    }

    @Override
    public MessageRef publishStorm(ChannelRef channel, StormView storm, DeliveryAttempt attempt) {
        GuildMessageChannel target = channel(channel.id());
        if (attempt.mayHaveBeenDelivered()) {
            Optional<Message> earlier = findByFooter(target, StormCard.footer(storm.id()));
            if (earlier.isPresent()) {
                return new MessageRef(channel, earlier.get().getId());
            }
        }
        pacer.acquire(target.getIdLong());
        Message sent = call(
                target.sendMessage(StormCard.create(storm)).setNonce(attempt.key()),
                "post the card of storm #" + storm.id());
        return new MessageRef(channel, sent.getId());
    }

    @Override
    public void updateStorm(MessageRef message, StormView storm, DeliveryAttempt attempt) {
        GuildMessageChannel target = channel(message.channel().id());
        call(target.editMessageById(message.id(), StormCard.edit(storm)), "edit the card of storm #" + storm.id());
    }

    @Override
    public MessageRef postStormCases(MessageRef stormMessage, List<CaseView> cases, DeliveryAttempt attempt) {
        GuildMessageChannel parent = channel(stormMessage.channel().id());
        ThreadChannel thread = thread(parent, stormMessage, "Storm cases");
        pacer.acquire(thread.getIdLong());
        Message sent = call(
                thread.sendMessage(StormCard.list(cases)).setNonce(attempt.key()),
                "list " + cases.size() + " storm cases");
        return new MessageRef(new ChannelRef(PLATFORM, thread.getId()), sent.getId());
    }

    /** The nudge message: mentions first, then the sentence and the deadline as a Discord timestamp. */
    MessageCreateData nudge(NudgeNotice nudge, boolean inChannel) {
        List<String> users = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (nudge.mentions()) {
            MemberRef owner = nudge.owner();
            if (owner != null && owner.platform().equals(PLATFORM) && owner.id().matches("\\d{1,20}")) {
                users.add(owner.id());
                text.append("<@").append(owner.id()).append("> ");
            } else if (owner != null) {
                text.append(DiscordText.fit(owner.displayName(), 100)).append(": ");
            } else if (settings.onDutyRoleId() != null) {
                roles.add(Long.toUnsignedString(settings.onDutyRoleId()));
                text.append("<@&")
                        .append(Long.toUnsignedString(settings.onDutyRoleId()))
                        .append("> ");
            }
            if (nudge.mentionManagers() && settings.managerRoleId() != null) {
                roles.add(Long.toUnsignedString(settings.managerRoleId()));
                text.append("<@&")
                        .append(Long.toUnsignedString(settings.managerRoleId()))
                        .append("> ");
            }
        }
        if (inChannel) {
            text.append("Case #").append(nudge.caseId()).append(": ");
        }
        text.append(DiscordText.escape(nudge.text()));
        text.append(" Due <t:").append(nudge.dueAt().getEpochSecond()).append(":R>.");
        MessageCreateBuilder builder = new MessageCreateBuilder()
                .setContent(text.toString())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (!users.isEmpty()) {
            builder.mentionUsers(users);
        }
        if (!roles.isEmpty()) {
            builder.mentionRoles(roles);
        }
        return builder.build();
    }

    private ThreadChannel thread(GuildMessageChannel parent, MessageRef card, String name) {
        ThreadChannel cached = jda.getThreadChannelById(card.id());
        if (cached != null) {
            return cached;
        }
        if (!(parent instanceof TextChannel text)) {
            throw new ChatDeliveryException("cannot open a thread in " + parent + ": not a text channel");
        }
        try {
            return call(text.createThreadChannel(DiscordText.plain(name, 100), card.id()), "open the thread " + name);
        } catch (ChatDeliveryException e) {
            if (e.getCause() instanceof ErrorResponseException error
                    && error.getErrorResponse() == ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
                return call(text.getGuild().retrieveActiveThreads(), "find the thread " + name).stream()
                        .filter(t -> t.getId().equals(card.id()))
                        .findFirst()
                        .orElseThrow(() -> new ChatDeliveryException(
                                "the thread " + name + " exists but is archived or hidden", null, e));
            }
            throw e;
        }
    }

    private Optional<Message> findCard(GuildMessageChannel channel, long caseId) {
        return findByFooter(channel, CaseCard.footer(caseId));
    }

    private Optional<Message> findByFooter(GuildMessageChannel channel, String footer) {
        List<Message> recent = call(channel.getHistory().retrievePast(HISTORY_LOOKBACK), "read recent messages");
        return recent.stream()
                .filter(m -> m.getAuthor().getIdLong() == jda.getSelfUser().getIdLong())
                .filter(m -> m.getEmbeds().stream()
                        .map(MessageEmbed::getFooter)
                        .anyMatch(f -> f != null && footer.equals(f.getText())))
                .findFirst();
    }

    private GuildMessageChannel channel(String id) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, id);
        if (channel == null) {
            throw new ChatDeliveryException("Discord channel " + id
                    + " is unknown to the bot: check heed.discord.channel and that the bot was invited to it");
        }
        return channel;
    }

    private static String channelNonce(String key) {
        String nonce = key + "-c";
        return nonce.length() <= 25
                ? nonce
                : "c" + Integer.toHexString(key.hashCode()) + key.substring(key.length() - 10);
    }

    /** Runs one request through JDA's rate limiter and waits for it, at most the configured time. */
    private <T> T call(RestAction<T> action, String what) {
        Duration timeout = settings.requestTimeout();
        try {
            return action.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .submit()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("interrupted while trying to " + what, null, e);
        } catch (TimeoutException e) {
            throw new ChatDeliveryException("Discord did not answer within " + timeout + " to " + what, null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RateLimitedException limited) {
                throw new ChatDeliveryException(
                        "rate limited by Discord while trying to " + what,
                        Duration.ofMillis(limited.getRetryAfter()),
                        cause);
            }
            if (cause instanceof ErrorResponseException error) {
                throw new ChatDeliveryException(
                        "Discord refused to " + what + ": " + error.getErrorCode() + " " + error.getMeaning(),
                        null,
                        error);
            }
            throw new ChatDeliveryException("could not " + what + ": " + cause, null, cause);
        } catch (RuntimeException e) {
            throw new ChatDeliveryException("could not " + what + ": " + e, null, e);
        }
    }
}
