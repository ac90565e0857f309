package dev.heed.core.classification;

import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.time.Instant;

/** Small builders for posts in the classification tests. */
final class TestPosts {

    static final Instant WRITTEN = Instant.parse("2026-03-02T09:15:00Z");

    private TestPosts() {}

    static Post post(String text) {
        return post(Network.X, Author.of("@customer"), text, null);
    }

    static Post post(Author author, String text) {
        return post(Network.X, author, text, null);
    }

    static Post post(Network network, Author author, String text, String language) {
        return new Post("test", "1", network, author, text, language, WRITTEN, null, null, null);
    }

    static Author author(String handle, String displayName, Long followers) {
        return new Author(handle, displayName, followers, null);
    }
}
