package dev.heed.core.chat;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MessageRef;

/**
 * A chat platform as the core sees it. Implemented by the Slack and Discord adapters and by the console port.
 * The outbox dispatcher is the only caller; it calls one port from one thread at a time per channel and case, in
 * order. Throw {@link ChatDeliveryException} (or any runtime exception) when the platform did not take the
 * message: the row is kept and retried with backoff.
 */
public interface ChatPort {

    /** The platform name used in {@link ChannelRef#platform()}, e.g. {@code slack}. */
    String platform();

    /** Posts a new case card and returns where it is. */
    MessageRef publishCard(ChannelRef channel, CaseView card, DeliveryAttempt attempt);

    /** Edits a card in place so that it shows {@code card}. */
    void updateCard(MessageRef message, CaseView card, DeliveryAttempt attempt);

    /** Posts a nudge in the card's thread (and in the channel too when {@link NudgeNotice#broadcast()}). */
    MessageRef postNudge(MessageRef cardMessage, NudgeNotice nudge, DeliveryAttempt attempt);

    /** Posts a plain notice to a channel (for example a source that stopped working). */
    MessageRef postNotice(ChannelRef channel, String text, DeliveryAttempt attempt);

    /** Posts a storm card (one card standing for many cases of one source) and returns where it is. */
    MessageRef publishStorm(ChannelRef channel, StormView storm, DeliveryAttempt attempt);

    /** Edits a storm card in place (its live count, words and reach; "ended" once it is over). */
    void updateStorm(MessageRef message, StormView storm, DeliveryAttempt attempt);

    /**
     * Lists a batch of a storm's cases in the storm card's thread: one line per case (number, author, a short text)
     * with a way to claim it, a button per case where the platform allows. At most
     * 20 cases.
     */
    MessageRef postStormCases(MessageRef stormMessage, java.util.List<CaseView> cases, DeliveryAttempt attempt);
}
