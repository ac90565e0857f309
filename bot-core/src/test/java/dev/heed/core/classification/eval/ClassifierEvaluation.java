package dev.heed.core.classification.eval;

import dev.heed.core.classification.Classification;
import dev.heed.core.classification.LabelledText;
import dev.heed.core.classification.LexiconClassifier;
import dev.heed.core.classification.ModelClassifier;
import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Scores the shipped classifier on the evaluation data in {@code ../shared/data} (never used for training) beside
 * the plain keyword rules and a VADER-style lexicon baseline ({@link VaderStyleBaseline}), measured in the same run: airline tweets as three classes (negative = complaint,
 * positive = compliment, neutral = question or other), complaint precision/recall/F1, question F1 on the tweet-act
 * set, and throughput on one core. The airline figures are also given for its even and odd rows: compare variants
 * on the even rows and read the odd rows as the held-out result. It also cross-validates the model on its own
 * corpus and checks that no corpus line shares an 8-word run with the airline set (failing if one does). Run with {@code ./mvnw -B -Peval -pl bot-core -am verify}.
 */
public final class ClassifierEvaluation {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private ClassifierEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data")
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(data.resolve("airline"))) {
            throw new IllegalArgumentException("evaluation data not found under " + data
                    + " (pass the folder that holds airline/ and tweet-acts/)");
        }
        List<String[]> airline = airline(data.resolve("airline/Tweets.csv"));
        List<String[]> acts = tweetActs(data.resolve("tweet-acts/TWEET_DATA.csv"));
        List<LabelledText> corpus = ModelClassifier.shippedCorpus();
        int overlapping =
                CorpusOverlap.check(corpus, airline.stream().map(row -> row[0]).toList());

        long start = System.nanoTime();
        ModelClassifier model = ModelClassifier.trainDefault();
        long trainMillis = (System.nanoTime() - start) / 1_000_000;
        LexiconClassifier rules = new LexiconClassifier();
        VaderStyleBaseline vader = new VaderStyleBaseline();

        System.out.printf(
                Locale.ROOT,
                "%nHeed classifier evaluation (model trained on %d shipped examples in %d ms)%n",
                model.trainedOn(),
                trainMillis);
        System.out.printf(Locale.ROOT, "airline: %d tweets; tweet-acts: %d tweets%n", airline.size(), acts.size());
        System.out.println("VADER-style = VADER-style lexicon baseline, own word list (VADER's rules: negation, "
                + "intensifiers, caps, 'but', '!'; compound +-0.05; question = contains '?'), not VADER's lexicon.");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %12s %13s %12s%n", "figure", "VADER-style", "keyword rules", "model");
        Report v = report(airline, acts, p -> vader.classify(p.text()));
        Report r = report(airline, acts, rules::classify);
        Report m = report(airline, acts, model::classify);
        row("airline 3-class accuracy", v.airline.accuracy, r.airline.accuracy, m.airline.accuracy);
        row("airline 3-class macro-F1", v.airline.macroF1, r.airline.macroF1, m.airline.macroF1);
        row("  macro-F1, even rows (tuning half)", v.even.macroF1, r.even.macroF1, m.even.macroF1);
        row("  macro-F1, odd rows (held-out half)", v.odd.macroF1, r.odd.macroF1, m.odd.macroF1);
        row(
                "complaint precision",
                v.airline.precision("complaint"),
                r.airline.precision("complaint"),
                m.airline.precision("complaint"));
        row(
                "complaint recall",
                v.airline.recall("complaint"),
                r.airline.recall("complaint"),
                m.airline.recall("complaint"));
        row(
                "  complaint recall, odd rows (held-out)",
                v.odd.recall("complaint"),
                r.odd.recall("complaint"),
                m.odd.recall("complaint"));
        row("complaint F1", v.airline.f1("complaint"), r.airline.f1("complaint"), m.airline.f1("complaint"));
        row("compliment F1", v.airline.f1("compliment"), r.airline.f1("compliment"), m.airline.f1("compliment"));
        row("neutral F1", v.airline.f1("neutral"), r.airline.f1("neutral"), m.airline.f1("neutral"));
        row("question F1 (tweet-acts)", v.question[2], r.question[2], m.question[2]);
        row("question precision", v.question[0], r.question[0], m.question[0]);
        row("question recall", v.question[1], r.question[1], m.question[1]);
        double vaderSpeed = throughput(airline, p -> vader.classify(p.text()));
        double rulesSpeed = throughput(airline, rules::classify);
        double modelSpeed = throughput(airline, model::classify);
        System.out.printf(
                Locale.ROOT, "%-40s %12.0f %13.0f %12.0f%n", "posts/s, one thread", vaderSpeed, rulesSpeed, modelSpeed);
        System.out.println();
        double[] cv = CorpusCrossValidation.run(corpus, 5);
        System.out.printf(
                Locale.ROOT,
                "model on its own corpus, 5-fold cross-validation (4 kinds): accuracy %.3f, macro-F1 %.3f%n",
                cv[0],
                cv[1]);
        System.out.printf(
                Locale.ROOT,
                "corpus check: %d of %d corpus lines share an 8-word run with the airline set%n",
                overlapping,
                corpus.size());
        System.out.println();
        System.out.println("Targets: airline macro-F1 >= 0.75, complaint recall >= 0.80, question F1 >= 0.75, "
                + ">= 2,000 posts/s on one core.");
        if (overlapping > 0) {
            throw new IllegalStateException(overlapping
                    + " corpus line(s) share an 8-word run with the evaluation data: rewrite them in the project's"
                    + " own words");
        }
    }

    private record Report(Scores airline, Scores even, Scores odd, double[] question) {}

    private static Report report(
            List<String[]> airline, List<String[]> acts, Function<Post, Classification> classifier) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (String[] row : airline) {
            gold.add(row[1]);
            predicted.add(three(classifier.apply(post(row[0])).kind()));
        }
        List<String> labels = List.of("complaint", "compliment", "neutral");
        Scores scores = new Scores(labels, gold, predicted);
        Scores even = new Scores(labels, every(gold, 0), every(predicted, 0));
        Scores odd = new Scores(labels, every(gold, 1), every(predicted, 1));
        List<String> actGold = new ArrayList<>();
        List<String> actPredicted = new ArrayList<>();
        for (String[] row : acts) {
            actGold.add(row[1].equals("QUE") ? "q" : "-");
            Classification c = classifier.apply(post(row[0]));
            boolean question =
                    c.kind() == Kind.QUESTION || c.reasons().stream().anyMatch(r -> r.startsWith("also a question"));
            actPredicted.add(question ? "q" : "-");
        }
        return new Report(scores, even, odd, Scores.prf("q", actGold, actPredicted));
    }

    /** Every second item, starting at {@code first}. */
    private static List<String> every(List<String> items, int first) {
        List<String> out = new ArrayList<>();
        for (int i = first; i < items.size(); i += 2) {
            out.add(items.get(i));
        }
        return out;
    }

    private static String three(Kind kind) {
        return switch (kind) {
            case COMPLAINT -> "complaint";
            case COMPLIMENT -> "compliment";
            case QUESTION, OTHER -> "neutral";
        };
    }

    private static double throughput(List<String[]> airline, Function<Post, Classification> classifier) {
        List<Post> posts = airline.stream().map(row -> post(row[0])).toList();
        for (int i = 0; i < 2; i++) { // warm-up
            posts.forEach(classifier::apply);
        }
        long start = System.nanoTime();
        int rounds = 3;
        for (int i = 0; i < rounds; i++) {
            posts.forEach(classifier::apply);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return rounds * posts.size() / seconds;
    }

    private static void row(String figure, double vader, double rules, double model) {
        System.out.printf(Locale.ROOT, "%-40s %12.3f %13.3f %12.3f%n", figure, vader, rules, model);
    }

    private static Post post(String text) {
        return new Post("eval", "1", Network.X, Author.of("eval"), text, null, EPOCH, null, null, null);
    }

    private static List<String[]> airline(Path file) throws IOException {
        List<List<String>> rows = Csv.read(file);
        List<String> header = rows.get(0);
        int text = header.indexOf("text");
        int sentiment = header.indexOf("airline_sentiment");
        List<String[]> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String label = switch (row.get(sentiment)) {
                case "negative" -> "complaint";
                case "positive" -> "compliment";
                default -> "neutral";
            };
            out.add(new String[] {row.get(text), label});
        }
        return out;
    }

    private static List<String[]> tweetActs(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (List<String> row : Csv.read(file)) {
            if (row.size() >= 2) {
                out.add(new String[] {row.get(0), row.get(row.size() - 1).strip()});
            }
        }
        return out;
    }
}
