package dev.heed.core.classification;

import dev.heed.core.model.Post;

/** Port: decides the kind of a post. Must be fast (called on the ingest path) and thread-safe. */
public interface PostClassifier {
    Classification classify(Post post);
}
