package dev.heed.core.chat;

import java.time.Duration;

/**
 * A chat platform did not take a message. The outbox keeps the row and tries again later, so nothing is lost;
 * {@code retryAfter} (from a 429's {@code Retry-After}) sets the earliest next try. A {@linkplain #paced() paced}
 * refusal is the adapter's own pacing (the channel had its share of messages for now): not a failure, just a
 * time to come back.
 */
public class ChatDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;
    private final boolean paced;

    public ChatDeliveryException(String message, Duration retryAfter, Throwable cause) {
        this(message, retryAfter, cause, false);
    }

    private ChatDeliveryException(String message, Duration retryAfter, Throwable cause, boolean paced) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.paced = paced;
    }

    /** The adapter holds the message back to keep the channel's pace; the channel has room after {@code wait}. */
    public static ChatDeliveryException paced(String message, Duration wait) {
        return new ChatDeliveryException(message, java.util.Objects.requireNonNull(wait, "wait"), null, true);
    }

    /** True for the adapter's own pacing, which is no failure of the platform. */
    public boolean paced() {
        return paced;
    }

    public ChatDeliveryException(String message) {
        this(message, null, null);
    }

    /** The platform's own hint for when to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
