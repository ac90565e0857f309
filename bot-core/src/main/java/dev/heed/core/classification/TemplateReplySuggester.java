package dev.heed.core.classification;

import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The default {@link ReplySuggester}: fills in {@link ReplyTemplate}s for the post's kind, at most three per post.
 *
 * <p>Templates that use {@code {review}} are skipped when the brand has no review link. Templates are chosen by
 * {@link Post#language()} when a set for that language is configured, else the main set is used. {@code {topic}}
 * is found in English posts only, by a simple rule: the first product or service noun the post mentions ("my
 * order" gives "your order", "a chocolate cake" gives "the chocolate cake"); otherwise a neutral word ("this", or
 * "it" in praise).
 *
 * <p>A reply never exceeds {@link dev.heed.core.model.Network#replyLimit()} grapheme clusters: when it is too
 * long the sign-off is dropped first, then the name is shortened and the topic replaced by the neutral word, and
 * as a last resort the reply is cut after a whole word and ends with "…". Immutable and thread-safe.
 */
public final class TemplateReplySuggester implements ReplySuggester {

    private static final int MAX_SUGGESTIONS = 3;
    private static final int SHORT_NAME = 20;
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    /** Fallback words per language: the support channel when none is set, and neutral topics. */
    private record Words(String support, String topic, String praisedTopic) {}

    private static final Words ENGLISH_WORDS = new Words("a direct message", "this", "it");
    private static final Map<String, Words> WORDS = Map.of(
            "es", new Words("mensaje directo", "esto", "eso"),
            "fr", new Words("message privé", "cela", "cela"),
            "de", new Words("Direktnachricht", "das", "das"));

    /** Product and service nouns, from {@code topics.txt}. */
    private static final Set<String> TOPIC_NOUNS = topicNouns();

    private static final Set<String> OWN = Set.of("my", "our");
    private static final Set<String> DETERMINERS = WordLists.keys("my our the this that a an your their his her its");
    private static final Set<String> TITLES = WordLists.keys("dr dr. mr mr. mrs mrs. ms ms. prof prof.");

    /** A template split into literal text and placeholder names, checked once. */
    private record Compiled(String label, List<String> parts, boolean usesReview) {}

    private final BrandSettings brand;
    private final Map<Kind, List<Compiled>> main;
    private final Map<String, Map<Kind, List<Compiled>>> byLanguage;

    /**
     * A suggester that uses the same templates whatever the post's language.
     *
     * @param brand what replies may say about the brand
     * @param templates the templates per kind
     */
    public TemplateReplySuggester(BrandSettings brand, ReplyTemplates templates) {
        this(brand, templates, Map.of());
    }

    /**
     * A suggester with templates per language.
     *
     * @param brand what replies may say about the brand
     * @param templates the templates used when the post's language has no set of its own (or is unknown)
     * @param byLanguage template sets by ISO 639-1 code, e.g. {@code es}; may be empty
     */
    public TemplateReplySuggester(
            BrandSettings brand, ReplyTemplates templates, Map<String, ReplyTemplates> byLanguage) {
        this.brand = Objects.requireNonNull(brand, "brand");
        this.main = compile(Objects.requireNonNull(templates, "templates"));
        Map<String, Map<Kind, List<Compiled>>> languages = new HashMap<>();
        Objects.requireNonNull(byLanguage, "byLanguage").forEach((language, set) -> {
            String code = ReplyTemplates.languageCode(language);
            if (code.isEmpty()) {
                throw new IllegalArgumentException("reply template language must not be blank");
            }
            languages.put(code, compile(Objects.requireNonNull(set, "templates for " + language)));
        });
        this.byLanguage = Map.copyOf(languages);
    }

    /** The default English templates, plus the Spanish, French and German defaults for posts in those languages. */
    public static TemplateReplySuggester withDefaults(BrandSettings brand) {
        return new TemplateReplySuggester(brand, ReplyTemplates.defaults(), ReplyTemplates.defaultTranslations());
    }

    @Override
    public List<SuggestedReply> suggest(Post post, Classification classification) {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(classification, "classification");
        Kind kind = classification.kind();
        String language = ReplyTemplates.languageCode(post.language());
        Map<Kind, List<Compiled>> set = byLanguage.get(language);
        Words words = ENGLISH_WORDS;
        if (set == null) {
            set = main;
        } else {
            words = WORDS.getOrDefault(language, ENGLISH_WORDS);
        }
        String neutralTopic = kind == Kind.COMPLIMENT ? words.praisedTopic() : words.topic();
        String topic = null;
        if (words == ENGLISH_WORDS && (language.isEmpty() || language.equals("en"))) {
            topic = topicOf(PostText.of(post.text()));
        }
        Map<String, String> values = new HashMap<>();
        values.put("name", nameOf(post.author()));
        values.put("brand", brand.name());
        values.put("signoff", brand.signOff());
        values.put("support", brand.supportContact().isBlank() ? words.support() : brand.supportContact());
        values.put("review", brand.reviewLink());
        values.put("topic", topic == null ? neutralTopic : topic);

        int limit = post.network().replyLimit();
        List<SuggestedReply> replies = new ArrayList<>();
        for (Compiled template : set.getOrDefault(kind, List.of())) {
            if (template.usesReview() && brand.reviewLink().isBlank()) {
                continue;
            }
            replies.add(new SuggestedReply(template.label(), fit(template, values, neutralTopic, limit)));
            if (replies.size() == MAX_SUGGESTIONS) {
                break;
            }
        }
        return List.copyOf(replies);
    }

    private static String fit(Compiled template, Map<String, String> values, String neutralTopic, int limit) {
        String reply = render(template, values);
        if (Graphemes.count(reply) <= limit) {
            return reply;
        }
        Map<String, String> shorter = new HashMap<>(values);
        shorter.put("signoff", "");
        reply = render(template, shorter);
        if (Graphemes.count(reply) <= limit) {
            return reply;
        }
        shorter.put("name", Graphemes.cut(values.get("name"), SHORT_NAME));
        shorter.put("topic", neutralTopic);
        reply = render(template, shorter);
        return Graphemes.cutOnWord(reply, limit);
    }

    private static String render(Compiled template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        List<String> parts = template.parts();
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : values.get(parts.get(i)));
        }
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    /** What to call the author: the first word of the display name, else the handle without {@code @} or domain. */
    static String nameOf(Author author) {
        String display = author.displayName();
        if (display != null && !display.isBlank()) {
            for (String word : display.strip().split("\\s+")) {
                if (word.codePoints().anyMatch(Character::isLetter)
                        && !TITLES.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    return word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                }
            }
        }
        String handle = author.handle().strip();
        while (handle.startsWith("@") && handle.length() > 1) {
            handle = handle.substring(1);
        }
        int cut = handle.length();
        for (char stop : new char[] {'@', '.'}) {
            int at = handle.indexOf(stop);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        return handle.substring(0, cut);
    }

    /**
     * The first product or service noun in the post, with the owner made the reader's ("my order" -> "your
     * order") or "the" otherwise, and one describing word when it sits between a determiner and the noun ("a
     * chocolate cake" -> "the chocolate cake"); null when none is found.
     */
    static String topicOf(PostText text) {
        List<PostText.Token> tokens = text.tokens;
        for (int i = 0; i < tokens.size(); i++) {
            int length = 0;
            if (i + 1 < tokens.size()
                    && tokens.get(i + 1).sentence() == tokens.get(i).sentence()
                    && TOPIC_NOUNS.contains(plainForm(
                            tokens.get(i).key() + " " + tokens.get(i + 1).key()))) {
                length = 2;
            } else if (TOPIC_NOUNS.contains(plainForm(tokens.get(i).key()))) {
                length = 1;
            }
            if (length == 0) {
                continue;
            }
            StringBuilder noun = new StringBuilder(tokens.get(i).text());
            if (length == 2) {
                noun.append(' ').append(tokens.get(i + 1).text());
            }
            int sentence = tokens.get(i).sentence();
            String determiner = i > 0 && tokens.get(i - 1).sentence() == sentence
                    ? tokens.get(i - 1).key()
                    : "";
            if (i > 1 && !DETERMINERS.contains(determiner) && isModifier(tokens.get(i - 1))) {
                String before = tokens.get(i - 2).sentence() == sentence
                        ? tokens.get(i - 2).key()
                        : "";
                if (DETERMINERS.contains(before)) {
                    noun.insert(0, tokens.get(i - 1).text() + " ");
                    determiner = before;
                }
            }
            return (OWN.contains(determiner) ? "your " : "the ") + noun;
        }
        return null;
    }

    private static String plainForm(String key) {
        if (TOPIC_NOUNS.contains(key)) {
            return key;
        }
        if (key.endsWith("es") && TOPIC_NOUNS.contains(key.substring(0, key.length() - 2))) {
            return key.substring(0, key.length() - 2);
        }
        if (key.endsWith("s") && TOPIC_NOUNS.contains(key.substring(0, key.length() - 1))) {
            return key.substring(0, key.length() - 1);
        }
        return key;
    }

    private static boolean isModifier(PostText.Token token) {
        String key = token.key();
        return !token.hashtag()
                && key.length() <= 30
                && key.chars().allMatch(Character::isLetter)
                && !LexiconClassifier.isSignalWord(key)
                && !TOPIC_NOUNS.contains(key);
    }

    private static Set<String> topicNouns() {
        Set<String> nouns = new java.util.HashSet<>();
        for (String line : WordLists.lines("topics")) {
            nouns.add(PostText.key(line).replace('-', ' '));
        }
        return Set.copyOf(nouns);
    }

    private static Map<Kind, List<Compiled>> compile(ReplyTemplates templates) {
        Map<Kind, List<Compiled>> compiled = new EnumMap<>(Kind.class);
        templates.byKind().forEach((kind, list) -> {
            List<Compiled> out = new ArrayList<>();
            for (ReplyTemplate template : list) {
                out.add(compile(template));
            }
            compiled.put(kind, List.copyOf(out));
        });
        return Map.copyOf(compiled);
    }

    /** Splits "Hi {name}!" into ["Hi ", "name", "!"]: literals at even, placeholders at odd positions. */
    private static Compiled compile(ReplyTemplate template) {
        String text = template.text();
        List<String> parts = new ArrayList<>();
        boolean review = false;
        int from = 0;
        int open;
        while ((open = text.indexOf('{', from)) >= 0) {
            int close = text.indexOf('}', open);
            String name = text.substring(open + 1, close);
            if (!ReplyTemplate.PLACEHOLDERS.contains(name)) {
                throw new IllegalArgumentException(
                        "reply template '" + template.label() + "' uses unknown placeholder {" + name + "}");
            }
            review |= name.equals("review");
            parts.add(text.substring(from, open));
            parts.add(name);
            from = close + 1;
        }
        parts.add(text.substring(from));
        return new Compiled(template.label(), List.copyOf(parts), review);
    }
}
