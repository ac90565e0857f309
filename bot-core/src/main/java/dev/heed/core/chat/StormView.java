package dev.heed.core.chat;

import dev.heed.core.model.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a storm card shows: many new cases from one source in one channel, summed up on one card.
 *
 * @param id the storm number
 * @param source the source whose cases make the storm
 * @param channel the channel the storm card is in
 * @param startedAt when the storm began
 * @param endedAt when it ended (the rate fell for a quiet period), or null while it lasts
 * @param cases cases in the storm (listed in the card's thread)
 * @param unclaimed of them, still new and unowned
 * @param claimed of them, owned by someone
 * @param responded of them, answered
 * @param topWords the most common words of their posts, most common first
 * @param authors distinct authors
 * @param reach the authors' followers added up (each author once)
 * @param loudest the author with the most followers, or null
 * @param loudestFollowers that author's followers
 */
public record StormView(
        long id,
        String source,
        ChannelRef channel,
        Instant startedAt,
        Instant endedAt,
        long cases,
        long unclaimed,
        long claimed,
        long responded,
        List<String> topWords,
        long authors,
        long reach,
        String loudest,
        long loudestFollowers) {

    public StormView {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startedAt, "startedAt");
        topWords = List.copyOf(topWords);
    }

    public boolean active() {
        return endedAt == null;
    }

    /** One plain line, e.g. for {@code /care status}: "Storm #3 from x: 1000 cases, 12 claimed, 3 responded". */
    public String line() {
        return "Storm #" + id + " from " + source + (active() ? "" : " (ended)") + ": " + cases + " cases, "
                + unclaimed + " unclaimed, " + claimed + " claimed, " + responded + " responded"
                + (topWords.isEmpty() ? "" : "; top words: " + String.join(", ", topWords));
    }
}
