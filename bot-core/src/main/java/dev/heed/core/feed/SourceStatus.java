package dev.heed.core.feed;

import java.time.Instant;

/**
 * One source as {@code /care sources} and {@code GET /api/sources} show it.
 *
 * @param id the configured id
 * @param type {@code rss}, {@code mastodon}, {@code bluesky}, ...
 * @param healthy false while the last poll failed
 * @param lastError why the last poll failed, or null
 * @param lastErrorAt when it failed, or null
 * @param failures consecutive failed polls
 * @param lastSuccessAt the last poll that worked, or null
 * @param lastItemAt when the source last brought a new post, or null
 * @param itemsToday new posts since midnight in the business's time zone
 * @param nextPollAt when it is polled next
 * @param silent true while the "silent for too long" alert is open
 */
public record SourceStatus(
        String id,
        String type,
        boolean healthy,
        String lastError,
        Instant lastErrorAt,
        int failures,
        Instant lastSuccessAt,
        Instant lastItemAt,
        int itemsToday,
        Instant nextPollAt,
        boolean silent) {

    /** A one-line summary a chat adapter can show as is. */
    public String line() {
        StringBuilder out = new StringBuilder();
        out.append(healthy ? (silent ? "SILENT " : "OK ") : "FAILING ")
                .append(id)
                .append(" (")
                .append(type)
                .append("): ")
                .append(itemsToday)
                .append(itemsToday == 1 ? " post today" : " posts today")
                .append(", last success ")
                .append(lastSuccessAt == null ? "never" : lastSuccessAt.toString());
        if (!healthy && lastError != null) {
            out.append(", failing since ").append(lastErrorAt).append(": ").append(lastError);
        }
        return out.toString();
    }
}
