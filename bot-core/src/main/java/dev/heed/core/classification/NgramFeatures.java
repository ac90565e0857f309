package dev.heed.core.classification;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into hashed binary features: accent-folded words, words in a negated scope (after "not", "never"...
 * in the same clause), word pairs within a sentence, emoji, a few shape
 * signals (question mark at the end, links, shouting) and the lexicon's verdict. Each feature keeps its readable
 * name so that a classification can say which words pushed it.
 */
final class NgramFeatures {
    static final int BITS = 18;
    static final int DIMENSION = 1 << BITS;

    /** Words that put the rest of their clause in a negated scope ("not" ... "helpful" gives {@code n:helpful}). */
    private static final java.util.Set<String> NEGATORS = WordLists.keys(
            "not no never don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent "
                    + "won't wont wouldn't wouldnt can't cant cannot couldn't couldnt hardly barely nothing without "
                    + "ain't haven't havent hasn't hasnt nunca pas jamais nicht kein keine nie niet geen non");

    private NgramFeatures() {}

    /** A feature: its hashed index and, for words and word pairs, the text shown in reasons (else null). */
    record Feature(int index, String shown) {}

    static List<Feature> of(String text, String lexiconKind) {
        PostText post = PostText.of(text);
        List<Feature> features = new ArrayList<>(post.tokens.size() * 2 + 8);
        PostText.Token previous = null;
        int negatedClause = -1;
        for (PostText.Token token : post.tokens) {
            // Negation scope: a word after a negator in the same clause also counts as itself negated.
            if (negatedClause == token.clause() && !NEGATORS.contains(token.key())) {
                features.add(feature("n:" + token.key(), null));
            }
            if (NEGATORS.contains(token.key())) {
                negatedClause = token.clause();
            }
            // Function words ("the", "my") count for the model but are not worth showing as a reason.
            String shown =
                    token.text().length() < 3 || LanguageGuesser.isCommonWord(token.text()) ? null : token.text();
            features.add(feature("w:" + token.key(), shown));
            if (previous != null && previous.sentence() == token.sentence()) {
                features.add(feature("b:" + previous.key() + " " + token.key(), previous.text() + " " + token.text()));
            }
            previous = token;
        }
        for (String emoji : post.emoji) {
            features.add(feature("e:" + emoji, emoji));
        }
        features.add(feature("bias", null));
        if (post.endsWithQuestionMark) {
            features.add(feature("shape:ends?", null));
        }
        if (post.questionMarks > 0) {
            features.add(feature("shape:?", null));
        }
        if (post.exclamationMarks > 1) {
            features.add(feature("shape:!!", null));
        }
        if (post.links > 0) {
            features.add(feature("shape:link", null));
        }
        if (post.plainWords() == 0) {
            features.add(feature("shape:nowords", null));
        }
        if (post.wordsInCapitals >= 2) {
            features.add(feature("shape:caps", null));
        }
        if (lexiconKind != null) {
            features.add(feature("lex:" + lexiconKind, null));
        }
        return features;
    }

    private static Feature feature(String name, String shown) {
        return new Feature(index(name), shown);
    }

    /** FNV-1a over the UTF-16 units, folded to {@link #BITS} bits: stable across JVMs and runs. */
    static int index(String name) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x01000193;
        }
        return (hash ^ (hash >>> BITS)) & (DIMENSION - 1);
    }
}
