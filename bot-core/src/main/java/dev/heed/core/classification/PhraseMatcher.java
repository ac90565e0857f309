package dev.heed.core.classification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon phrases in a {@link PostText} on word boundaries, without a regular expression per word: phrases
 * are indexed by their first word, and each position of the text takes the longest phrase that starts there
 * (so {@code thanks for nothing} wins over {@code thanks}). A phrase word ending in {@code *} matches any word
 * with that beginning ({@code disappoint*} matches {@code disappointed}). Phrases never cross a sentence end.
 * Immutable and thread-safe once built.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseMatcher<T> {

    /** A phrase found in the text: tokens {@code start} (inclusive) to {@code end} (exclusive). */
    record Hit<T>(int start, int end, String text, T value) {}

    private record Entry<T>(String[] words, T value) {}

    private final Map<String, List<Entry<T>>> byFirstWord;
    private final List<Entry<T>> prefixFirst;

    private PhraseMatcher(Map<String, List<Entry<T>>> byFirstWord, List<Entry<T>> prefixFirst) {
        this.byFirstWord = byFirstWord;
        this.prefixFirst = prefixFirst;
    }

    /** Builds a matcher from phrases (any case, any accents) and what each stands for. */
    static <T> PhraseMatcher<T> of(Map<String, T> phrases) {
        Map<String, List<Entry<T>>> index = new HashMap<>();
        List<Entry<T>> prefix = new ArrayList<>();
        phrases.forEach((phrase, value) -> {
            String[] words = PostText.key(phrase.strip()).split("[\\s-]+");
            if (words.length == 0 || words[0].isEmpty()) {
                throw new IllegalArgumentException("empty lexicon phrase");
            }
            Entry<T> entry = new Entry<>(words, value);
            if (words[0].endsWith("*")) {
                prefix.add(entry);
            } else {
                index.computeIfAbsent(words[0], k -> new ArrayList<>()).add(entry);
            }
        });
        index.replaceAll((k, v) -> List.copyOf(v));
        return new PhraseMatcher<>(Map.copyOf(index), List.copyOf(prefix));
    }

    /** All non-overlapping phrases, left to right, longest first at each position. */
    List<Hit<T>> findAll(List<PostText.Token> tokens) {
        List<Hit<T>> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Entry<T> best = null;
            List<Entry<T>> candidates = byFirstWord.get(tokens.get(i).key());
            if (candidates != null) {
                best = longest(candidates, tokens, i, null);
            }
            best = longest(prefixFirst, tokens, i, best);
            if (best == null) {
                i++;
                continue;
            }
            int end = i + best.words().length;
            StringBuilder text = new StringBuilder();
            for (int k = i; k < end; k++) {
                if (k > i) {
                    text.append(' ');
                }
                text.append(tokens.get(k).text());
            }
            hits.add(new Hit<>(i, end, text.toString(), best.value()));
            i = end;
        }
        return Collections.unmodifiableList(hits);
    }

    private static <T> Entry<T> longest(List<Entry<T>> entries, List<PostText.Token> tokens, int at, Entry<T> best) {
        for (Entry<T> entry : entries) {
            if ((best == null || entry.words().length > best.words().length) && matches(entry.words(), tokens, at)) {
                best = entry;
            }
        }
        return best;
    }

    private static boolean matches(String[] words, List<PostText.Token> tokens, int at) {
        if (at + words.length > tokens.size()) {
            return false;
        }
        int sentence = tokens.get(at).sentence();
        for (int k = 0; k < words.length; k++) {
            PostText.Token token = tokens.get(at + k);
            if (token.sentence() != sentence || !wordMatches(words[k], token.key())) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordMatches(String word, String key) {
        if (word.endsWith("*")) {
            return key.startsWith(word.substring(0, word.length() - 1));
        }
        return word.equals(key);
    }
}
