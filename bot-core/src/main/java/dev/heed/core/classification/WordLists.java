package dev.heed.core.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word lists shipped as resources next to this package ({@code complaint.txt}, {@code risk.txt}...): one entry a
 * line, {@code #} starts a comment. Read once, at class initialisation of the code that uses them.
 */
final class WordLists {

    private WordLists() {}

    /** The non-blank, non-comment lines of a list, stripped. */
    static List<String> lines(String name) {
        String resource = name + ".txt";
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list missing from the classpath: " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int hash = line.indexOf('#');
                String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!entry.isEmpty()) {
                    lines.add(entry);
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }

    /** Entries of the form {@code phrase} or {@code phrase=weight}, in file order. */
    static Map<String, Double> weighted(String name, double defaultWeight) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (String line : lines(name)) {
            int eq = line.lastIndexOf('=');
            String phrase = eq > 0 ? line.substring(0, eq).strip() : line;
            double weight = defaultWeight;
            if (eq > 0) {
                try {
                    weight = Double.parseDouble(line.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("bad weight in " + name + ".txt: " + line, e);
                }
            }
            if (map.put(phrase, weight) != null) {
                throw new IllegalStateException("duplicate entry in " + name + ".txt: " + phrase);
            }
        }
        return map;
    }

    /** A set of words given as one space-separated string, in matching form (lower case, no accents). */
    static Set<String> keys(String spaceSeparated) {
        Set<String> set = new HashSet<>();
        for (String word : spaceSeparated.strip().split("\\s+")) {
            set.add(PostText.key(word));
        }
        return Set.copyOf(set);
    }
}
