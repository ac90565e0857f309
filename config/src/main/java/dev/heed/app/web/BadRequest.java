package dev.heed.app.web;

import org.springframework.http.HttpStatus;

/** A request Heed refuses, with the status and the error body to answer. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient HttpStatus status;
    final transient ApiError body;
    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    final long retryAfterSeconds;

    BadRequest(HttpStatus status, String error, String message, String field) {
        this(status, error, message, field, 0);
    }

    BadRequest(HttpStatus status, String error, String message, String field, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.body = new ApiError(error, message, field);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static BadRequest field(String field, String message) {
        return new BadRequest(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_field", field + ": " + message, field);
    }
}
