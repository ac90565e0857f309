package dev.heed.core.feed;

import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import java.util.Objects;

/**
 * One post a source delivered.
 *
 * @param post the post, with {@code source} set to the source's id
 * @param declaredKind the kind the source already knows (e.g. from a star rating), or null to classify
 * @param replyRef what replying on the network needs beyond the native id (e.g. Bluesky {@code uri cid root-uri
 *     root-cid}), or null
 */
public record FeedItem(Post post, Kind declaredKind, String replyRef) {
    public FeedItem {
        Objects.requireNonNull(post, "post");
    }

    public static FeedItem of(Post post) {
        return new FeedItem(post, null, null);
    }
}
