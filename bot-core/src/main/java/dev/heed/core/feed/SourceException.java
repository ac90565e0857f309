package dev.heed.core.feed;

import java.time.Instant;

/** Why a source could not deliver; the engine records the message as the source's health and backs off. */
public final class SourceException extends Exception {
    /** The kinds of failure, for health display and backoff. */
    public enum Reason {
        /** No answer in time. */
        TIMEOUT,
        /** Connection refused, reset, DNS: the network failed. */
        NETWORK,
        /** The API answered 5xx. */
        SERVER_ERROR,
        /** The API answered 429, or our own limiter held the request back. */
        RATE_LIMITED,
        /** The credentials were refused or expired and could not be renewed. */
        AUTH,
        /** Another 4xx. */
        CLIENT_ERROR,
        /** The payload was not what the API documents: malformed XML or JSON, invalid UTF-8. */
        MALFORMED,
        /** The payload was over the size cap. */
        TOO_LARGE
    }

    private final Reason reason;
    private final Instant retryAt;
    private final boolean deferred;

    public SourceException(Reason reason, String message) {
        this(reason, message, null, false, null);
    }

    public SourceException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, false, cause);
    }

    public SourceException(Reason reason, String message, Instant retryAt, boolean deferred, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAt = retryAt;
        this.deferred = deferred;
    }

    /** Our own rate limiter held a request back until {@code until}: not a failure, just not yet. */
    public static SourceException deferredUntil(String host, Instant until) {
        return new SourceException(
                Reason.RATE_LIMITED, "rate limit of " + host + " reached; waiting until " + until, until, true, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The earliest time to try again that the API asked for ({@code Retry-After}, rate-limit reset), or null. */
    public Instant retryAt() {
        return retryAt;
    }

    /** True when nothing failed: the request was held back by the rate limiter and simply runs later. */
    public boolean deferred() {
        return deferred;
    }

    @Override
    public String getMessage() {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + super.getMessage();
    }
}
