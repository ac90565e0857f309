package dev.heed.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.ChatDeliveryException;
import dev.heed.core.chat.ChatPort;
import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.chat.StormView;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.MessageRef;
import dev.heed.core.sla.NudgeLevel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's chat port on Slack, through the synchronous Web API client: the outbox dispatcher retries failed rows
 * itself, so a 429 or an outage becomes a {@link ChatDeliveryException} (with Slack's {@code Retry-After}) instead
 * of a wait here. Every message carries its delivery key in message metadata; when a delivery may already have
 * gone out, the adapter looks for that key in the channel's history (or the card's thread) before posting again,
 * so a crash between Slack's answer and the database commit never posts twice. New messages are paced per channel.
 */
public final class SlackChatAdapter implements ChatPort {
    private static final Logger log = LoggerFactory.getLogger(SlackChatAdapter.class);

    static final String CARD_EVENT = "heed_card";
    static final String NUDGE_EVENT = "heed_nudge";
    static final String NOTICE_EVENT = "heed_notice";
    static final String STORM_EVENT = "heed_storm";
    static final String STORM_LIST_EVENT = "heed_storm_list";

    private final MethodsClient methods;
    private final SlackCards cards;
    private final SlackSettings settings;
    private final ChannelPacer pacer;

    public SlackChatAdapter(MethodsClient methods, Clock clock, SlackSettings settings) {
        this.methods = methods;
        this.cards = new SlackCards(clock);
        this.settings = settings;
        this.pacer = new ChannelPacer(clock, settings.postEvery(), settings.burst());
    }

    @Override
    public String platform() {
        return SlackSettings.PLATFORM;
    }

