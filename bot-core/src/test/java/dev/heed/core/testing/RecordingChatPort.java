package dev.heed.core.testing;

import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.ChatDeliveryException;
import dev.heed.core.chat.ChatPort;
import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.chat.StormView;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MessageRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat port that remembers everything it was asked to show, and can be told to fail. Thread-safe. Message ids
 * are {@code m1}, {@code m2}, ... in posting order.
 */
public final class RecordingChatPort implements ChatPort {

    /** One thing the port was asked to do. */
    public sealed interface Event
            permits Published, Updated, Nudged, Noticed, StormPublished, StormUpdated, StormListed {}

    public record Published(MessageRef message, CaseView card, DeliveryAttempt attempt) implements Event {}

    public record Updated(MessageRef message, CaseView card, DeliveryAttempt attempt) implements Event {}

    public record Nudged(MessageRef card, MessageRef message, NudgeNotice nudge, DeliveryAttempt attempt)
            implements Event {}

    public record Noticed(MessageRef message, String text, DeliveryAttempt attempt) implements Event {}

    public record StormPublished(MessageRef message, StormView storm, DeliveryAttempt attempt) implements Event {}

    public record StormUpdated(MessageRef message, StormView storm, DeliveryAttempt attempt) implements Event {}

    public record StormListed(MessageRef storm, MessageRef message, List<CaseView> cases, DeliveryAttempt attempt)
            implements Event {}

    private final String platform;
    private final List<Event> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private int failuresLeft;
    private Duration failureRetryAfter;
    private boolean failuresArePacing;

    public RecordingChatPort(String platform) {
        this.platform = platform;
    }

    public RecordingChatPort() {
        this("test");
    }

    /** The next {@code count} calls fail as an outage would, with an optional {@code Retry-After}. */
    public synchronized void failNext(int count, Duration retryAfter) {
        this.failuresLeft = count;
        this.failureRetryAfter = retryAfter;
        this.failuresArePacing = false;
    }

    /** The next {@code count} calls are refused by the port's own pacing: the channel has room after {@code wait}. */
    public synchronized void paceNext(int count, Duration wait) {
        this.failuresLeft = count;
        this.failureRetryAfter = wait;
        this.failuresArePacing = true;
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public <T extends Event> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<Published> published() {
        return events(Published.class);
    }

    public List<Updated> updates() {
        return events(Updated.class);
    }

    public List<Nudged> nudges() {
        return events(Nudged.class);
    }

    public synchronized void clear() {
        events.clear();
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public synchronized MessageRef publishCard(ChannelRef channel, CaseView card, DeliveryAttempt attempt) {
        failIfAsked();
        MessageRef message = next(channel);
        events.add(new Published(message, card, attempt));
        return message;
    }

    @Override
    public synchronized void updateCard(MessageRef message, CaseView card, DeliveryAttempt attempt) {
        failIfAsked();
        events.add(new Updated(message, card, attempt));
    }

    @Override
    public synchronized MessageRef postNudge(MessageRef cardMessage, NudgeNotice nudge, DeliveryAttempt attempt) {
        failIfAsked();
        MessageRef message = next(cardMessage.channel());
        events.add(new Nudged(cardMessage, message, nudge, attempt));
        return message;
    }

    @Override
    public synchronized MessageRef postNotice(ChannelRef channel, String text, DeliveryAttempt attempt) {
        failIfAsked();
        MessageRef message = next(channel);
        events.add(new Noticed(message, text, attempt));
        return message;
    }

    @Override
    public synchronized MessageRef publishStorm(ChannelRef channel, StormView storm, DeliveryAttempt attempt) {
        failIfAsked();
        MessageRef message = next(channel);
        events.add(new StormPublished(message, storm, attempt));
        return message;
    }

    @Override
    public synchronized void updateStorm(MessageRef message, StormView storm, DeliveryAttempt attempt) {
        failIfAsked();
        events.add(new StormUpdated(message, storm, attempt));
    }

    @Override
    public synchronized MessageRef postStormCases(
            MessageRef stormMessage, List<CaseView> cases, DeliveryAttempt attempt) {
        failIfAsked();
        MessageRef message = next(stormMessage.channel());
        events.add(new StormListed(stormMessage, message, List.copyOf(cases), attempt));
        return message;
    }

    private MessageRef next(ChannelRef channel) {
        return new MessageRef(channel, "m" + ids.incrementAndGet());
    }

    private void failIfAsked() {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw failuresArePacing
                    ? ChatDeliveryException.paced("simulated pacing", failureRetryAfter)
                    : new ChatDeliveryException("simulated outage (503)", failureRetryAfter, null);
        }
    }
}
