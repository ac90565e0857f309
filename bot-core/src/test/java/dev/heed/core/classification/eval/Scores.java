package dev.heed.core.classification.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accuracy, per-class precision/recall/F1 and macro-F1 from gold and predicted labels. */
final class Scores {
    final Map<String, double[]> perClass = new LinkedHashMap<>(); // precision, recall, f1
    final double accuracy;
    final double macroF1;

    Scores(List<String> labels, List<String> gold, List<String> predicted) {
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        accuracy = gold.isEmpty() ? 0 : (double) correct / gold.size();
        double sum = 0;
        for (String label : labels) {
            double[] prf = prf(label, gold, predicted);
            perClass.put(label, prf);
            sum += prf[2];
        }
        macroF1 = sum / labels.size();
    }

    double precision(String label) {
        return perClass.get(label)[0];
    }

    double recall(String label) {
        return perClass.get(label)[1];
    }

    double f1(String label) {
        return perClass.get(label)[2];
    }

    static double[] prf(String label, List<String> gold, List<String> predicted) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < gold.size(); i++) {
            boolean g = gold.get(i).equals(label);
            boolean p = predicted.get(i).equals(label);
            if (g && p) {
                tp++;
            } else if (p) {
                fp++;
            } else if (g) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }
}
