package dev.heed.core.feed;

import java.util.List;
import java.util.Objects;

/**
 * One page of a poll.
 *
 * @param items new items, oldest first (already-seen items may be included: the engine drops repeats)
 * @param next the checkpoint after these items; committed together with them
 * @param more whether another page is waiting right away (the engine polls again from {@code next})
 */
public record PollResult(List<FeedItem> items, Checkpoint next, boolean more) {
    public PollResult {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
