package dev.heed.core.classification;

import java.util.Objects;

/**
 * A reply the team could send, ready to edit.
 *
 * @param label a short name shown on the button, e.g. {@code Apologise + DM}
 * @param text the reply text, within the post's network length limit
 */
public record SuggestedReply(String label, String text) {
    public SuggestedReply {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }
}
