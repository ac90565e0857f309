package dev.heed.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A public post as a source saw it, before the team has done anything with it.
 *
 * @param source key of the configured source that delivered it (e.g. {@code zapier}, {@code demo})
 * @param nativeId the post's id on its network; unique per source
 * @param network where it was written, which sets the reply length limit
 * @param author who wrote it
 * @param text the post's plain text
 * @param language ISO 639-1 code when known, else null
 * @param createdAt when it was written
 * @param permalink public link to the post, or null
 * @param conversationRef the thread or conversation it belongs to (root id), or null for a new thread
 * @param inReplyTo the native id it answers, or null; kept so that a reply can later be threaded
 */
public record Post(
        String source,
        String nativeId,
        Network network,
        Author author,
        String text,
        String language,
        Instant createdAt,
        String permalink,
        String conversationRef,
        String inReplyTo) {

    public Post {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(nativeId, "nativeId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        if (source.isBlank() || nativeId.isBlank()) {
            throw new IllegalArgumentException("source and nativeId must not be blank");
        }
    }

    /** The key that groups follow-ups: the conversation if known, else what this post replies to. */
    public String threadKey() {
        if (conversationRef != null && !conversationRef.isBlank()) {
            return conversationRef;
        }
        return inReplyTo == null || inReplyTo.isBlank() ? null : inReplyTo;
    }
}
