package dev.heed.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refusals and outages into JSON answers that say what was wrong. */
@RestControllerAdvice
class ErrorAnswers {
    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ApiError> refused(BadRequest refusal) {
        var answer = ResponseEntity.status(refusal.status);
        if (refusal.status == HttpStatus.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (refusal.retryAfterSeconds > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds));
        }
        return answer.body(refusal.body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongType(MethodArgumentTypeMismatchException mismatch) {
        return ResponseEntity.badRequest()
                .body(new ApiError(
                        "invalid_parameter",
                        mismatch.getName() + ": '" + mismatch.getValue() + "' is not valid",
                        mismatch.getName()));
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessException.class
    })
    ResponseEntity<ApiError> databaseDown(Exception outage) {
        log.warn("Database unavailable: {}", outage.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ApiError.of(
                        "unavailable", "The database is unavailable; nothing was stored. Try again shortly."));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ApiError> databaseError(DataAccessException failure) {
        log.error("Database error", failure);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ApiError.of("unavailable", "The database could not complete the request; nothing was stored."));
    }
}
