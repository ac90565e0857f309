package dev.heed.core.feed;

import java.time.Instant;

/**
 * A source the engine polls. {@link #poll} fetches what came after a checkpoint and must be safe to call again
 * with the same checkpoint (a crash before the engine's commit means exactly that). Connectors never store
 * anything themselves: the engine commits the items and the next checkpoint in one transaction.
 */
public interface PollingSource {

    /** The configured source's id ({@code heed.sources[n].id}); the {@code source} of every post it delivers. */
    String id();

    /** The source type, e.g. {@code rss}, {@code mastodon}. */
    String type();

    /**
     * The checkpoint of a first connect: deliver what was posted from {@code since} on (now minus the look-back).
     * By default the instant itself, under the key {@code since}.
     */
    default Checkpoint initial(Instant since) {
        return Checkpoint.EMPTY.with("since", since.toString());
    }

    /** Fetches the next page after {@code from}. Failures are {@link SourceException}s with a reason. */
    PollResult poll(Checkpoint from) throws SourceException;
}
