package dev.heed.app.bench;

import static dev.heed.app.bench.BenchTable.ms;
import static dev.heed.app.bench.BenchTable.perSecond;
import static dev.heed.app.bench.BenchTable.ratio;

import dev.heed.app.bench.BenchTable.Row;
import dev.heed.app.bench.BenchTable.Verdict;
import dev.heed.core.classification.LexiconClassifier;
import dev.heed.core.classification.ModelClassifier;
import dev.heed.core.classification.PostClassifier;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Figure 6: posts per second the shipped classifier (the trained model) classifies on one thread, against the
 * keyword/lexicon classifier; and how long {@code java -jar heed.jar classify} takes for one post, against
 * {@code java -version}.
 */
final class ClassifierBenchmark {
    private static final int WARM_UPS = 3;
    private static final int RUNS = 7;

    private final Path jar;

    ClassifierBenchmark(Path jar) {
        this.jar = jar;
    }

    void run(BenchTable table) throws Exception {
        List<Post> posts = Posts.texts().stream().map(ClassifierBenchmark::post).toList();
        Samples model = throughput(ModelClassifier.trainDefault(), posts);
        Samples lexicon = throughput(new LexiconClassifier(), posts);
        table.add(new Row(
                "6. classifier, one thread (" + posts.size() + " corpus posts/run)",
                perSecond(model.median(), "posts"),
                "-",
                perSecond(lexicon.median(), "posts") + " (lexicon)",
                ratio(model.median() / lexicon.median()),
                ">= 2,000 posts/s (the ingest target)",
                Verdict.of(model.median() >= 2_000)));

        Samples classify = Samples.timeMillis(
                1,
                3,
                () -> Processes.runToEnd(
                        "classify",
                        "Still waiting for my refund, 3 weeks now\n".getBytes(StandardCharsets.UTF_8),
                        Processes.java(),
                        "-jar",
                        jar.toString(),
                        "classify"));
        Samples jvm = Samples.timeMillis(
                1, 3, () -> Processes.runToEnd("java -version", new byte[0], Processes.java(), "-version"));
        table.add(new Row(
                "6. `java -jar heed.jar classify`, one post",
                ms(classify.median()),
                "-",
                ms(jvm.median()) + " (`java -version`)",
                ratio(classify.median() / jvm.median()),
                "none set",
                Verdict.INFO));
    }

    /** Posts per second of each measured pass over all posts. */
    private static Samples throughput(PostClassifier classifier, List<Post> posts) {
        return Samples.timeMillis(WARM_UPS, RUNS, () -> {
                    for (Post post : posts) {
                        classifier.classify(post);
                    }
                })
                .perSecond(posts.size());
    }

    private static Post post(String text) {
        return new Post(
                "bench",
                Integer.toHexString(text.hashCode()),
                Network.X,
                new Author("@someone", null, 100L, null),
                text,
                null,
                Instant.EPOCH,
                null,
                null,
                null);
    }
}
