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
 * @param linkIdentifies whether the permalink names this post alone, so that the same link seen through another
 *     source means the same post (false for links shared by many items, e.g. an app's review page)
 */
public record FeedItem(Post post, Kind declaredKind, String replyRef, boolean linkIdentifies) {
    public FeedItem {
        Objects.requireNonNull(post, "post");
    }

    public FeedItem(Post post, Kind declaredKind, String replyRef) {
        this(post, declaredKind, replyRef, true);
    }

    public static FeedItem of(Post post) {
        return new FeedItem(post, null, null, true);
    }
}
