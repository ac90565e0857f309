package dev.heed.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the Events API {@code event_id}s seen recently. Slack retries an event it thinks was not acknowledged
 * (with {@code X-Slack-Retry-Num}); Bolt does not deduplicate, so a retried 👀 would otherwise act twice.
 */
final class EventDedupe {
    private final int capacity;
    private final Map<String, Boolean> seen;

    EventDedupe(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > EventDedupe.this.capacity;
            }
        };
    }

    /** True the first time {@code eventId} is seen; a null id is always new. */
    synchronized boolean firstTime(String eventId) {
        if (eventId == null) {
            return true;
        }
        return seen.put(eventId, Boolean.TRUE) == null;
    }
}
