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
 * runs on a thread of its own, started by {@link #startFirstFit()} once the application is up: started earlier it
 * takes seconds of CPU from the start-up on a small machine. Only a post classified before it is done waits (about a
 * second); a post classified before it was started starts it.
 */
public final class LearningClassifier implements PostClassifier {
    private final TeamLabels labels;
    private final List<LabelledText> corpus;
    private final AtomicReference<Fitted> current = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Void>> firstFit = new AtomicReference<>();

    public LearningClassifier(TeamLabels labels, List<LabelledText> corpus) {
        this.labels = labels;
        this.corpus = List.copyOf(corpus);
    }

    /** Starts the first fit on a thread of its own, unless it has started already; returns it. */
    public CompletableFuture<Void> startFirstFit() {
        CompletableFuture<Void> fit = new CompletableFuture<>();
        if (!firstFit.compareAndSet(null, fit)) {
            return firstFit.get();
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        refit();
                        fit.complete(null);
                    } catch (Throwable failure) {
                        fit.completeExceptionally(failure);
                    }
                },
                "heed-classifier-fit");
        thread.setDaemon(true);
        thread.start();
        return fit;
    }

    @Override
    public Classification classify(Post post) {
        return fitted().model.classify(post);
    }

    private Fitted fitted() {
        Fitted fitted = current.get();
        if (fitted == null) {
            startFirstFit().join(); // a failure of the first fit surfaces here, on every call, rather than never
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
