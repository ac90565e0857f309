package dev.heed.app.web;

import org.springframework.http.HttpStatus;

/** A request Heed refuses, with the status and the error body to answer. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient HttpStatus status;
    final transient ApiError body;

    BadRequest(HttpStatus status, String error, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.body = new ApiError(error, message, field);
    }

    static BadRequest field(String field, String message) {
        return new BadRequest(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_field", field + ": " + message, field);
    }
}
