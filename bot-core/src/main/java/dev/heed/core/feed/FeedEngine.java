package dev.heed.core.feed;

import dev.heed.core.casework.IngestResult;
import dev.heed.core.casework.IngestService;
import dev.heed.core.casework.TeamNotices;
import dev.heed.core.model.Post;
import dev.heed.core.support.Db;
import dev.heed.core.support.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Runs the configured feed sources. Each {@link #tick()} (re)opens streams that are down, polls every source whose
 * time has come and checks for silent sources. A poll fetches page after page from the source's checkpoint; each
 * page's new posts, their cards and the advanced checkpoint commit in one transaction that first checks the
 * checkpoint's version, so a second worker on the same source changes nothing, and a crash before the commit simply
 * polls the same page again. Failures back off exponentially with jitter (never sooner than the API's
 * {@code Retry-After}); the first failure alerts the team once, the first success after it says so once.
 */
public final class FeedEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedEngine.class);
    /** The size of source_checkpoint.state. */
    static final int MAX_CHECKPOINT = 20_000;

    /**
     * Engine-wide settings.
     *
     * @param backoffBase wait after the first failure; doubles with each further failure
     * @param backoffMax longest wait between attempts
     * @param zone the business's time zone, for "today"
     */
    public record Settings(Duration backoffBase, Duration backoffMax, ZoneId zone) {
        public static Settings defaults(ZoneId zone) {
            return new Settings(Duration.ofSeconds(30), Duration.ofMinutes(30), zone);
        }
    }

    private final Db db;
    private final Clock clock;
    private final IngestService ingest;
    private final TeamNotices notices;
    private final Settings settings;
    private final DoubleSupplier random;
    private final FeedStore store;
    private final Leases leases;
    private final Map<String, Registration> sources = new LinkedHashMap<>();

    /**
     * @param random numbers in [0, 1) for the backoff jitter (a seeded source in tests)
     * @param leases this instance's leases: a source is polled (and streamed) only by the instance that holds its
     *     lease, so that several instances on one database do not all call the same API
     */
    public FeedEngine(
            Db db,
            Clock clock,
            IngestService ingest,
            TeamNotices notices,
            Settings settings,
            DoubleSupplier random,
            Leases leases) {
        this.leases = leases;
        this.db = db;
        this.clock = clock;
        this.ingest = ingest;
        this.notices = notices;
        this.settings = settings;
        this.random = random;
        this.store = new FeedStore(db);
    }

    /** An engine that runs alone on its database. */
    public FeedEngine(
            Db db, Clock clock, IngestService ingest, TeamNotices notices, Settings settings, DoubleSupplier random) {
        this(db, clock, ingest, notices, settings, random, new Leases(db, clock, "local", Duration.ofMinutes(1)));
    }

    /** Adds a source; its health row is created on the first tick. */
    public synchronized void register(PollingSource source, SourceSettings sourceSettings) {
        if (sources.containsKey(source.id())) {
            throw new IllegalArgumentException("two sources share the id '" + source.id() + "'");
        }
        sources.put(source.id(), new Registration(source, sourceSettings, leases.gate(leaseName(source.id()))));
    }

    /** One round: streams, due polls, silence. Returns how many new posts came in by polling. */
    public int tick() {
        maintainStreams();
        int added = pollDue();
        checkSilence();
        return added;
    }

    /** Polls every source whose next poll is due. */
    public int pollDue() {
        int added = 0;
        for (Registration registration : registrations()) {
            if (clock.instant().isBefore(registration.holdUntil)) {
                continue;
            }
            try {
                if (!registration.lease.getAsBoolean()) {
                    continue; // another instance polls this source
                }
                added += poll(registration, false);
                registration.databaseFailures = 0;
            } catch (DataAccessException database) {
                // Nothing was committed: the same page is polled again, after a pause so that a database outage
                // does not turn into a request every tick against the source's API.
                registration.databaseFailures++;
                registration.holdUntil = clock.instant().plus(backoff(registration.databaseFailures));
                log.warn("Source '{}': could not store its poll: {}", registration.source.id(), database.toString());
            }
        }
        return added;
    }

    /** Polls one source now, whether due or not (for tests and a manual "poll now"). */
    public int pollNow(String sourceId) {
        Registration registration = registration(sourceId);
        return poll(registration, true);
    }

    private int poll(Registration r, boolean force) {
        synchronized (r) {
            Instant now = clock.instant();
            String id = r.source.id();
            FeedStore.Health health = healthOrCreate(r, now);
            if (!force && health.nextPollAt().isAfter(now)) {
                return 0;
            }
            FeedStore.Stored stored = checkpointOrCreate(r, now);
            int added = 0;
            for (int page = 1; ; page++) {
                PollResult result;
                try {
                    result = r.source.poll(stored.checkpoint());
                } catch (SourceException failure) {
                    handle(r, failure, clock.instant());
                    return added;
                } catch (RuntimeException bug) {
                    // A connector bug must not stop the other sources.
                    handle(
                            r,
                            new SourceException(SourceException.Reason.MALFORMED, bug.toString(), bug),
                            clock.instant());
                    return added;
                }
                if (result.next().encode().length() > MAX_CHECKPOINT) {
                    handle(
                            r,
                            new SourceException(
                                    SourceException.Reason.MALFORMED,
                                    "the connector's checkpoint is over " + MAX_CHECKPOINT + " characters"),
                            clock.instant());
                    return added;
                }
                Instant at = clock.instant();
                boolean last = !result.more() || page >= r.settings.maxPagesPerPoll();
                Instant next = result.more() ? at : at.plus(r.settings.interval());
                Optional<Integer> committed;
                try {
                    committed = commitPage(r, stored, result, at, next);
                } catch (org.springframework.dao.DataIntegrityViolationException unfit) {
                    // The page's data cannot be stored (nothing was): a source error to show, not an outage to retry.
                    handle(
                            r,
                            new SourceException(
                                    SourceException.Reason.MALFORMED,
                                    "a post of this page does not fit the database (" + rootCause(unfit) + ")",
                                    unfit),
                            clock.instant());
                    return added;
                }
                if (committed.isEmpty()) {
                    log.info("Source '{}': another worker advanced the checkpoint first; this page is dropped", id);
                    return added;
                }
                added += committed.get();
                stored = new FeedStore.Stored(result.next(), stored.version() + 1, stored.createdAt());
                if (last) {
                    return added;
                }
            }
        }
    }

    /** Commits a page; empty when the checkpoint's version moved (nothing is written then). */
    private Optional<Integer> commitPage(
            Registration r, FeedStore.Stored from, PollResult result, Instant now, Instant nextPollAt) {
        String id = r.source.id();
        return db.inTransaction(() -> {
            if (!store.advance(id, from.version(), result.next(), now)) {
                return Optional.<Integer>empty();
            }
            int added = ingestItems(r, result.items(), now);
            boolean wasAlerted =
                    store.health(id).map(FeedStore.Health::alertOpen).orElse(false);
            store.succeeded(id, now, added > 0, nextPollAt);
            if (wasAlerted) {
                notices.post("Source '" + id + "' (" + r.source.type() + ") works again and has caught up.", now);
            }
            return Optional.of(added);
        });
    }

    private int ingestItems(Registration r, List<FeedItem> items, Instant now) {
        String id = r.source.id();
        int added = 0;
        for (FeedItem item : items) {
            Post post = fitted(item.post());
            if (!post.source().equals(id)) {
                throw new IllegalStateException(
                        "source '" + id + "' delivered a post of source '" + post.source() + "'");
            }
            if (store.itemExists(id, post.nativeId())) {
                continue;
            }
            String linkPrint = item.linkIdentifies() ? Fingerprints.link(post.permalink()) : null;
            String textPrint = Fingerprints.text(post.text());
            Optional<Long> same =
                    store.caseForSamePost(linkPrint, textPrint, item.linkIdentifies() ? post.permalink() : null);
            IngestResult result = same.isPresent()
                    ? ingest.attachSighting(same.get(), post)
                    : ingest.ingestWithinTransaction(post, item.declaredKind());
            store.insertItem(id, post.nativeId(), result.caseId(), linkPrint, textPrint, item.replyRef(), now);
            if (result.isNew()) {
                added++;
            }
        }
        return added;
    }

    /**
     * Keeps a post within the columns' sizes: long names are cut, an over-long native id is hashed, over-long links
     * and references dropped.
     */
    static Post fitted(Post post) {
        dev.heed.core.model.Author a = post.author();
        dev.heed.core.model.Author author = new dev.heed.core.model.Author(
                Db.clip(a.handle(), 300), Db.clip(a.displayName(), 300), a.followers(), upTo(a.profileUrl(), 2000));
        return new Post(
                post.source(),
                Fingerprints.nativeId(post.nativeId()),
                post.network(),
                author,
                post.text(),
                upTo(post.language(), 16),
                post.createdAt(),
                upTo(post.permalink(), 2000),
                upTo(post.conversationRef(), 500),
                upTo(post.inReplyTo(), 500));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String upTo(String value, int max) {
        return value == null || value.length() > max ? null : value;
    }

    private void handle(Registration r, SourceException failure, Instant now) {
        String id = r.source.id();
        if (failure.deferred()) {
            store.pollAt(id, failure.retryAt());
            return;
        }
        db.inTransaction(() -> {
            FeedStore.Health health = store.health(id).orElseThrow();
            int failures = health.failures() + 1;
            Instant next = now.plus(backoff(failures));
            if (failure.retryAt() != null && failure.retryAt().isAfter(next)) {
                next = failure.retryAt();
            }
            boolean alert = !health.alertOpen();
            store.failed(id, failure.getMessage(), now, next, true);
            if (alert) {
                notices.post(
                        "Source '" + id + "' (" + r.source.type() + ") is not working: " + failure.getMessage()
                                + ". Heed keeps retrying and catches up from where it stopped; you will hear when it"
                                + " works again.",
                        now);
            }
        });
        log.warn("Source '{}' failed: {}", id, failure.getMessage());
    }

    /** Exponential backoff with jitter: base * 2^(n-1), capped, then a random 50 % to 100 % of that. */
    Duration backoff(int failures) {
        long base = settings.backoffBase().toMillis();
        long capped =
                Math.min(settings.backoffMax().toMillis(), base * (1L << Math.min(20, Math.max(0, failures - 1))));
        double factor = 0.5 + 0.5 * random.getAsDouble();
        return Duration.ofMillis((long) (capped * factor));
    }

    private void checkSilence() {
        Instant now = clock.instant();
        for (Registration r : registrations()) {
            Duration silentAfter = r.settings.silentAfter();
            if (silentAfter == null) {
                continue;
            }
            String id = r.source.id();
            try {
                db.inTransaction(() -> {
                    Optional<FeedStore.Health> health = store.health(id);
                    if (health.isEmpty() || health.get().silentAlertOpen()) {
                        return;
                    }
                    Instant since = health.get().lastItemAt() != null
                            ? health.get().lastItemAt()
                            : health.get().createdAt();
                    if (Duration.between(since, now).compareTo(silentAfter) > 0) {
                        store.silentAlert(id, true);
                        notices.post(
                                "Source '" + id + "' (" + r.source.type() + ") has brought no new post for "
                                        + human(Duration.between(since, now)) + " (heed.sources[n].silent-after is "
                                        + human(silentAfter) + "). Is it still set up right?",
                                now);
                    }
                });
            } catch (DataAccessException database) {
                log.warn("Source '{}': could not check for silence: {}", id, database.toString());
            }
        }
    }

    static String leaseName(String sourceId) {
        return "source:" + sourceId;
    }

    private void maintainStreams() {
        Instant now = clock.instant();
        for (Registration r : registrations()) {
            if (!(r.source instanceof StreamingSource streaming) || !streaming.streaming()) {
                continue;
            }
            if (!r.lease.getAsBoolean()) {
                closeStream(r); // another instance streams this source
                continue;
            }
            synchronized (r.streamLock) {
                if ((r.stream != null && r.stream.isOpen()) || now.isBefore(r.streamRetryAt)) {
                    continue;
                }
                r.stream = streaming.open(new Listener(r));
            }
        }
    }

    private final class Listener implements StreamingSource.StreamListener {
        private final Registration r;

        Listener(Registration r) {
            this.r = r;
        }

        @Override
        public void opened() {
            synchronized (r.streamLock) {
                r.streamFailures = 0;
            }
            // No replay on reconnect: catch up from the last committed checkpoint on the next tick.
            store.pollAt(r.source.id(), clock.instant());
        }

        @Override
        public void items(List<FeedItem> items) {
            commitStreamed(r, items);
        }

        @Override
        public void closed(SourceException failure) {
            synchronized (r.streamLock) {
                r.streamFailures++;
                r.streamRetryAt = clock.instant().plus(backoff(r.streamFailures));
            }
            if (failure != null) {
                log.info("Source '{}': stream ended ({}); reconnecting later", r.source.id(), failure.getMessage());
            }
        }
    }

    /** Ingests items a stream pushed; the checkpoint stays (the next poll covers them again and drops repeats). */
    int commitStreamed(Registration r, List<FeedItem> items) {
        synchronized (r) {
            Instant now = clock.instant();
            healthOrCreate(r, now);
            checkpointOrCreate(r, now);
            return db.inTransaction(() -> {
                store.lock(r.source.id());
                int added = ingestItems(r, items, now);
                if (added > 0) {
                    store.itemsArrived(r.source.id(), now);
                }
                return added;
            });
        }
    }

    /** Every registered source with its health, for {@code /care sources} and {@code GET /api/sources}. */
    public List<SourceStatus> statuses() {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, settings.zone())
                .atStartOfDay(settings.zone())
                .toInstant();
        List<SourceStatus> out = new ArrayList<>();
        for (Registration r : registrations()) {
            String id = r.source.id();
            Optional<FeedStore.Health> health = store.health(id);
            out.add(new SourceStatus(
                    id,
                    r.source.type(),
                    health.map(FeedStore.Health::healthy).orElse(true),
                    health.map(FeedStore.Health::lastError).orElse(null),
                    health.map(FeedStore.Health::lastErrorAt).orElse(null),
                    health.map(FeedStore.Health::failures).orElse(0),
                    health.map(FeedStore.Health::lastSuccessAt).orElse(null),
                    health.map(FeedStore.Health::lastItemAt).orElse(null),
                    store.itemsSince(id, midnight),
                    health.map(FeedStore.Health::nextPollAt).orElse(now),
                    health.map(FeedStore.Health::silentAlertOpen).orElse(false)));
        }
        return out;
    }

    /** How many streams are connected right now. */
    public int streamsOpen() {
        int open = 0;
        for (Registration r : registrations()) {
            synchronized (r.streamLock) {
                if (r.stream != null && r.stream.isOpen()) {
                    open++;
                }
            }
        }
        return open;
    }

    /** Closes the open streams and gives up this instance's source leases, so that another instance takes over. */
    @Override
    public void close() {
        for (Registration r : registrations()) {
            closeStream(r);
            r.lease.release();
        }
    }

    private static void closeStream(Registration r) {
        synchronized (r.streamLock) {
            if (r.stream != null) {
                r.stream.close();
                r.stream = null;
            }
        }
    }

    private FeedStore.Health healthOrCreate(Registration r, Instant now) {
        Optional<FeedStore.Health> health = store.health(r.source.id());
        if (health.isPresent()) {
            return health.get();
        }
        try {
            store.insertHealth(r.source.id(), r.source.type(), now);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another worker created it
        }
        return store.health(r.source.id()).orElseThrow();
    }

    private FeedStore.Stored checkpointOrCreate(Registration r, Instant now) {
        Optional<FeedStore.Stored> stored = store.checkpoint(r.source.id());
        if (stored.isPresent()) {
            return stored.get();
        }
        Checkpoint initial = r.source.initial(now.minus(r.settings.lookBack()));
        try {
            store.insertCheckpoint(r.source.id(), initial, now);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another worker made the first connect
        }
        return store.checkpoint(r.source.id()).orElseThrow();
    }

    private synchronized List<Registration> registrations() {
        return List.copyOf(sources.values());
    }

    private synchronized Registration registration(String id) {
        Registration r = sources.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no source '" + id + "'");
        }
        return r;
    }

    private static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = d.toHours();
        return hours < 48 ? hours + " h" : d.toDays() + " days";
    }

    static final class Registration {
        final PollingSource source;
        final SourceSettings settings;
        final Object streamLock = new Object();
        volatile Instant holdUntil = Instant.MIN;
        volatile int databaseFailures;
        /** Open while this instance holds the source's lease: only then does it poll and stream the source. */
        final Leases.Gate lease;

        StreamingSource.StreamHandle stream;
        int streamFailures;
        Instant streamRetryAt = Instant.MIN;

        Registration(PollingSource source, SourceSettings settings, Leases.Gate lease) {
            this.source = source;
            this.settings = settings;
            this.lease = lease;
        }
    }
}
