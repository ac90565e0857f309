package dev.heed.core.testing;

import dev.heed.core.casework.CaseCommands;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.casework.IngestResult;
import dev.heed.core.casework.IngestService;
import dev.heed.core.casework.NudgeSweep;
import dev.heed.core.casework.StormSettings;
import dev.heed.core.casework.Storms;
import dev.heed.core.chat.ChatPort;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.classification.PriorityAssessment;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.delivery.DispatchSettings;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.model.Author;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import dev.heed.core.report.CareReports;
import dev.heed.core.sla.BusinessHours;
import dev.heed.core.sla.ClockMode;
import dev.heed.core.sla.DeadlinePolicy;
import dev.heed.core.sla.NudgeLadder;
import dev.heed.core.sla.NudgeSettings;
import dev.heed.core.support.Db;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core's use cases wired together on a fresh in-memory H2 database, a mutable clock and a recording chat port
 * (platform {@code test}, channel {@code test:care}). Always open, UTC, default deadlines: a complaint is due 30
 * minutes after detection, a question 60. A post whose text contains {@code [urgent]} is urgent, any other normal.
 */
public final class Casework {
    public static final ChannelRef CHANNEL = new ChannelRef("test", "care");
    public static final MemberRef ANA = new MemberRef("test", "U-ana", "Ana");
    public static final MemberRef BEN = new MemberRef("test", "U-ben", "Ben");

    public final Db db;
    public final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
    public final RecordingChatPort chat = new RecordingChatPort("test");
    public final DeadlinePolicy policy;
    public final NudgeLadder ladder = new NudgeLadder(NudgeSettings.defaults());
    public final IngestService ingest;
    public final CaseCommands commands;
    public final NudgeSweep sweep;
    public final OutboxDispatcher dispatcher;
    public final CaseViews views;
    public final CareReports reports;
    public final Storms storms;

    private final AtomicInteger ids = new AtomicInteger();

    public Casework() {
        this(TestDatabase.db(), RouteTable.to(CHANNEL), List.of());
    }

    public Casework(Db db, RouteTable routes, List<ChatPort> extraPorts) {
        this(db, routes, extraPorts, StormSettings.off());
    }

    /** With storm mode as {@code stormSettings} says (the other constructors turn it off). */
    public Casework(Db db, RouteTable routes, List<ChatPort> extraPorts, StormSettings stormSettings) {
        this.db = db;
        this.storms = new Storms(db, clock, stormSettings);
        this.policy = new DeadlinePolicy(
                BusinessHours.alwaysOpen(ZoneOffset.UTC), ClockMode.ARRIVAL, DeadlinePolicy.defaultRules());
        this.ingest = new IngestService(
                db,
                clock,
                policy,
                ladder,
                new KeywordClassifier(),
                (post, classification) -> post.text().contains("[urgent]")
                        ? new PriorityAssessment(Priority.URGENT, 9, List.of("marked [urgent]"))
                        : new PriorityAssessment(Priority.NORMAL, 0, List.of()),
                (post, classification) -> List.of(new SuggestedReply("Thanks", "Thanks for telling us.")),
                routes,
                storms);
        this.commands = new CaseCommands(db, clock, policy, ladder);
        this.sweep = new NudgeSweep(db, clock, policy, ladder);
        List<ChatPort> ports = new java.util.ArrayList<>(extraPorts);
        ports.add(chat);
        this.dispatcher = new OutboxDispatcher(
                db,
                clock,
                ports,
                new DispatchSettings(100, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(2)));
        this.views = new CaseViews(db);
        this.reports = new CareReports(db, clock, ZoneOffset.UTC);
    }

    /** A post by {@code handle} whose text carries a kind marker, e.g. {@code "complaint: cold coffee"}. */
    public Post post(String handle, String text) {
        return post(handle, text, null);
    }

    public Post post(String handle, String text, String inReplyTo) {
        String id = "p" + ids.incrementAndGet();
        return new Post(
                "hook",
                id,
                Network.MASTODON,
                new Author(handle, handle.toUpperCase(java.util.Locale.ROOT), 100L, null),
                text,
                "en",
                clock.instant(),
                "https://social.example/@" + handle + "/" + id,
                inReplyTo,
                inReplyTo);
    }

    /** Ingests a post and returns its case id. */
    public long open(String text) {
        IngestResult result = ingest.ingest(post("cust" + ids.incrementAndGet(), text));
        return result.caseId();
    }

    /** Sweeps for nudges and quiet storms, then delivers everything due; the usual tick of the scheduler. */
    public void tick() {
        sweep.run();
        storms.endQuietStorms();
        dispatcher.deliverDue();
    }

    public void advance(Duration amount) {
        clock.advance(amount);
    }
}
