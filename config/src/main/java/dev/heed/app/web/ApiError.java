package dev.heed.app.web;

/**
 * The JSON body of every 4xx/5xx answer of Heed's endpoints.
 *
 * @param error a stable machine-readable code, e.g. {@code invalid_field}
 * @param message one sentence for a person: what was wrong and where
 * @param field the offending field, or null
 */
public record ApiError(String error, String message, String field) {
    public static ApiError of(String error, String message) {
        return new ApiError(error, message, null);
    }
}
