package dev.heed.core.classification;

import dev.heed.core.model.Kind;
import java.util.Objects;

/**
 * A text with the kind a person gave it: a line of the shipped corpus, or a correction the team made in chat.
 *
 * @param text the post's text
 * @param kind its kind
 */
public record LabelledText(String text, Kind kind) {
    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
