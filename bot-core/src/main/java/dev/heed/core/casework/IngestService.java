package dev.heed.core.casework;

import dev.heed.core.casework.IngestResult.Status;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.classification.Classification;
import dev.heed.core.classification.LanguageGuesser;
import dev.heed.core.classification.PastReplies;
import dev.heed.core.classification.PostClassifier;
import dev.heed.core.classification.PriorityAssessment;
import dev.heed.core.classification.PriorityScorer;
import dev.heed.core.classification.ReplySuggester;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import dev.heed.core.sla.DeadlinePolicy;
import dev.heed.core.sla.NudgeLadder;
import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Turns a post into a case: dedupe on (source, native id), attach follow-ups, classify, prioritise, suggest
 * replies, start the deadline, and write the case, its post and the outbox rows for its cards in one transaction.
 * Safe to call again with the same post: the second call changes nothing and reports {@link Status#DUPLICATE}.
 */
public final class IngestService {
    /** Longest post text kept; longer texts are cut (the permalink leads to the whole post). */
    public static final int MAX_TEXT = 40_000;

    private static final int MAX_ATTEMPTS = 10;
    private static final LanguageGuesser LANGUAGES = new LanguageGuesser();

    private final Db db;
    private final Clock clock;
    private final CaseStore store;
    private final OutboxWriter outbox;
    private final Deadlines deadlines;
    private final PostClassifier classifier;
    private final PriorityScorer scorer;
    private final ReplySuggester suggester;
    private final RouteTable routes;
    private final Storms storms;

    /** Without storm mode: every case gets its own card. */
    public IngestService(
            Db db,
            Clock clock,
            DeadlinePolicy policy,
            NudgeLadder ladder,
            PostClassifier classifier,
            PriorityScorer scorer,
            ReplySuggester suggester,
            RouteTable routes) {
        this(
                db,
                clock,
                policy,
                ladder,
                classifier,
                scorer,
                suggester,
                routes,
                new Storms(db, clock, StormSettings.off()));
    }

    public IngestService(
            Db db,
            Clock clock,
            DeadlinePolicy policy,
            NudgeLadder ladder,
            PostClassifier classifier,
            PriorityScorer scorer,
            ReplySuggester suggester,
            RouteTable routes,
            Storms storms) {
        this.db = db;
        this.clock = clock;
        this.store = new CaseStore(db);
        this.outbox = new OutboxWriter(db);
        this.deadlines = new Deadlines(policy, ladder);
        this.classifier = classifier;
        this.scorer = scorer;
        this.suggester = suggester;
        this.routes = routes;
        this.storms = storms;
    }

    public IngestResult ingest(Post incoming) {
        return ingest(incoming, null);
    }

    /**
     * Ingests a post whose source already says what kind it is ({@code declaredKind}, e.g. a webhook's {@code kind}
     * field); the classifier's reasons are kept as a second opinion. A null kind means "classify it".
     */
    public IngestResult ingest(Post incoming, Kind declaredKind) {
        Post post = fitted(incoming);
        Optional<Long> known = store.caseIdForPost(post.source(), post.nativeId());
        if (known.isPresent()) {
            return new IngestResult(Status.DUPLICATE, known.get());
        }
        // Classification and suggestions are pure and may take a moment: do them outside the transaction.
        Classification classification = declared(classifier.classify(post), declaredKind, post.source());
        PriorityAssessment priority = scorer.assess(post, classification);
        List<SuggestedReply> suggestions = withPastReply(post, classification, suggester.suggest(post, classification));
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(() -> store(post, classification, priority, suggestions));
            } catch (DuplicateKeyException raced) {
                // The same post arrived twice at once; the other call committed it.
                return store.caseIdForPost(post.source(), post.nativeId())
                        .map(id -> new IngestResult(Status.DUPLICATE, id))
                        .orElseThrow(() -> raced);
            } catch (OptimisticLockingFailureException changing) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw changing;
                }
            }
        }
    }

    /**
     * Ingests a post inside the caller's transaction (for example a feed source that commits a page of posts and
     * its checkpoint together, inside {@link Db#inTransaction}). Unlike {@link #ingest(Post, Kind)} it does not
     * retry: a lost race (the same post committed at once elsewhere, a case changed while a follow-up attached)
     * fails the caller's transaction, which then runs again from its start.
     */
    public IngestResult ingestWithinTransaction(Post incoming, Kind declaredKind) {
        Post post = fitted(incoming);
        Optional<Long> known = store.caseIdForPost(post.source(), post.nativeId());
        if (known.isPresent()) {
            return new IngestResult(Status.DUPLICATE, known.get());
        }
        Classification classification = declared(classifier.classify(post), declaredKind, post.source());
        return store(
                post, classification, scorer.assess(post, classification), suggester.suggest(post, classification));
    }

    /**
     * Records {@code incoming} as another sighting of the post behind case {@code caseId} (the same post seen
     * through another source, or re-published under a new id): the post joins the case and the audit trail says so;
     * the case's state, deadline and follow-up count stay as they are. Runs inside the caller's transaction. Answers
     * {@link Status#DUPLICATE} when this post (source and native id) is already stored.
     */
    public IngestResult attachSighting(long caseId, Post incoming) {
        Post post = fitted(incoming);
        Optional<Long> known = store.caseIdForPost(post.source(), post.nativeId());
        if (known.isPresent()) {
            return new IngestResult(Status.DUPLICATE, known.get());
        }
        if (store.load(caseId).isEmpty()) {
            throw new IllegalArgumentException("there is no case #" + caseId);
        }
        Instant now = clock.instant();
        store.insertPost(caseId, post, now);
        store.audit(
                caseId, now, CaseStore.SYSTEM_ACTOR, "SEEN_AGAIN", "post " + post.nativeId() + " on " + post.source());
        return new IngestResult(Status.ATTACHED, caseId);
    }

    private IngestResult store(
            Post post, Classification classification, PriorityAssessment priority, List<SuggestedReply> suggestions) {
        if (post.permalink() != null) {
            // The same post seen through another source (a webhook relaying what a feed already brought, say).
            Optional<Long> same = store.caseIdForPermalink(post.permalink(), post.source());
            if (same.isPresent()) {
                return attachSighting(same.get(), post);
            }
        }
        Instant now = clock.instant();
        String authorKey = CaseStore.authorKey(post.author());
        String threadKey = post.threadKey();
        if (threadKey != null) {
            Optional<CareCase> open = store.findByThread(post.source(), authorKey, threadKey);
            if (open.isPresent()) {
                return followUp(open.get(), post, now);
            }
        }
        CareCase c = new CareCase();
        c.kind = classification.kind();
        c.confidence = classification.confidence();
        c.kindReasons = classification.reasons();
        c.priority = priority.priority();
        c.priorityScore = priority.score();
        c.priorityReasons = priority.reasons();
        c.state = CaseState.NEW;
        c.source = post.source();
        c.authorKey = authorKey;
        c.threadKey = threadKey != null ? threadKey : post.nativeId();
        c.detectedAt = now;
        deadlines.start(c, now);
        c.firstDueAt = c.dueAt;
        long id = store.insert(c);
        store.insertPost(id, post, now);
        store.insertSuggestions(id, suggestions);
        List<ChannelRef> channels = routes.channelsFor(post.source(), c.kind);
        store.insertTargets(id, channels);
        store.audit(
                id,
                now,
                CaseStore.SYSTEM_ACTOR,
                "DETECTED",
                c.kind.word() + ", " + c.priority.name().toLowerCase(java.util.Locale.ROOT) + " priority, from "
                        + post.source());
        for (ChannelRef channel : channels) {
            if (!storms.absorb(id, c.source, c.priority, channel, now)) {
                outbox.card(id, channel, now);
            }
        }
        return new IngestResult(Status.CREATED, id);
    }

    private IngestResult followUp(CareCase c, Post post, Instant now) {
        store.insertPost(c.id, post, now);
        c.followUps++;
        Status status = Status.ATTACHED;
        String action = "FOLLOW_UP";
        if (c.state == CaseState.RESPONDED || c.state == CaseState.RESOLVED) {
            c.state = c.owner == null ? CaseState.NEW : CaseState.CLAIMED;
            c.resolvedAt = null;
            c.snoozedUntil = null;
            c.deadlineNo++;
            deadlines.start(c, now);
            status = Status.REOPENED;
            action = "REOPENED";
        }
        if (!store.update(c)) {
            throw new OptimisticLockingFailureException(
                    "case #" + c.id + " changed while a follow-up attached; the post will be retried");
        }
        store.audit(c.id, now, CaseStore.SYSTEM_ACTOR, action, "post " + post.nativeId());
        for (ChannelRef channel : store.targets(c.id)) {
            outbox.card(c.id, channel, now);
        }
        return new IngestResult(status, c.id);
    }

    /** Puts the team's own earlier reply to an alike post first, keeping three suggestions at most. */
    private List<SuggestedReply> withPastReply(
            Post post, Classification classification, List<SuggestedReply> templates) {
        if (classification.kind() == Kind.OTHER) {
            return templates;
        }
        List<PastReplies.Answered> answered = db.sql()
                .sql("""
                        SELECT c.id, p.text, p.author_name, p.author_handle, c.reply_text
                        FROM (SELECT id, reply_text, first_response_at FROM care_case
                              WHERE first_response_at > ? AND kind = ?
                              ORDER BY first_response_at DESC LIMIT 1000) c
                        JOIN post p ON p.id = (SELECT MIN(first.id) FROM post first WHERE first.case_id = c.id)
                        WHERE c.reply_text IS NOT NULL
                        ORDER BY c.first_response_at DESC LIMIT 300
                        """)
                // The team's replies among the 1,000 cases of this kind answered last: a bounded read, also when most
                // answers were given outside Heed (no reply text), where a filter on the text alone would read every
                // answered case for each new post. A range, not IS NOT NULL: the index on first_response_at then
                // skips the unanswered cases instead of reading each one.
                .param(Db.ts(java.time.Instant.EPOCH))
                .param(classification.kind().name())
                .query((rs, n) -> new PastReplies.Answered(
                        rs.getLong("id"),
                        rs.getString("text"),
                        rs.getString("author_name") != null
                                ? rs.getString("author_name")
                                : rs.getString("author_handle"),
                        rs.getString("reply_text")))
                .list();
        return PastReplies.suggest(post, answered)
                .map(past -> {
                    List<SuggestedReply> all = new ArrayList<>();
                    all.add(past);
                    all.addAll(templates.subList(0, Math.min(2, templates.size())));
                    return List.copyOf(all);
                })
                .orElse(templates);
    }

    private static Classification declared(Classification classified, Kind declaredKind, String source) {
        if (declaredKind == null) {
            return classified;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("kind given by source '" + source + "'");
        if (classified.kind() != declaredKind) {
            reasons.add("the classifier said " + classified.kind().word());
        }
        return new Classification(declaredKind, 1.0, reasons);
    }

    /** Cuts an overlong text and fills in the language when the source did not say. */
    private static Post fitted(Post post) {
        String language = post.language() != null ? post.language() : LANGUAGES.guess(post.text());
        if (post.text().length() <= MAX_TEXT && java.util.Objects.equals(language, post.language())) {
            return post;
        }
        return new Post(
                post.source(),
                post.nativeId(),
                post.network(),
                post.author(),
                Db.clip(post.text(), MAX_TEXT),
                language,
                post.createdAt(),
                post.permalink(),
                post.conversationRef(),
                post.inReplyTo());
    }
}
