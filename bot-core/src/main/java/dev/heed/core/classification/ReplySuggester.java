package dev.heed.core.classification;

import dev.heed.core.model.Post;
import java.util.List;

/** Port: proposes two or three replies for a post. Thread-safe; never returns a reply over the network's limit. */
public interface ReplySuggester {
    List<SuggestedReply> suggest(Post post, Classification classification);
}
