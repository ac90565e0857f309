package dev.heed.core.classification;

import dev.heed.core.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over hashed binary features, trained by stochastic gradient descent with a
 * fixed seed (the same data always gives the same model). About 4 MB of weights; trains on a few thousand
 * examples in well under a second. Immutable once trained, so it is safe to share between threads.
 */
final class SoftmaxModel {
    private static final Kind[] KINDS = Kind.values();
    private static final int EPOCHS = 12;
    private static final double RATE = 0.2;
    private static final double L2 = 1e-6;

    private final float[][] weights;

    private SoftmaxModel(float[][] weights) {
        this.weights = weights;
    }

    /** One training example: its features and the index of its kind. */
    record Example(int[] features, int kind) {}

    static SoftmaxModel train(List<Example> examples) {
        float[][] w = new float[KINDS.length][NgramFeatures.DIMENSION];
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(20261123L);
        double[] p = new double[KINDS.length];
        int step = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (Example example : order) {
                double rate = RATE / (1 + 0.5 * step++ / Math.max(1.0, order.size()));
                probabilities(w, example.features(), p);
                for (int k = 0; k < KINDS.length; k++) {
                    double gradient = (k == example.kind() ? 1 : 0) - p[k];
                    float[] row = w[k];
                    for (int f : example.features()) {
                        row[f] += (float) (rate * (gradient - L2 * row[f]));
                    }
                }
            }
        }
        return new SoftmaxModel(w);
    }

    /** Probabilities per kind, in {@link Kind#values()} order. */
    double[] predict(int[] features) {
        double[] p = new double[KINDS.length];
        probabilities(weights, features, p);
        return p;
    }

    /** How much one feature pushes towards {@code kind} against the average of the other kinds. */
    double push(int feature, Kind kind) {
        double own = weights[kind.ordinal()][feature];
        double others = 0;
        for (Kind other : KINDS) {
            if (other != kind) {
                others += weights[other.ordinal()][feature];
            }
        }
        return own - others / (KINDS.length - 1);
    }

    private static void probabilities(float[][] w, int[] features, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < out.length; k++) {
            double score = 0;
            float[] row = w[k];
            for (int f : features) {
                score += row[f];
            }
            out[k] = score;
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
    }
}
