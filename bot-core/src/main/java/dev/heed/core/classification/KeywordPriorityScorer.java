package dev.heed.core.classification;

import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The default {@link PriorityScorer}: adds up points and maps the sum to a tier.
 *
 * <p>Points:
 *
 * <ul>
 *   <li>kind: complaint 3, question 2, compliment 1, other 0 (no reason is given for these);
 *   <li>author reach: +1 per order of magnitude above 1,000 followers (10k: +1, 100k: +2, 1M: +3, at most +4),
 *       reason {@code 12.4k followers};
 *   <li>risk words, each with a reason such as {@code risk word: 'lawyer'}: safety ({@code food poisoning},
 *       {@code allergic reaction}, {@code injured}...) +5; legal, security and discrimination ({@code lawyer},
 *       {@code chargeback}, {@code data breach}, {@code racist}...) +4; money and churn ({@code refund},
 *       {@code cancel my account}...) +1; at most +8 in all (the list is the resource {@code risk.txt});
 *   <li>VIP author (handle in the configured set, case-insensitive, leading {@code @} ignored): +3;
 *   <li>strong negative language, for complaints and questions only: shouting in capitals +1, repeated
 *       {@code !} +1, swearing +1.
 * </ul>
 *
 * <p>Tiers: score &le; 1 {@link Priority#LOW}; 2..4 {@link Priority#NORMAL}; 5..7 {@link Priority#HIGH}; &ge; 8
 * {@link Priority#URGENT}. Compliments and other posts stay at most {@link Priority#NORMAL} unless a safety,
 * legal, security or discrimination risk word appears. So a plain complaint is NORMAL, a complaint from a VIP or from an account with 100k followers is HIGH,
 * and a complaint that mentions food poisoning is URGENT. Reasons come most important (most points) first.
 * Immutable and thread-safe.
 */
public final class KeywordPriorityScorer implements PriorityScorer {

    /** Highest score that is still {@link Priority#LOW}. */
    public static final int LOW_MAX = 1;
    /** Highest score that is still {@link Priority#NORMAL}. */
    public static final int NORMAL_MAX = 4;
    /** Highest score that is still {@link Priority#HIGH}; anything above is {@link Priority#URGENT}. */
    public static final int HIGH_MAX = 7;

    private static final int SAFETY = 5;
    private static final int LEGAL = 4;
    private static final int MONEY = 1;
    private static final int RISK_CAP = 8;
    private static final int VIP = 3;
    private static final int FOLLOWER_CAP = 4;

    private static final PhraseMatcher<Integer> RISK = PhraseMatcher.of(riskWords());
    private static final PhraseMatcher<Integer> SWEARING = PhraseMatcher.of(swearWords());

    private final Set<String> vipHandles;

    /** A scorer without VIP authors. */
    public KeywordPriorityScorer() {
        this(Set.of());
    }

    /**
     * A scorer that lifts posts by the given authors.
     *
     * @param vipHandles handles of VIP authors, compared case-insensitively and without a leading {@code @}; may
     *     be empty, never null, no blank entries
     */
    public KeywordPriorityScorer(Set<String> vipHandles) {
        Objects.requireNonNull(vipHandles, "vipHandles");
        Set<String> normalised = new HashSet<>();
        for (String handle : vipHandles) {
            if (handle == null || handle.isBlank()) {
                throw new IllegalArgumentException("VIP handles must not be null or blank: " + vipHandles);
            }
            normalised.add(normaliseHandle(handle));
        }
        this.vipHandles = Set.copyOf(normalised);
    }

    @Override
    public PriorityAssessment assess(Post post, Classification classification) {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(classification, "classification");
        Kind kind = classification.kind();
        PostText text = PostText.of(post.text());
        List<Reason> reasons = new ArrayList<>();

        int score = switch (kind) {
            case COMPLAINT -> 3;
            case QUESTION -> 2;
            case COMPLIMENT -> 1;
            case OTHER -> 0;
        };

        int risk = 0;
        boolean serious = false;
        Set<String> seen = new LinkedHashSet<>();
        for (PhraseMatcher.Hit<Integer> hit : RISK.findAll(text.tokens)) {
            if (seen.add(hit.text())) {
                int points = Math.min(hit.value(), RISK_CAP - risk);
                risk += points;
                serious |= hit.value() >= LEGAL;
                reasons.add(new Reason("risk word: '" + hit.text() + "'", Math.max(points, 1), 0));
            }
        }
        score += risk;

        if (vipHandles.contains(normaliseHandle(post.author().handle()))) {
            score += VIP;
            reasons.add(new Reason("VIP author", VIP, 1));
        }

        Long followers = post.author().followers();
        if (followers != null && followers >= 10_000) {
            int points = Math.min(FOLLOWER_CAP, (int) Math.floor(Math.log10(followers)) - 3);
            score += points;
            reasons.add(new Reason(formatFollowers(followers) + " followers", points, 2));
        }

        if (kind == Kind.COMPLAINT || kind == Kind.QUESTION) {
            List<PhraseMatcher.Hit<Integer>> swears = SWEARING.findAll(text.tokens);
            if (!swears.isEmpty()) {
                score += 1;
                reasons.add(new Reason("swearing: '" + swears.get(0).text() + "'", 1, 3));
            }
            if (isShouting(text)) {
                score += 1;
                reasons.add(new Reason("shouting (all caps)", 1, 4));
            }
            if (text.longestExclamationRun >= 2 || text.exclamationMarks >= 3) {
                score += 1;
                reasons.add(new Reason("repeated '!'", 1, 5));
            }
        }

        Priority priority = tier(score);
        if ((kind == Kind.COMPLIMENT || kind == Kind.OTHER) && !serious && priority.isAtLeast(Priority.HIGH)) {
            priority = Priority.NORMAL;
        }
        reasons.sort(Comparator.comparingInt(Reason::points).reversed().thenComparingInt(Reason::order));
        return new PriorityAssessment(
                priority, score, reasons.stream().map(Reason::text).toList());
    }

    /** The tier for a raw score, using the documented thresholds. */
    public static Priority tier(int score) {
        if (score <= LOW_MAX) {
            return Priority.LOW;
        }
        if (score <= NORMAL_MAX) {
            return Priority.NORMAL;
        }
        return score <= HIGH_MAX ? Priority.HIGH : Priority.URGENT;
    }

    /** {@code 950}, {@code 12.4k}, {@code 1.2M}: one decimal, rounded down, {@code .0} dropped. */
    static String formatFollowers(long followers) {
        if (followers < 1_000) {
            return Long.toString(followers);
        }
        boolean millions = followers >= 1_000_000;
        BigDecimal value = BigDecimal.valueOf(followers)
                .divide(BigDecimal.valueOf(millions ? 1_000_000 : 1_000))
                .setScale(1, RoundingMode.DOWN)
                .stripTrailingZeros();
        return value.toPlainString() + (millions ? "M" : "k");
    }

    private static boolean isShouting(PostText text) {
        int caps = text.wordsInCapitals;
        return caps >= 4 || (caps >= 2 && caps * 2 >= text.wordsOfThreeOrMoreLetters);
    }

    private static String normaliseHandle(String handle) {
        String h = handle.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("@") ? h.substring(1) : h;
    }

    /** A reason with its points and a tie-break order (risk, VIP, followers, language). */
    private record Reason(String text, int points, int order) {}

    private static Map<String, Integer> riskWords() {
        Map<String, Integer> map = new HashMap<>();
        WordLists.weighted("risk", MONEY).forEach((phrase, points) -> map.put(phrase, points.intValue()));
        return map;
    }

    private static Map<String, Integer> swearWords() {
        Map<String, Integer> map = new HashMap<>();
        WordLists.lines("swearing").forEach(word -> map.put(word, 1));
        return map;
    }
}
