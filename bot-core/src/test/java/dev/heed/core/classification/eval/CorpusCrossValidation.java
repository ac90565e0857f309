package dev.heed.core.classification.eval;

import dev.heed.core.classification.LabelledText;
import dev.heed.core.classification.ModelClassifier;
import dev.heed.core.model.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * k-fold cross-validation of the model on the shipped corpus alone (no evaluation data involved): the honest
 * place to compare settings. Folds are drawn with a fixed seed, so the figures repeat.
 */
final class CorpusCrossValidation {
    private CorpusCrossValidation() {}

    /** Accuracy and macro-F1 over the four kinds. */
    static double[] run(List<LabelledText> corpus, int folds) {
        List<LabelledText> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(7));
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledText> train = new ArrayList<>();
            List<LabelledText> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == fold ? test : train).add(shuffled.get(i));
            }
            ModelClassifier model = ModelClassifier.train(train);
            for (LabelledText example : test) {
                gold.add(example.kind().name());
                predicted.add(model.classify(example.text()).kind().name());
            }
        }
        Scores scores = new Scores(Arrays.stream(Kind.values()).map(Kind::name).toList(), gold, predicted);
        return new double[] {scores.accuracy, scores.macroF1};
    }
}
