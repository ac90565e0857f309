package dev.heed.core.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A reply with placeholders, filled in per post by {@link TemplateReplySuggester}.
 *
 * <p>Placeholders: {@code {name}} the author's first name (or handle), {@code {brand}} the brand's name, {@code
 * {signoff}} the brand's sign-off, {@code {support}} the brand's private support channel (or "a direct
 * message"), {@code {review}} the brand's review link (templates using it are skipped when there is none),
 * {@code {topic}} what the post was about ("your order", "the latte") or a neutral word ("this", "it"). Any
 * other placeholder, or a stray brace, is rejected here, so a mistyped configured template stops start-up.
 *
 * @param label short name shown on the suggestion's button, e.g. {@code Apologise + DM}; not blank
 * @param text the reply with placeholders; not blank
 */
public record ReplyTemplate(String label, String text) {

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("name", "brand", "signoff", "support", "review", "topic");

    public ReplyTemplate {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        if (label.isBlank()) {
            throw new IllegalArgumentException("reply template label must not be blank");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("reply template '" + label + "' has no text");
        }
        placeholdersOf(label, text);
    }

    /** Whether the text uses the given placeholder, e.g. {@code uses("review")}. */
    public boolean uses(String placeholder) {
        return placeholdersOf(label, text).contains(placeholder);
    }

    private static List<String> placeholdersOf(String label, String text) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException(
                        "reply template '" + label + "' has a '}' without '{' at index " + i);
            }
            if (c != '{') {
                i++;
                continue;
            }
            int close = text.indexOf('}', i + 1);
            int nextOpen = text.indexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw new IllegalArgumentException("reply template '" + label + "' has an unclosed '{' at index " + i);
            }
            String name = text.substring(i + 1, close);
            if (!PLACEHOLDERS.contains(name)) {
                throw new IllegalArgumentException("reply template '" + label + "' uses unknown placeholder {" + name
                        + "}; known: {brand}, {name}, {review}, {signoff}, {support}, {topic}");
            }
            found.add(name);
            i = close + 1;
        }
        return found;
    }
}
