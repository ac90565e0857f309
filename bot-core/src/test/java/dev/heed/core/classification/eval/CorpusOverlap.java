package dev.heed.core.classification.eval;

import dev.heed.core.classification.LabelledText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that the shipped corpus was not copied from the evaluation data: no corpus line may share a run of
 * {@value #RUN} consecutive words (lower-cased, punctuation, mentions and links ignored) with any evaluation text.
 */
final class CorpusOverlap {
    static final int RUN = 8;

    private CorpusOverlap() {}

    /** Prints each offending corpus line and returns how many there are. */
    static int check(List<LabelledText> corpus, List<String> evaluation) {
        Set<String> runs = new HashSet<>();
        for (String text : evaluation) {
            runs.addAll(runs(text));
        }
        int offending = 0;
        for (LabelledText line : corpus) {
            for (String run : runs(line.text())) {
                if (runs.contains(run)) {
                    offending++;
                    System.out.println("corpus line shares '" + run + "' with the evaluation data: " + line.text());
                    break;
                }
            }
        }
        return offending;
    }

    static List<String> runs(String text) {
        List<String> words = new ArrayList<>();
        for (String chunk : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (chunk.startsWith("@") || chunk.startsWith("http")) {
                continue;
            }
            String word = chunk.replaceAll("[^\\p{L}\\p{N}']", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + RUN <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + RUN)));
        }
        return out;
    }
}
