package dev.heed.core.casework;

import dev.heed.core.classification.Classification;
import dev.heed.core.classification.LabelledText;
import dev.heed.core.classification.ModelClassifier;
import dev.heed.core.classification.PostClassifier;
import dev.heed.core.model.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classifier that learns each team's language: the shipped corpus plus the team's own labels
 * ({@link TeamLabels}), refitted in-process when enough new labels have come in. Classification always uses the
 * latest fitted model; a refit builds a new one beside it and swaps it in, so classifying never waits.
 */
public final class LearningClassifier implements PostClassifier {
    private final TeamLabels labels;
    private final List<LabelledText> corpus;
    private final AtomicReference<Fitted> current = new AtomicReference<>();

    public LearningClassifier(TeamLabels labels, List<LabelledText> corpus) {
        this.labels = labels;
        this.corpus = List.copyOf(corpus);
        refit();
    }

    @Override
    public Classification classify(Post post) {
        return current.get().model.classify(post);
    }

    /** Refits when at least {@code minimumNew} labels arrived since the last fit; returns whether it did. */
    public boolean refitIfNeeded(int minimumNew) {
        long now = labels.count();
        if (now - current.get().labels >= minimumNew) {
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
        return current.get().labels;
    }

    private record Fitted(ModelClassifier model, long labels) {}
}
