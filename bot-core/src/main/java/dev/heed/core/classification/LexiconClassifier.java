package dev.heed.core.classification;

import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The default {@link PostClassifier}: keyword and phrase lexicons, no trained model.
 *
 * <p>Words are matched case-insensitively on word boundaries ("late" never matches "chocolate"), accents are
 * ignored, and the longest phrase wins ("thanks for nothing" is sarcasm, not thanks). A praise word with a
 * negator up to three words before it in the same clause ("not great", "wouldn't recommend") counts as a
 * complaint; a few negated complaint words ("not disappointed", "never late") count as mild praise. English,
 * plus common Spanish, French and German words. The word lists are resources next to this class ({@code
 * complaint.txt}, {@code praise.txt}, {@code question.txt}, {@code spam.txt}, {@code sarcasm.txt}, {@code
 * neutral.txt}).
 *
 * <p>Decision, in this order:
 *
 * <ol>
 *   <li>only links, mentions or hashtags: {@link Kind#OTHER};
 *   <li>spam words ("giveaway", "follow back", "promo code"...) stronger than the complaint words:
 *       {@link Kind#OTHER} (spam is full of praise and question marks, so it vetoes both);
 *   <li>any complaint signal: {@link Kind#COMPLAINT}, unless praise is at least three times as strong (a glowing
 *       review with one small gripe stays a {@link Kind#COMPLIMENT}, with the gripe as a reason);
 *   <li>any question signal: {@link Kind#QUESTION};
 *   <li>any praise: {@link Kind#COMPLIMENT};
 *   <li>nothing: {@link Kind#OTHER} with low confidence.
 * </ol>
 *
 * The signals of the other kinds found in the post are kept as reasons ({@code also a question: ends with '?'}).
 * Confidence grows with the weight of the winning signals and falls with the weight of conflicting ones.
 * Immutable and thread-safe; everything is compiled once.
 */
public final class LexiconClassifier implements PostClassifier {

    enum Signal {
        COMPLAINT,
        SARCASM,
        PRAISE,
        QUESTION,
        SPAM,
        /** Set phrases that contain a signal word but signal nothing ("kind regards", "late checkout"). */
        NEUTRAL
    }

    /** What a lexicon phrase signals, how strongly, and whether a negator in front turns it around. */
    record Cue(Signal signal, double weight, boolean negatable) {}

    private static final int NEGATION_WINDOW = 3;

    /** Praise this many times as strong as the complaint words makes a compliment with a gripe. */
    private static final double PRAISE_OUTWEIGHS = 3.0;

    private static final Set<String> NEGATORS = WordLists.keys(
            "not no never don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent "
                    + "won't wont wouldn't wouldnt can't cant cannot couldn't couldnt hardly barely nothing nor neither "
                    + "without ain't haven't hasn't nunca ni pas jamais nicht kein keine keinen nie");

    /** Words between a negator and a cue that cancel the negation ("not only good", "no doubt the best"). */
    private static final Set<String> NEGATION_BREAKERS = WordLists.keys("only just doubt wonder");

    /** After "never", these mean a comparison, not a negation ("never been so disappointed"). */
    private static final Set<String> COMPARISON_WORDS = WordLists.keys("so such this that more as");

    private static final Set<String> NEVER = WordLists.keys("never nunca jamais nie");

    /** The negators that "enough"/"more" can turn back into praise: "can't recommend them enough". */
    private static final Set<String> CAN_NOT = WordLists.keys("can't cant cannot couldn't couldnt");

    /** Words just after a praise word negated by "can't" that make it praise again ("couldn't recommend it more"). */
    private static final Set<String> NEGATION_RESTORERS = WordLists.keys("more happier better");

    private static final Set<String> INTERROGATIVES = WordLists.keys(
            "why what's whats where's wheres when's how's who's which anyone anybody pourquoi warum wann");

    private static final Set<String> WH_WORDS = WordLists.keys("what how when where who");

    private static final Set<String> AUXILIARIES =
            WordLists.keys("is are was were do does did can could will would should has have may am shall");

    private static final Set<String> HOW_FOLLOWERS = WordLists.keys("long much many often soon far come late");

    private static final Set<String> WHAT_FOLLOWERS =
            WordLists.keys("time happened about kind day days hours size sizes options");

    private static final Set<String> SUBJECTS = WordLists.keys(
            "i you we they he she it there this that these the your my anyone someone anybody somebody u y'all ya");

    private static final Map<String, Cue> ENTRIES = lexicon();

    private static final PhraseMatcher<Cue> LEXICON = PhraseMatcher.of(ENTRIES);

    private static final Set<String> SIGNAL_WORDS = singleWords(ENTRIES);

    private static final Map<Integer, Signal> EMOJI = emoji();

    /** Creates the classifier; all lexicons are shared and precompiled. */
    public LexiconClassifier() {}

    @Override
    public Classification classify(Post post) {
        Objects.requireNonNull(post, "post");
        return classify(post.text());
    }

    /** Classifies bare text; the same rules as {@link #classify(Post)}. */
    Classification classify(String text) {
        PostText parsed = PostText.of(text);
        Evidence e = gather(parsed);

        if (parsed.plainWords() == 0 && e.complaint == 0 && e.praise == 0 && e.question == 0 && e.spam == 0) {
            boolean anything = parsed.links + parsed.mentions + parsed.hashtags > 0;
            return anything
                    ? new Classification(Kind.OTHER, 0.8, List.of("only links, mentions or hashtags"))
                    : new Classification(Kind.OTHER, 0.3, List.of("no complaint, question or praise words"));
        }
        if (e.spam > e.complaint) {
            List<String> reasons = new ArrayList<>();
            reasons.add(listed("spam words", e.spamWords));
            addSecondary(reasons, e, Kind.OTHER);
            return new Classification(Kind.OTHER, confidence(e.spam, e.complaint), reasons);
        }
        if (e.complaint > 0 && e.praise < PRAISE_OUTWEIGHS * e.complaint) {
            List<String> reasons = new ArrayList<>(e.complaintReasons());
            addSecondary(reasons, e, Kind.COMPLAINT);
            return new Classification(Kind.COMPLAINT, confidence(e.complaint, e.praise + e.spam), reasons);
        }
        if (e.question > 0) {
            List<String> reasons = new ArrayList<>();
            reasons.add("question: " + String.join(", ", e.questionCues));
            addSecondary(reasons, e, Kind.QUESTION);
            return new Classification(Kind.QUESTION, confidence(e.question, e.complaint), reasons);
        }
        if (e.praise > 0) {
            List<String> reasons = new ArrayList<>(e.praiseReasons());
            addSecondary(reasons, e, Kind.COMPLIMENT);
            return new Classification(Kind.COMPLIMENT, confidence(e.praise, e.complaint), reasons);
        }
        return new Classification(Kind.OTHER, 0.3, List.of("no complaint, question or praise words"));
    }

    /** Whether a single (accent-free, lower-case) word is one of the classifier's signal words. */
    static boolean isSignalWord(String key) {
        return SIGNAL_WORDS.contains(key);
    }

    private static void addSecondary(List<String> reasons, Evidence e, Kind winner) {
        if (winner != Kind.QUESTION && e.question > 0) {
            reasons.add("also a question: " + String.join(", ", e.questionCues));
        }
        if (winner != Kind.COMPLIMENT && e.praise > 0) {
            reasons.add("also praise: " + quoted(e.praiseWords, e.praiseEmoji, e.negatedComplaints));
        }
        if (winner != Kind.COMPLAINT && e.complaint > 0) {
            reasons.add("also a complaint: " + quoted(e.complaintWords, e.complaintEmoji, e.sarcasm, e.negatedPraise));
        }
        if (winner != Kind.OTHER && e.spam > 0) {
            reasons.add("also spam-like: " + quoted(e.spamWords));
        }
    }

    /** 0.35 + up to 0.6 for the winning weight, scaled down by conflicting weight; two decimals. */
    static double confidence(double winning, double conflicting) {
        double strength = 1 - Math.exp(-winning / 1.5);
        double c = (0.35 + 0.6 * strength) * (winning + 1) / (winning + 1 + conflicting);
        c = Math.max(0.05, Math.min(0.95, c));
        return Math.round(c * 100) / 100.0;
    }

    private static Evidence gather(PostText text) {
        Evidence e = new Evidence();
        List<PostText.Token> tokens = text.tokens;
        for (PhraseMatcher.Hit<Cue> hit : LEXICON.findAll(tokens)) {
            Cue cue = hit.value();
            int negator = cue.negatable() ? negatorBefore(tokens, hit) : -1;
            if (negator >= 0) {
                String phrase = joined(tokens, negator, hit.end());
                if (cue.signal() == Signal.PRAISE) {
                    e.add(e.negatedPraise, phrase, cue.weight(), Signal.COMPLAINT);
                } else {
                    e.add(e.negatedComplaints, phrase, 0.75, Signal.PRAISE);
                }
                continue;
            }
            switch (cue.signal()) {
                case COMPLAINT -> e.add(e.complaintWords, hit.text(), cue.weight(), Signal.COMPLAINT);
                case SARCASM -> e.add(e.sarcasm, hit.text(), cue.weight(), Signal.COMPLAINT);
                case PRAISE -> e.add(e.praiseWords, hit.text(), cue.weight(), Signal.PRAISE);
                case SPAM -> e.add(e.spamWords, hit.text(), cue.weight(), Signal.SPAM);
                case NEUTRAL -> {
                    // a set phrase that only looks like a signal
                }
                case QUESTION -> {
                    if (e.questionCues.add("'" + hit.text() + "'")) {
                        e.question += cue.weight();
                    }
                }
            }
        }
        for (String emoji : text.emoji) {
            Signal signal = EMOJI.get(emoji.codePointAt(0));
            if (signal == Signal.COMPLAINT) {
                e.add(e.complaintEmoji, emoji, 1.0, Signal.COMPLAINT);
            } else if (signal == Signal.PRAISE) {
                e.add(e.praiseEmoji, emoji, 1.0, Signal.PRAISE);
            }
        }
        if (text.endsWithQuestionMark) {
            e.questionCues.add("ends with '?'");
            e.question += 1.5;
        } else if (text.questionMarks > 0) {
            e.questionCues.add("contains '?'");
            e.question += 1.0;
        }
        String opener = interrogativeOpener(tokens);
        if (opener != null) {
            e.questionCues.add("starts with '" + opener + "'");
            e.question += 1.0;
        }
        return e;
    }

    /** The first interrogative word that opens a sentence as a question ("how do", "can you", "why"), or null. */
    private static String interrogativeOpener(List<PostText.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            PostText.Token t = tokens.get(i);
            if (t.hashtag() || (i > 0 && tokens.get(i - 1).sentence() == t.sentence())) {
                continue;
            }
            String next = i + 1 < tokens.size() && tokens.get(i + 1).sentence() == t.sentence()
                    ? tokens.get(i + 1).key()
                    : "";
            String w = t.key();
            boolean question = INTERROGATIVES.contains(w)
                    || (WH_WORDS.contains(w) && (AUXILIARIES.contains(next) || next.endsWith("'s")))
                    || (w.equals("how") && HOW_FOLLOWERS.contains(next))
                    || (w.equals("what") && WHAT_FOLLOWERS.contains(next))
                    || (AUXILIARIES.contains(w) && SUBJECTS.contains(next));
            if (question) {
                return t.text();
            }
        }
        return null;
    }

    /** Index of a negator up to three words before the hit, in the same clause, or -1. */
    private static int negatorBefore(List<PostText.Token> tokens, PhraseMatcher.Hit<Cue> hit) {
        PostText.Token first = tokens.get(hit.start());
        if (NEGATORS.contains(first.key())) {
            return -1;
        }
        for (int k = hit.start() - 1; k >= Math.max(0, hit.start() - NEGATION_WINDOW); k--) {
            PostText.Token negator = tokens.get(k);
            if (negator.clause() != first.clause()) {
                return -1;
            }
            if (!NEGATORS.contains(negator.key())) {
                continue;
            }
            for (int j = k + 1; j < hit.start(); j++) {
                String between = tokens.get(j).key();
                if (NEGATION_BREAKERS.contains(between)
                        || (NEVER.contains(negator.key()) && COMPARISON_WORDS.contains(between))) {
                    return -1;
                }
            }
            for (int j = hit.end();
                    CAN_NOT.contains(negator.key())
                            && j < tokens.size()
                            && tokens.get(j).clause() == first.clause();
                    j++) {
                String after = tokens.get(j).key();
                if (after.equals("enough") || (j < hit.end() + NEGATION_WINDOW && NEGATION_RESTORERS.contains(after))) {
                    return -1;
                }
            }
            return k;
        }
        return -1;
    }

    private static String joined(List<PostText.Token> tokens, int from, int to) {
        StringJoiner j = new StringJoiner(" ");
        for (int k = from; k < to; k++) {
            j.add(tokens.get(k).text());
        }
        return j.toString();
    }

    @SafeVarargs
    private static String quoted(Set<String>... groups) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> g : groups) {
            all.addAll(g);
        }
        StringJoiner j = new StringJoiner(", ");
        int shown = 0;
        for (String s : all) {
            if (shown++ == 5) {
                j.add("…");
                break;
            }
            j.add("'" + s + "'");
        }
        return j.toString();
    }

    private static String listed(String label, Set<String> items) {
        return label + ": " + quoted(items);
    }

    /** Signals found in one post. Distinct phrases count once. */
    private static final class Evidence {
        double complaint;
        double praise;
        double question;
        double spam;
        final Set<String> complaintWords = new LinkedHashSet<>();
        final Set<String> sarcasm = new LinkedHashSet<>();
        final Set<String> negatedPraise = new LinkedHashSet<>();
        final Set<String> complaintEmoji = new LinkedHashSet<>();
        final Set<String> praiseWords = new LinkedHashSet<>();
        final Set<String> negatedComplaints = new LinkedHashSet<>();
        final Set<String> praiseEmoji = new LinkedHashSet<>();
        final Set<String> spamWords = new LinkedHashSet<>();
        final Set<String> questionCues = new LinkedHashSet<>();

        void add(Set<String> bucket, String phrase, double weight, Signal towards) {
            if (!bucket.add(phrase)) {
                return;
            }
            switch (towards) {
                case COMPLAINT -> complaint += weight;
                case PRAISE -> praise += weight;
                case SPAM -> spam += weight;
                default -> question += weight;
            }
        }

        List<String> complaintReasons() {
            List<String> reasons = new ArrayList<>();
            if (!sarcasm.isEmpty()) {
                reasons.add(listed("sarcasm", sarcasm));
            }
            if (!complaintWords.isEmpty()) {
                reasons.add(listed("negative words", complaintWords));
            }
            if (!negatedPraise.isEmpty()) {
                reasons.add(listed("negated praise", negatedPraise));
            }
            if (!complaintEmoji.isEmpty()) {
                reasons.add(listed("negative emoji", complaintEmoji));
            }
            return reasons;
        }

        List<String> praiseReasons() {
            List<String> reasons = new ArrayList<>();
            if (!praiseWords.isEmpty()) {
                reasons.add(listed("praise words", praiseWords));
            }
            if (!negatedComplaints.isEmpty()) {
                reasons.add(listed("negated complaint", negatedComplaints));
            }
            if (!praiseEmoji.isEmpty()) {
                reasons.add(listed("positive emoji", praiseEmoji));
            }
            return reasons;
        }
    }

    // Lexicons live in the resources next to this class: complaint.txt, sarcasm.txt, praise.txt, question.txt,
    // spam.txt and neutral.txt. Syntax: "phrase", "phrase=1.5" (weight, default 1), "phrase~" (a negator in
    // front turns it around; every praise phrase does that anyway), "word*" (any word with that beginning).

    private static Map<String, Cue> lexicon() {
        Map<String, Cue> map = new HashMap<>();
        add(map, Signal.COMPLAINT, false, "complaint");
        add(map, Signal.SARCASM, false, "sarcasm");
        add(map, Signal.PRAISE, true, "praise");
        add(map, Signal.QUESTION, false, "question");
        add(map, Signal.SPAM, false, "spam");
        add(map, Signal.NEUTRAL, false, "neutral");
        return map;
    }

    private static void add(Map<String, Cue> map, Signal signal, boolean negatable, String list) {
        WordLists.weighted(list, 1.0).forEach((entry, weight) -> {
            String phrase = entry;
            boolean flips = negatable;
            if (phrase.endsWith("~")) {
                flips = true;
                phrase = phrase.substring(0, phrase.length() - 1);
            }
            Cue previous = map.put(PostText.key(phrase), new Cue(signal, weight, flips));
            if (previous != null) {
                throw new IllegalStateException("lexicon phrase listed twice: " + phrase);
            }
        });
    }

    private static Set<String> singleWords(Map<String, Cue> lexicon) {
        Set<String> words = new java.util.HashSet<>();
        lexicon.forEach((phrase, cue) -> {
            if (!phrase.contains(" ")
                    && !phrase.endsWith("*")
                    && cue.signal() != Signal.QUESTION
                    && cue.signal() != Signal.NEUTRAL) {
                words.add(phrase);
            }
        });
        return Set.copyOf(words);
    }

    private static Map<Integer, Signal> emoji() {
        Map<Integer, Signal> map = new HashMap<>();
        "😡🤬👎😠😤🙄😒😞🤮💩😩😫🤦😖😣".codePoints().forEach(cp -> map.put(cp, Signal.COMPLAINT));
        "😍❤♥👏🙏🥰😊👍💯🤩😋💕💖💗💙💚💛💜🧡🤍🖤✨🌟⭐🙌👌😘🥳🔥".codePoints().forEach(cp -> map.put(cp, Signal.PRAISE));
        return Map.copyOf(map);
    }
}
