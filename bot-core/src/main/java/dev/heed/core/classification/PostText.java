package dev.heed.core.classification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text taken apart once, in a single pass, for the keyword rules: lower-cased word tokens (with
 * sentence and clause numbers, so that phrases and negation stay inside a sentence), the emoji it uses, and
 * simple counts (links, mentions, question and exclamation marks, words in capitals). Immutable.
 */
final class PostText {

    /**
     * One word (or hashtag word) of the post.
     *
     * @param text lower-cased, typographic apostrophes made plain, e.g. {@code don't}
     * @param key {@link #text} with accents removed, used for matching ({@code déçu} -> {@code decu})
     * @param sentence index of the sentence the word is in
     * @param clause index of the clause (a stretch between commas, sentence ends, "but"...)
     * @param hashtag whether the word came from a {@code #hashtag}
     */
    record Token(String text, String key, int sentence, int clause, boolean hashtag) {}

    private static final Pattern URL =
            Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(?:com|net|org|io|ly|co|gg|me)/\\S*");

    /** Words that start a new clause, so that "not great, but" does not negate what follows. */
    private static final Set<String> CLAUSE_STARTERS =
            Set.of("but", "however", "although", "though", "pero", "mais", "aber");

    final List<Token> tokens;
    final List<String> emoji;
    final int links;
    final int mentions;
    final int hashtags;
    final int questionMarks;
    final boolean endsWithQuestionMark;
    final int exclamationMarks;
    final int longestExclamationRun;
    final int wordsInCapitals;
    final int wordsOfThreeOrMoreLetters;

    private PostText(
            List<Token> tokens,
            List<String> emoji,
            int links,
            int mentions,
            int hashtags,
            int questionMarks,
            boolean endsWithQuestionMark,
            int exclamationMarks,
            int longestExclamationRun,
            int wordsInCapitals,
            int wordsOfThreeOrMoreLetters) {
        this.tokens = Collections.unmodifiableList(tokens);
        this.emoji = Collections.unmodifiableList(emoji);
        this.links = links;
        this.mentions = mentions;
        this.hashtags = hashtags;
        this.questionMarks = questionMarks;
        this.endsWithQuestionMark = endsWithQuestionMark;
        this.exclamationMarks = exclamationMarks;
        this.longestExclamationRun = longestExclamationRun;
        this.wordsInCapitals = wordsInCapitals;
        this.wordsOfThreeOrMoreLetters = wordsOfThreeOrMoreLetters;
    }

    /** Number of tokens that are ordinary words (not hashtags). */
    int plainWords() {
        int n = 0;
        for (Token t : tokens) {
            if (!t.hashtag()) {
                n++;
            }
        }
        return n;
    }

    static PostText of(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        boolean[] inLink = new boolean[text.length()];
        int links = 0;
        Matcher m = URL.matcher(text);
        while (m.find()) {
            links++;
            for (int i = m.start(); i < m.end(); i++) {
                inLink[i] = true;
            }
        }

        List<Token> tokens = new ArrayList<>();
        Set<String> emoji = new LinkedHashSet<>();
        int mentions = 0;
        int hashtags = 0;
        int questionMarks = 0;
        int exclamations = 0;
        int run = 0;
        int longestRun = 0;
        int capitals = 0;
        int longWords = 0;
        int sentence = 0;
        int clause = 0;
        boolean trailingQuestion = false;

        int i = 0;
        int n = text.length();
        while (i < n) {
            if (inLink[i]) {
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp != '!') {
                run = 0;
            }
            if ((cp == '@' || cp == '#')
                    && i + 1 < n
                    && isWordChar(text.codePointAt(i + 1))
                    && !precededByWordChar(text, i)) {
                int end = i + 1;
                while (end < n
                        && !inLink[end]
                        && (isWordChar(text.codePointAt(end)) || (cp == '@' && ".@-".indexOf(text.charAt(end)) >= 0))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                if (cp == '@') {
                    mentions++;
                } else {
                    hashtags++;
                    String word = text.substring(i + 1, end);
                    tokens.add(token(word, sentence, clause, true));
                }
                i = end;
                continue;
            }
            if (isWordChar(cp)) {
                int end = i;
                while (end < n && !inLink[end]) {
                    int c = text.codePointAt(end);
                    if (isWordChar(c)) {
                        end += Character.charCount(c);
                    } else if ((c == '\'' || c == '’')
                            && end + 1 < n
                            && Character.isLetter(text.codePointAt(end + 1))) {
                        end++;
                    } else {
                        break;
                    }
                }
                String word = text.substring(i, end);
                Token token = token(word, sentence, clause, false);
                if (CLAUSE_STARTERS.contains(token.text())) {
                    clause++;
                    token = new Token(token.text(), token.key(), sentence, clause, false);
                }
                tokens.add(token);
                int letters = 0;
                boolean allUpper = true;
                for (int k = 0; k < word.length(); k++) {
                    char ch = word.charAt(k);
                    if (Character.isLetter(ch)) {
                        letters++;
                        allUpper &= Character.isUpperCase(ch);
                    }
                }
                if (letters >= 3) {
                    longWords++;
                    if (allUpper) {
                        capitals++;
                    }
                }
                trailingQuestion = false;
                i = end;
                continue;
            }
            switch (cp) {
                case '?', '？', '¿' -> {
                    questionMarks++;
                    if (cp != '¿') {
                        trailingQuestion = true;
                    }
                    sentence++;
                    clause++;
                }
                case '!', '¡' -> {
                    if (cp == '!') {
                        exclamations++;
                        run++;
                        longestRun = Math.max(longestRun, run);
                    }
                    sentence++;
                    clause++;
                }
                case '.', '\n', '…', '。' -> {
                    sentence++;
                    clause++;
                }
                case ',', ';', ':', '(', ')', '—', '–', '"', '“', '”' -> clause++;
                default -> {
                    if (isEmoji(cp)) {
                        emoji.add(new String(Character.toChars(cp)));
                    }
                }
            }
            i += width;
        }
        return new PostText(
                tokens,
                new ArrayList<>(emoji),
                links,
                mentions,
                hashtags,
                questionMarks,
                trailingQuestion,
                exclamations,
                longestRun,
                capitals,
                longWords);
    }

    private static Token token(String word, int sentence, int clause, boolean hashtag) {
        String text = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        return new Token(text, fold(text), sentence, clause, hashtag);
    }

    /** Lower-cases and removes accents: the form lexicon entries and tokens are compared in. */
    static String key(String word) {
        return fold(word.toLowerCase(Locale.ROOT).replace('’', '\''));
    }

    private static String fold(String text) {
        boolean ascii = true;
        for (int k = 0; k < text.length() && ascii; k++) {
            ascii = text.charAt(k) < 128;
        }
        if (ascii) {
            return text;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); k++) {
            char ch = decomposed.charAt(k);
            if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }

    private static boolean precededByWordChar(String text, int i) {
        return i > 0 && isWordChar(text.codePointBefore(i));
    }

    private static boolean isEmoji(int cp) {
        if (cp >= 0x1F000 && cp <= 0x1FAFF) {
            return true;
        }
        return cp >= 0x2600 && cp <= 0x27BF;
    }
}