    @Override
    public MessageRef publishCard(ChannelRef channel, CaseView card, DeliveryAttempt attempt) {
        if (attempt.mayHaveBeenDelivered()) {
            Optional<String> earlier = findInHistory(channel, CARD_EVENT, attempt.key());
            if (earlier.isPresent()) {
                MessageRef found = new MessageRef(channel, earlier.get());
                log.info(
                        "Card of case #{} was already posted as {} in {}; not posting again",
                        card.id(),
                        found.id(),
                        channel.id());
                updateCard(found, card, attempt);
                return found;
            }
        }
        pace(channel, attempt);
        ChatPostMessageResponse posted = call(
                "chat.postMessage",
                () -> methods.chatPostMessage(r -> r.channel(channel.id())
                        .text(cards.fallback(card))
                        .blocks(cards.blocks(card))
                        .metadata(metadata(CARD_EVENT, attempt, card.id()))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        return new MessageRef(channel, posted.getTs());
    }

    @Override
    public void updateCard(MessageRef message, CaseView card, DeliveryAttempt attempt) {
        call(
                "chat.update",
                () -> methods.chatUpdate(r -> r.channel(message.channel().id())
                        .ts(message.id())
                        .text(cards.fallback(card))
                        .blocks(cards.blocks(card))));
    }

    @Override
    public MessageRef postNudge(MessageRef cardMessage, NudgeNotice nudge, DeliveryAttempt attempt) {
        ChannelRef channel = cardMessage.channel();
        if (attempt.mayHaveBeenDelivered()) {
            Optional<String> earlier = findInThread(cardMessage, NUDGE_EVENT, attempt.key());
            if (earlier.isPresent()) {
                return new MessageRef(channel, earlier.get());
            }
        }
        pace(channel, attempt);
        String text = nudgeText(nudge);
        ChatPostMessageResponse posted = call(
                "chat.postMessage",
                () -> methods.chatPostMessage(r -> r.channel(channel.id())
                        .threadTs(cardMessage.id())
                        .replyBroadcast(nudge.broadcast())
                        .text(text)
                        .metadata(metadata(NUDGE_EVENT, attempt, nudge.caseId()))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        return new MessageRef(channel, posted.getTs());
    }

    @Override
    public MessageRef postNotice(ChannelRef channel, String text, DeliveryAttempt attempt) {
        if (attempt.mayHaveBeenDelivered()) {
            Optional<String> earlier = findInHistory(channel, NOTICE_EVENT, attempt.key());
            if (earlier.isPresent()) {
                return new MessageRef(channel, earlier.get());
            }
        }
        pace(channel, attempt);
        ChatPostMessageResponse posted = call(
                "chat.postMessage",
                () -> methods.chatPostMessage(r -> r.channel(channel.id())
                        .text(SlackText.escapeWithin(text, 3000))
                        .metadata(metadata(NOTICE_EVENT, attempt, 0))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        return new MessageRef(channel, posted.getTs());
    }

    @Override
    public MessageRef publishStorm(ChannelRef channel, StormView storm, DeliveryAttempt attempt) {
        if (attempt.mayHaveBeenDelivered()) {
            Optional<String> earlier = findInHistory(channel, STORM_EVENT, attempt.key());
            if (earlier.isPresent()) {
                MessageRef found = new MessageRef(channel, earlier.get());
                updateStorm(found, storm, attempt);
                return found;
            }
        }
        pace(channel, attempt);
        ChatPostMessageResponse posted = call(
                "chat.postMessage",
                () -> methods.chatPostMessage(r -> r.channel(channel.id())
                        .text(SlackStorms.fallback(storm))
                        .blocks(SlackStorms.card(storm))
                        .metadata(metadata(STORM_EVENT, attempt, 0))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        return new MessageRef(channel, posted.getTs());
    }

    @Override
    public void updateStorm(MessageRef message, StormView storm, DeliveryAttempt attempt) {
        call(
                "chat.update",
                () -> methods.chatUpdate(r -> r.channel(message.channel().id())
                        .ts(message.id())
                        .text(SlackStorms.fallback(storm))
                        .blocks(SlackStorms.card(storm))));
    }

    @Override
    public MessageRef postStormCases(MessageRef stormMessage, List<CaseView> cases, DeliveryAttempt attempt) {
        ChannelRef channel = stormMessage.channel();
        if (attempt.mayHaveBeenDelivered()) {
            Optional<String> earlier = findInThread(stormMessage, STORM_LIST_EVENT, attempt.key());
            if (earlier.isPresent()) {
                return new MessageRef(channel, earlier.get());
            }
        }
        pace(channel, attempt); // thread replies count against the channel's pace
        ChatPostMessageResponse posted = call(
                "chat.postMessage",
                () -> methods.chatPostMessage(r -> r.channel(channel.id())
                        .threadTs(stormMessage.id())
                        .text(SlackStorms.listFallback(cases))
                        .blocks(SlackStorms.list(cases))
                        .metadata(metadata(STORM_LIST_EVENT, attempt, 0))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        return new MessageRef(channel, posted.getTs());
    }

    /** The nudge's sentence with the mentions Slack needs: owner, on-duty group or {@code @here}, managers. */
    String nudgeText(NudgeNotice nudge) {
        List<String> mentions = new ArrayList<>();
        if (nudge.mentions()) {
            MemberRef owner = nudge.owner();
            if (owner != null) {
                mentions.add(SlackCards.member(owner));
            } else if (settings.onDuty().isEmpty()) {
                mentions.add("<!here>");
            } else {
                settings.onDuty().forEach(id -> mentions.add(SlackText.mention(id)));
            }
            if (nudge.mentionManagers()) {
                settings.managers().forEach(id -> mentions.add(SlackText.mention(id)));
            }
        }
        String icon = switch (nudge.level()) {
            case REMINDER -> ":hourglass_flowing_sand:";
            case WARNING -> ":warning:";
            case BREACH, REPEAT -> ":rotating_light:";
        };
        String lead = mentions.isEmpty() ? "" : String.join(" ", mentions) + " ";
        String due = nudge.level() == NudgeLevel.REMINDER || nudge.level() == NudgeLevel.WARNING
                ? " (due " + SlackText.date(nudge.dueAt()) + ")"
                : "";
        return icon + " " + lead + SlackText.escape(nudge.text()) + due + " Case #" + nudge.caseId() + ".";
    }

    private void pace(ChannelRef channel, DeliveryAttempt attempt) {
        Duration wait = pacer.tryAcquire(channel.id(), attempt.key());
        if (wait != null) {
            throw ChatDeliveryException.paced("channel " + channel.id() + " gets about one message a second", wait);
        }
    }

    private Optional<String> findInHistory(ChannelRef channel, String eventType, String key) {
        ConversationsHistoryResponse history = call(
                "conversations.history",
                () -> methods.conversationsHistory(
                        r -> r.channel(channel.id()).includeAllMetadata(true).limit(200)));
        return find(history.getMessages(), eventType, key);
    }

    private Optional<String> findInThread(MessageRef card, String eventType, String key) {
        ConversationsRepliesResponse replies = call(
                "conversations.replies",
                () -> methods.conversationsReplies(r -> r.channel(card.channel().id())
                        .ts(card.id())
                        .includeAllMetadata(true)
                        .limit(200)));
        return find(replies.getMessages(), eventType, key);
    }

    private static Optional<String> find(List<Message> messages, String eventType, String key) {
        if (messages == null) {
            return Optional.empty();
        }
        return messages.stream()
                .filter(m -> m.getMetadata() != null
                        && eventType.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null
                        && key.equals(
                                String.valueOf(m.getMetadata().getEventPayload().get("key"))))
                .map(Message::getTs)
                .findFirst();
    }

    private static Message.Metadata metadata(String eventType, DeliveryAttempt attempt, long caseId) {
        return new Message.Metadata(eventType, Map.of("key", attempt.key(), "case_id", caseId));
    }

    interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    /** Runs one Web API call; every way it can fail becomes a {@link ChatDeliveryException}. */
    static <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            Duration retryAfter = null;
            if (status == 429) {
                retryAfter = retryAfter(e.getResponse().header("Retry-After"));
            }
            throw new ChatDeliveryException("Slack " + method + " answered HTTP " + status, retryAfter, e);
        } catch (IOException e) {
            throw new ChatDeliveryException("Slack " + method + " unreachable: " + e.getMessage(), null, e);
        }
        if (response == null || !response.isOk()) {
            String error = response == null ? "no answer" : response.getError();
            throw new ChatDeliveryException(
                    "Slack " + method + " refused: " + error,
                    "ratelimited".equals(error) ? Duration.ofSeconds(30) : null,
                    null);
        }
        return response;
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return Duration.ofSeconds(30);
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(30);
        }
    }
}
