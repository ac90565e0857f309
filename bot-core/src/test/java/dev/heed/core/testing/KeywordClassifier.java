package dev.heed.core.testing;

import dev.heed.core.classification.Classification;
import dev.heed.core.classification.PostClassifier;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import java.util.List;
import java.util.Locale;

/**
 * A predictable classifier for tests of the use cases: {@code complaint}, {@code question}, {@code compliment} or
 * {@code other} anywhere in the text decides the kind (checked in that order); no marker means other.
 */
public final class KeywordClassifier implements PostClassifier {
    @Override
    public Classification classify(Post post) {
        String text = post.text().toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (text.contains(kind.word())) {
                return new Classification(kind, 0.9, List.of("test marker '" + kind.word() + "'"));
            }
        }
        return new Classification(Kind.OTHER, 0.2, List.of("no test marker"));
    }
}
