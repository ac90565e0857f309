package dev.heed.core.chat;

import java.time.Duration;

/**
 * A chat platform did not take a message. The outbox keeps the row and tries again later, so nothing is lost;
 * {@code retryAfter} (from a 429's {@code Retry-After}) sets the earliest next try.
 */
public class ChatDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public ChatDeliveryException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public ChatDeliveryException(String message) {
        this(message, null, null);
    }

    /** The platform's own hint for when to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
