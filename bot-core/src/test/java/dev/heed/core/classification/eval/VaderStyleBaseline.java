package dev.heed.core.classification.eval;

import dev.heed.core.classification.Classification;
import dev.heed.core.model.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plain lexicon baseline in the manner of VADER (Hutto and Gilbert, 2014), for the evaluation only: a valence
 * word list ({@code valence.txt} next to this class, written by the project, about 300 words and emoticons),
 * negation (a negator up to three words before flips and damps a word), intensifiers and dampeners ("very",
 * "slightly"), a boost for a word in capitals in a post that is not all capitals, "but" (what follows counts more),
 * exclamation marks, and the normalised compound score {@code sum / sqrt(sum^2 + 15)}. Compound at most -0.05 is
 * negative (a complaint), at least 0.05 positive (a compliment), anything between neutral. Questions: a post with
 * a question mark is a question unless it is negative, following the same precedence as Heed (complaint &gt;
 * question &gt; compliment &gt; other). This is not VADER's own lexicon: it is our word list with VADER's rules.
 */
final class VaderStyleBaseline {
    private static final double INTENSIFY = 0.293;
    private static final double CAPS = 0.733;
    private static final double NEGATE = -0.74;
    private static final double ALPHA = 15;

    private static final Set<String> NEGATORS = Set.of(
            "not",
            "no",
            "never",
            "none",
            "nobody",
            "nothing",
            "nowhere",
            "neither",
            "nor",
            "cannot",
            "without",
            "don't",
            "dont",
            "doesn't",
            "doesnt",
            "didn't",
            "didnt",
            "isn't",
            "isnt",
            "wasn't",
            "wasnt",
            "aren't",
            "arent",
            "weren't",
            "werent",
            "won't",
            "wont",
            "wouldn't",
            "wouldnt",
            "can't",
            "cant",
            "couldn't",
            "couldnt",
            "shouldn't",
            "shouldnt",
            "haven't",
            "havent",
            "hasn't",
            "hasnt",
            "ain't",
            "aint",
            "hardly",
            "barely",
            "rarely",
            "seldom");

    private static final Map<String, Double> BOOSTERS = boosters();

    private final Map<String, Double> valence;
    private final List<Map.Entry<String, Double>> prefixes;

    VaderStyleBaseline() {
        Map<String, Double> exact = new HashMap<>();
        List<Map.Entry<String, Double>> prefix = new ArrayList<>();
        String resource = "valence.txt";
        try (InputStream in = VaderStyleBaseline.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list missing from the test classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("# ")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 2) {
                    throw new IllegalStateException(resource + " line " + number + ": expected word<TAB>valence");
                }
                double value = Double.parseDouble(fields[1]);
                if (fields[0].endsWith("*")) {
                    prefix.add(Map.entry(fields[0].substring(0, fields[0].length() - 1), value));
                } else {
                    exact.put(fields[0], value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        this.valence = Map.copyOf(exact);
        this.prefixes = List.copyOf(prefix);
    }

    /** The normalised compound score, -1 (most negative) to 1 (most positive). */
    double compound(String text) {
        List<String> raw = tokens(text);
        boolean allCaps = raw.stream().filter(VaderStyleBaseline::hasLetters).allMatch(VaderStyleBaseline::isCaps);
        List<String> words = raw.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        int but = words.indexOf("but");
        double sum = 0;
        for (int i = 0; i < words.size(); i++) {
            Double v = lookup(words.get(i));
            if (v == null || BOOSTERS.containsKey(words.get(i))) {
                continue;
            }
            double s = v;
            if (!allCaps && isCaps(raw.get(i)) && hasLetters(raw.get(i))) {
                s += Math.signum(s) * CAPS;
            }
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                Double boost = BOOSTERS.get(words.get(i - back));
                if (boost != null) {
                    double scaled = boost * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
                    s += Math.signum(s) * scaled;
                }
                if (NEGATORS.contains(words.get(i - back))) {
                    s *= NEGATE;
                    break;
                }
            }
            if (but >= 0) {
                s *= i < but ? 0.5 : i > but ? 1.5 : 1;
            }
            sum += s;
        }
        long exclamations = text.chars().filter(c -> c == '!').count();
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(4, exclamations) * 0.292;
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    Classification classify(String text) {
        double c = compound(text);
        boolean question = text.indexOf('?') >= 0;
        Kind kind;
        if (c <= -0.05) {
            kind = Kind.COMPLAINT;
        } else if (question) {
            kind = Kind.QUESTION;
        } else if (c >= 0.05) {
            kind = Kind.COMPLIMENT;
        } else {
            kind = Kind.OTHER;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "compound %.2f", c));
        if (question && kind != Kind.QUESTION) {
            reasons.add("also a question (contains '?')");
        }
        return new Classification(kind, Math.min(1, Math.abs(c)), reasons);
    }

    private Double lookup(String word) {
        Double v = valence.get(word);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, Double> prefix : prefixes) {
            if (word.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    /** Whitespace-separated words with surrounding punctuation removed; emoticons and emoji kept as words. */
    private List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String chunk : text.split("\\s+")) {
            if (chunk.isEmpty() || chunk.startsWith("@") || chunk.startsWith("http")) {
                continue;
            }
            if (valence.containsKey(chunk)) { // an emoticon such as :) or <3
                out.add(chunk);
                continue;
            }
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < chunk.length(); ) {
                int cp = chunk.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetterOrDigit(cp) || cp == '\'' || cp == '’') {
                    word.appendCodePoint(cp == '’' ? '\'' : cp);
                } else if (valence.containsKey(new String(Character.toChars(cp)))) {
                    flush(word, out);
                    out.add(new String(Character.toChars(cp)));
                } else {
                    flush(word, out);
                }
            }
            flush(word, out);
        }
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean hasLetters(String word) {
        return word.chars().anyMatch(Character::isLetter);
    }

    private static boolean isCaps(String word) {
        return word.chars().filter(Character::isLetter).count() >= 2 && word.equals(word.toUpperCase(Locale.ROOT));
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> map = new HashMap<>();
        for (String up : List.of(
                "very",
                "really",
                "so",
                "extremely",
                "absolutely",
                "totally",
                "completely",
                "incredibly",
                "super",
                "most",
                "more",
                "too",
                "highly",
                "truly",
                "utterly",
                "seriously",
                "hugely",
                "especially",
                "such")) {
            map.put(up, INTENSIFY);
        }
        for (String down : List.of(
                "slightly", "somewhat", "kinda", "little", "bit", "fairly", "quite", "partly", "marginally", "sorta")) {
            map.put(down, -INTENSIFY);
        }
        return Map.copyOf(map);
    }
}
