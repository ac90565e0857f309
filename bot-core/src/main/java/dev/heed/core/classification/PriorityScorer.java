package dev.heed.core.classification;

import dev.heed.core.model.Post;

/** Port: scores how urgent a post is. Thread-safe. */
public interface PriorityScorer {
    PriorityAssessment assess(Post post, Classification classification);
}
