package dev.heed.app;

import dev.heed.app.demo.DemoSource;
import dev.heed.core.casework.LearningClassifier;
import dev.heed.core.casework.NudgeSweep;
import dev.heed.core.casework.Retention;
import dev.heed.core.casework.Storms;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.feed.FeedEngine;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Thin time-driven triggers: each calls one core use case. A failing run is logged and tried on the next tick.
 * {@code heed.scheduling.enabled=false} turns them off (tests drive the use cases by hand).
 */
@Component
@ConditionalOnBooleanProperty(name = "heed.scheduling.enabled", matchIfMissing = true)
class Schedules {
    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    private final NudgeSweep sweep;
    private final Storms storms;
    private final OutboxDispatcher dispatcher;
    private final Optional<DemoSource> demo;
    private final LearningClassifier classifier;
    private final int refitAfter;
    private final FeedEngine feeds;
    private final Retention retention;

    Schedules(
            NudgeSweep sweep,
            Storms storms,
            OutboxDispatcher dispatcher,
            Optional<DemoSource> demo,
            LearningClassifier classifier,
            HeedProperties properties,
            FeedEngine feeds,
            Retention retention) {
        this.retention = retention;
        this.sweep = sweep;
        this.storms = storms;
        this.dispatcher = dispatcher;
        this.demo = demo;
        this.classifier = classifier;
        this.refitAfter = properties.classifier().refitAfter();
        this.feeds = feeds;
    }

    @Scheduled(fixedDelayString = "${heed.classifier.refit-check:60s}", initialDelayString = "60s")
    void refitClassifier() {
        run("classifier refit", () -> {
            if (classifier.refitIfNeeded(refitAfter)) {
                log.info("Classifier refitted with {} labels from the team", classifier.labelsLearnt());
                return 1;
            }
            return 0;
        });
    }

    @Scheduled(fixedDelayString = "${heed.scheduling.sweep-every:10s}", initialDelayString = "1s")
    void sweepNudges() {
        run("nudge sweep", sweep::run);
        run("storm sweep", storms::endQuietStorms);
    }

    @Scheduled(fixedDelayString = "${heed.scheduling.deliver-every:100ms}", initialDelayString = "500ms")
    void deliverOutbox() {
        run("outbox delivery", dispatcher::deliverDue);
    }

    @Scheduled(fixedDelayString = "${heed.scheduling.poll-every:1s}", initialDelayString = "1s")
    void pollSources() {
        demo.filter(d -> !d.finished()).ifPresent(d -> run("demo source", d::poll));
        // Each source keeps its own interval and backoff; the tick only polls those that are due.
        run("feed sources", feeds::tick);
    }

    @Scheduled(fixedDelayString = "${heed.retention.check-every:1h}", initialDelayString = "30s")
    void purgeOldPosts() {
        run("retention purge", () -> {
            int purged = retention.purgeDue();
            if (purged > 0) {
                log.info("Retention: removed the post texts and author details of {} old cases", purged);
            }
            return purged;
        });
    }

    private final java.util.Map<String, Long> lastWarned = new java.util.concurrent.ConcurrentHashMap<>();

    /** Runs one tick; a failure is logged at most once a minute per task, so an outage does not flood the log. */
    private void run(String what, java.util.function.IntSupplier work) {
        try {
            work.getAsInt();
            if (lastWarned.remove(what) != null) {
                log.info("The {} works again", what);
            }
        } catch (RuntimeException failure) {
            long now = System.nanoTime();
            Long last = lastWarned.get(what);
            if (last == null || now - last > java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
                lastWarned.put(what, now);
                log.warn(
                        "The {} failed; it runs again on every tick until it works: {}",
                        what,
                        failure.toString(),
                        failure);
            }
        }
    }
}
