package dev.heed.core.feed;

/**
 * A polling source that can also push items as they happen (e.g. Mastodon's streaming API). The stream only cuts
 * latency: it has no replay, so every (re)connect is followed by a catch-up poll from the last committed
 * checkpoint, which the engine runs when the listener hears {@link StreamListener#opened()}.
 */
public interface StreamingSource extends PollingSource {

    /** Whether the stream is configured on for this source. */
    boolean streaming();

    /**
     * Opens the stream and returns at once; the stream reads on a background thread and reports to
     * {@code listener} until it ends or {@link StreamHandle#close()} is called.
     */
    StreamHandle open(StreamListener listener);

    /** What a stream reports to the engine. Called from the stream's thread. */
    interface StreamListener {
        /** The stream is connected: anything missed while it was down must be caught up by a poll. */
        void opened();

        /** Items pushed by the stream; the engine ingests them (repeats are dropped). */
        void items(java.util.List<FeedItem> items);

        /** The stream ended (null: closed by {@link StreamHandle#close()}); the engine reconnects with backoff. */
        void closed(SourceException failure);
    }

    /** A running stream. */
    interface StreamHandle extends AutoCloseable {
        boolean isOpen();

        @Override
        void close();
    }
}
