package dev.heed.core.classification;

import dev.heed.core.model.Post;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "Used before": when a new post resembles one the team already answered, offers the team's own earlier reply,
 * addressed to the new author and fitted to the network's limit. Resemblance is the overlap of content words
 * (function words like "the" or "my" do not count).
 */
public final class PastReplies {
    /** Share of content words two posts must have in common (Jaccard) to count as alike. */
    static final double ALIKE = 0.3;

    private PastReplies() {}

    /**
     * A post the team answered.
     *
     * @param caseId its case
     * @param text the post's text
     * @param authorName what the reply called its author (display name or handle)
     * @param reply the reply the team recorded
     */
    public record Answered(long caseId, String text, String authorName, String reply) {
        public Answered {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The earlier reply to the most alike answered post, if any is alike enough. */
    public static Optional<SuggestedReply> suggest(Post post, List<Answered> answered) {
        Set<String> words = contentWords(post.text());
        if (words.size() < 2) {
            return Optional.empty();
        }
        Answered best = null;
        double bestScore = 0;
        for (Answered candidate : answered) {
            Set<String> theirs = contentWords(candidate.text());
            Set<String> shared = new HashSet<>(words);
            shared.retainAll(theirs);
            Set<String> union = new HashSet<>(words);
            union.addAll(theirs);
            double score = union.isEmpty() ? 0 : (double) shared.size() / union.size();
            if (shared.size() >= 2 && score >= ALIKE && score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String reply = best.reply();
        String newName = firstName(post.author().nameOrHandle());
        if (best.authorName() != null && !best.authorName().isBlank()) {
            reply = replaceWord(replaceWord(reply, best.authorName(), newName), firstName(best.authorName()), newName);
        }
        return Optional.of(new SuggestedReply(
                "Used before (case #" + best.caseId() + ")",
                Graphemes.cutOnWord(reply, post.network().replyLimit())));
    }

    static Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>();
        for (PostText.Token token : PostText.of(text).tokens) {
            if (token.key().length() >= 3 && !LanguageGuesser.isCommonWord(token.text()) && !token.hashtag()) {
                words.add(token.key());
            }
        }
        return words;
    }

    /** Replaces {@code name} where it stands as a whole word ("Al" in "Also" stays). */
    static String replaceWord(String text, String name, String replacement) {
        if (name.isBlank()) {
            return text;
        }
        return text.replaceAll(
                "(?<![\\p{L}\\p{N}_])" + java.util.regex.Pattern.quote(name) + "(?![\\p{L}\\p{N}_])",
                java.util.regex.Matcher.quoteReplacement(replacement));
    }

    private static String firstName(String name) {
        String trimmed = name.strip();
        if (trimmed.startsWith("@")) {
            return trimmed;
        }
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }
}
