package dev.heed.core.classification;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Counting and cutting text in user-perceived characters (grapheme clusters) as {@link
 * BreakIterator#getCharacterInstance()} sees them. On Java 17 that keeps a surrogate pair (😍) or a letter with
 * combining marks together but splits skin-tone and ZWJ emoji sequences, so counts can only come out too high:
 * safe for length limits.
 */
final class Graphemes {

    static final String ELLIPSIS = "…";

    private Graphemes() {}

    static int count(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int n = 0;
        it.first();
        while (it.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    /** The char index after the first {@code graphemes} clusters (the whole length if the text is shorter). */
    static int indexAfter(String text, int graphemes) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int end = it.first();
        for (int k = 0; k < graphemes; k++) {
            int next = it.next();
            if (next == BreakIterator.DONE) {
                return text.length();
            }
            end = next;
        }
        return end;
    }

    /** The first {@code max} clusters, ending with "…" if anything was cut. */
    static String cut(String text, int max) {
        if (count(text) <= max) {
            return text;
        }
        return text.substring(0, indexAfter(text, max - 1)).stripTrailing() + ELLIPSIS;
    }

    /**
     * At most {@code max} clusters, cut after the last whole word that fits and ended with "…"; a single word
     * longer than the limit is cut inside the word.
     */
    static String cutOnWord(String text, int max) {
        if (count(text) <= max) {
            return text;
        }
        String head = text.substring(0, indexAfter(text, max - 1));
        int space = -1;
        for (int k = head.length() - 1; k > 0; k--) {
            if (Character.isWhitespace(head.charAt(k)) && k < text.length()) {
                space = k;
                break;
            }
        }
        boolean cutsInsideWord = head.length() < text.length() && !Character.isWhitespace(text.charAt(head.length()));
        if (cutsInsideWord && space > 0) {
            head = head.substring(0, space);
        }
        head = head.stripTrailing();
        while (!head.isEmpty() && ",;:-–—".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + ELLIPSIS;
    }
}
