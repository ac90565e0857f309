package dev.heed.core.casework;

import dev.heed.core.classification.Classification;
import dev.heed.core.classification.LabelledText;
import dev.heed.core.classification.ModelClassifier;
import dev.heed.core.classification.PostClassifier;
import dev.heed.core.model.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classifier that learns each team's language: the shipped corpus plus the team's own labels
 * ({@link TeamLabels}), refitted in-process when enough new labels have come in. Classification always uses the
 * latest fitted model; a refit builds a new one beside it and swaps it in, so classifying never waits. The first fit
 * runs on a thread of its own, so that the application starts without waiting for it; only a post classified
 * before it is done waits (about a second).
 */
public final class LearningClassifier implements PostClassifier {
    private final TeamLabels labels;
    private final List<LabelledText> corpus;
    private final AtomicReference<Fitted> current = new AtomicReference<>();
    private final CompletableFuture<Void> firstFit;

    public LearningClassifier(TeamLabels labels, List<LabelledText> corpus) {
        this.labels = labels;
        this.corpus = List.copyOf(corpus);
        this.firstFit = CompletableFuture.runAsync(this::refit, runnable -> {
            Thread thread = new Thread(runnable, "heed-classifier-fit");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public Classification classify(Post post) {
        return fitted().model.classify(post);
    }

    private Fitted fitted() {
        Fitted fitted = current.get();
        if (fitted == null) {
            firstFit.join(); // a failure of the first fit surfaces here, on every call, rather than never
            fitted = current.get();
        }
        return fitted;
    }

    /** Refits when at least {@code minimumNew} labels arrived since the last fit; returns whether it did. */
    public boolean refitIfNeeded(int minimumNew) {
        long now = labels.count();
        if (now - fitted().labels >= minimumNew) {
            refit();
            return true;
        }
        return false;
    }

    /** Fits a new model on the corpus and every team label now, and starts using it. */
    public synchronized void refit() {
        List<LabelledText> team = labels.all();
        List<LabelledText> all = new ArrayList<>(corpus.size() + team.size() * 3);
        all.addAll(corpus);
        // A team's own label counts three times: it is about this brand, in this team's words.
        for (int i = 0; i < 3; i++) {
            all.addAll(team);
        }
        current.set(new Fitted(ModelClassifier.train(all), team.size()));
    }

    /** How many team labels the model in use learnt from. */
    public long labelsLearnt() {
        return fitted().labels;
    }

    private record Fitted(ModelClassifier model, long labels) {}
}
