package dev.heed.core.casework;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.support.Db;
import java.time.Instant;
import java.util.List;

/**
 * Plain notices to the team's channels that belong to no case (a source that stopped working, and works again).
 * Each notice is an outbox row written inside the caller's transaction, so it goes out exactly when the change
 * that causes it commits.
 */
public final class TeamNotices {
    private final OutboxWriter outbox;
    private final List<ChannelRef> channels;

    public TeamNotices(Db db, List<ChannelRef> channels) {
        this.outbox = new OutboxWriter(db);
        this.channels = List.copyOf(channels);
        if (this.channels.isEmpty()) {
            throw new IllegalArgumentException("team notices need at least one channel");
        }
    }

    /** Queues {@code text} for every team channel; call inside {@link Db#inTransaction}. */
    public void post(String text, Instant now) {
        for (ChannelRef channel : channels) {
            outbox.notice(channel, text, now);
        }
    }

    public List<ChannelRef> channels() {
        return channels;
    }
}
