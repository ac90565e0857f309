package dev.heed.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.casework.TeamNotices;
import dev.heed.core.feed.SourceException.Reason;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.support.Leases;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.RecordingChatPort;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FeedEngineTest {
    final Casework work = casework();
    private final FeedEngine engine = engine();

    /** The casework on the embedded H2; {@link FeedEngineOnPostgresTest} runs the same tests on PostgreSQL. */
    Casework casework() {
        return new Casework();
    }

    private FeedEngine engine() {
        return instance("local");
    }

    /** The engine of one of several instances sharing the database. */
    private FeedEngine instance(String name) {
        return new FeedEngine(
                work.db,
                work.clock,
                work.ingest,
                new TeamNotices(work.db, List.of(Casework.CHANNEL)),
                FeedEngine.Settings.defaults(ZoneOffset.UTC),
                () -> 0.5,
                new Leases(work.db, work.clock, name, Duration.ofSeconds(30)));
    }

    @Test
    void withSeveralInstancesOneAtATimePollsASourceAndAnotherTakesOverWithoutGapWhenItDies() {
        FeedEngine a = instance("a");
        FeedEngine b = instance("b");
        NumberedSource seenByA = new NumberedSource("shared");
        NumberedSource seenByB = new NumberedSource("shared");
        seenByA.available.addAll(List.of(1, 2, 3));
        seenByB.available.addAll(List.of(1, 2, 3));
        a.register(seenByA, SourceSettings.every(Duration.ofSeconds(10)));
        b.register(seenByB, SourceSettings.every(Duration.ofSeconds(10)));

        for (int round = 0; round < 3; round++) {
            a.tick();
            b.tick();
            work.clock.advance(Duration.ofSeconds(10));
        }
        assertThat(seenByA.polls).isPositive();
        assertThat(seenByB.polls)
                .as("b leaves the source to a while a renews its lease")
                .isZero();

        // a dies (no more ticks, no release); new posts keep arriving.
        seenByB.available.addAll(List.of(4, 5));
        work.clock.advance(Duration.ofSeconds(5));
        b.tick();
        assertThat(seenByB.polls).as("a's lease has not expired yet").isZero();
        work.clock.advance(Duration.ofSeconds(30));
        b.tick();

        assertThat(seenByB.polls).isPositive();
        assertThat(cases()).as("posts 1 to 5, each once").isEqualTo(5);
        assertThat(checkpoint("shared")).isEqualTo("last=5");
    }

    @Test
    void aCleanShutdownHandsTheSourceOverAtOnce() {
        FeedEngine a = instance("a");
        FeedEngine b = instance("b");
        NumberedSource seenByA = new NumberedSource("shared");
        NumberedSource seenByB = new NumberedSource("shared");
        seenByB.available.add(1);
        a.register(seenByA, SourceSettings.every(Duration.ofSeconds(10)));
        b.register(seenByB, SourceSettings.every(Duration.ofSeconds(10)));
        a.tick();

        a.close();
        work.clock.advance(Duration.ofSeconds(10)); // the next poll is due; a's lease would last 20 s more
        b.tick();

        assertThat(seenByB.polls).isPositive();
        assertThat(cases()).isEqualTo(1);
    }

    /** A source that serves numbered posts after the checkpoint's "last" number, a page at a time. */
    static class NumberedSource implements PollingSource {
        final String id;
        final List<Integer> available = new ArrayList<>();
        int pageSize = 2;
        int polls;
        Instant since;
        SourceException failWith;
        Runnable duringPoll = () -> {};
        Function<Integer, String> link = n -> "https://social.example/@ana/" + n;

        NumberedSource(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String type() {
            return "fake";
        }

        @Override
        public Checkpoint initial(Instant since) {
            this.since = since;
            return Checkpoint.of(Map.of("last", "0"));
        }

        @Override
        public PollResult poll(Checkpoint from) throws SourceException {
            polls++;
            duringPoll.run();
            if (failWith != null) {
                throw failWith;
            }
            int last = Integer.parseInt(from.get("last"));
            List<FeedItem> items = new ArrayList<>();
            int newest = last;
            for (int n : available) {
                if (n > last && items.size() < pageSize) {
                    items.add(FeedItem.of(post(n)));
                    newest = n;
                }
            }
            boolean more = available.stream().anyMatch(n -> n > last) && items.size() == pageSize;
            return new PollResult(items, from.with("last", Integer.toString(newest)), more);
        }

        Post post(int n) {
            return new Post(
                    id,
                    "n" + n,
                    Network.MASTODON,
                    new Author("@ana" + n, "Ana", 10L, null),
                    "complaint: this is post number " + n + " from source " + id,
                    "en",
                    Instant.parse("2026-11-23T08:00:00Z"),
                    link.apply(n),
                    null,
                    null);
        }
    }

    private long cases() {
        return work.db
                .sql()
                .sql("SELECT COUNT(*) FROM care_case")
                .query(Long.class)
                .single();
    }

    private long outboxCards() {
        return work.db
                .sql()
                .sql("SELECT COUNT(*) FROM outbox WHERE kind = 'CARD'")
                .query(Long.class)
                .single();
    }

    private String checkpoint(String id) {
        return work.db
                .sql()
                .sql("SELECT state FROM source_checkpoint WHERE source_id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private List<String> notices() {
        work.dispatcher.deliverDue();
        return work.chat.events(RecordingChatPort.Noticed.class).stream()
                .map(RecordingChatPort.Noticed::text)
                .toList();
    }

    @Test
    void pagesThroughEverythingNewAndCommitsCardsWithTheCheckpoint() {
        NumberedSource source = new NumberedSource("feed");
        source.available.addAll(List.of(1, 2, 3, 4, 5));
        engine.register(source, SourceSettings.every(Duration.ofMinutes(1)));

        assertThat(engine.tick()).isEqualTo(5);

        assertThat(cases()).isEqualTo(5);
        assertThat(outboxCards()).isEqualTo(5);
        assertThat(checkpoint("feed")).isEqualTo("last=5");
        assertThat(source.polls).isEqualTo(3);
    }

    @Test
    void aClockFinerThanTheDatabaseStillPollsOnTheFirstTick() {
        work.clock.set(Instant.parse("2026-11-23T09:00:00.123456789Z"));
        NumberedSource source = new NumberedSource("feed");
        source.available.add(1);
        engine.register(source, SourceSettings.every(Duration.ofMinutes(1)));

        assertThat(engine.tick()).isEqualTo(1);
    }

    @Test
    void firstConnectStartsTheLookBackBeforeNow() {
        NumberedSource source = new NumberedSource("feed");
        engine.register(source, SourceSettings.every(Duration.ofMinutes(1)).withLookBack(Duration.ofHours(6)));

        engine.tick();

        assertThat(source.since).isEqualTo(work.clock.instant().minus(Duration.ofHours(6)));
    }

    @Test
    void pollsEachSourceOnItsOwnInterval() {
        NumberedSource fast = new NumberedSource("fast");
        NumberedSource slow = new NumberedSource("slow");
        engine.register(fast, SourceSettings.every(Duration.ofMinutes(1)));
        engine.register(slow, SourceSettings.every(Duration.ofMinutes(10)));

        engine.tick();
        work.advance(Duration.ofSeconds(59));
        engine.tick();
        assertThat(fast.polls).isEqualTo(1);
        work.advance(Duration.ofSeconds(1));
        engine.tick();
        work.advance(Duration.ofMinutes(1));
        engine.tick();

        assertThat(fast.polls).isEqualTo(3);
        assertThat(slow.polls).isEqualTo(1);
    }

    @Test
    void aRestartAfterACrashBeforeTheCommitRepollsWithoutGapOrDuplicate() {
        NumberedSource source = new NumberedSource("feed");
        source.available.addAll(List.of(1, 2, 3));
        engine.register(source, SourceSettings.every(Duration.ofMinutes(1)));
        engine.tick();
        // The "crash": the next page was fetched but never committed; a new engine (a restart) starts over.
        source.available.addAll(List.of(4, 5));
        source.duringPoll = () -> {
            throw new IllegalStateException("killed mid-poll");
        };
        engine.tick();
        work.advance(Duration.ofMinutes(5));

        FeedEngine restarted = engine();
        NumberedSource again = new NumberedSource("feed");
        again.available.addAll(List.of(1, 2, 3, 4, 5));
        restarted.register(again, SourceSettings.every(Duration.ofMinutes(1)));
        restarted.tick();

        List<String> ids = work.db
                .sql()
                .sql("SELECT native_id FROM post ORDER BY native_id")
                .query(String.class)
                .list();
        assertThat(ids).containsExactly("n1", "n2", "n3", "n4", "n5");
        assertThat(checkpoint("feed")).isEqualTo("last=5");
    }

    @Test
    void aSecondWorkerCannotAdvanceTheSameCheckpoint() {
        NumberedSource mine = new NumberedSource("feed");
        mine.available.addAll(List.of(1, 2));
        FeedEngine other = engine();
        NumberedSource theirs = new NumberedSource("feed");
        theirs.available.addAll(List.of(1, 2));
        other.register(theirs, SourceSettings.every(Duration.ofMinutes(1)));
        engine.register(mine, SourceSettings.every(Duration.ofMinutes(1)));
        other.pollNow("feed"); // creates the checkpoint at version 0 ... and advances it to 1
        work.db
                .sql()
                .sql("UPDATE source_checkpoint SET version = 0, state = 'last=0'")
                .update();
        work.db.sql().sql("DELETE FROM feed_item").update();
        // While this engine is fetching, the other worker commits the same page first.
        mine.duringPoll = () -> {
            mine.duringPoll = () -> {};
            work.db
                    .sql()
                    .sql("UPDATE source_checkpoint SET version = version + 1, state = 'last=2'")
                    .update();
        };

        int added = engine.pollNow("feed");

        assertThat(added).isZero();
        assertThat(checkpoint("feed")).isEqualTo("last=2");
        assertThat(work.db
                        .sql()
                        .sql("SELECT COUNT(*) FROM feed_item")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFailingSourceAlertsOnceBacksOffWithJitterAndReportsRecoveryOnce() {
        NumberedSource broken = new NumberedSource("broken");
        NumberedSource fine = new NumberedSource("fine");
        fine.available.add(1);
        broken.failWith = new SourceException(Reason.SERVER_ERROR, "HTTP 503");
        engine.register(broken, SourceSettings.every(Duration.ofMinutes(1)));
        engine.register(fine, SourceSettings.every(Duration.ofMinutes(1)));

        engine.tick();
        assertThat(notices()).singleElement().asString().contains("'broken'", "not working", "server error: HTTP 503");
        assertThat(cases()).isEqualTo(1); // the other source is unaffected
        SourceStatus status = engine.statuses().get(0);
        assertThat(status.healthy()).isFalse();
        assertThat(status.lastError()).isEqualTo("server error: HTTP 503");
        // Backoff: 30 s * 0.75 (jitter 0.5 -> factor 0.75) after the first failure, then 45 s, 90 s ...
        assertThat(status.nextPollAt()).isEqualTo(work.clock.instant().plusMillis(22_500));
        work.advance(Duration.ofSeconds(23));
        engine.tick();
        assertThat(broken.polls).isEqualTo(2);
        assertThat(engine.statuses().get(0).nextPollAt())
                .isEqualTo(work.clock.instant().plusSeconds(45));
        work.advance(Duration.ofSeconds(44));
        engine.tick();
        assertThat(broken.polls).isEqualTo(2);
        assertThat(notices()).hasSize(1);

        broken.failWith = null;
        work.advance(Duration.ofSeconds(1));
        engine.tick();
        work.advance(Duration.ofMinutes(1));
        engine.tick();

        assertThat(notices()).hasSize(2).last().asString().contains("'broken'", "works again");
        assertThat(engine.statuses().get(0).healthy()).isTrue();
    }

    @Test
    void overlongFieldsAreFittedToTheColumnsInsteadOfFailingForever() {
        NumberedSource source = new NumberedSource("feed");
        source.available.add(1);
        source.link = n -> "https://social.example/" + "x".repeat(3000);
        engine.register(source, SourceSettings.every(Duration.ofMinutes(1)));

        assertThat(engine.tick()).isEqualTo(1);
        assertThat(work.db
                        .sql()
                        .sql("SELECT permalink FROM post")
                        .query(String.class)
                        .list())
                .containsOnlyNulls();
    }

    @Test
    void aDatabaseOutageDoesNotTurnIntoARequestEveryTick() {
        NumberedSource source = new NumberedSource("feed");
        source.available.add(1);
        engine.register(source, SourceSettings.every(Duration.ofMinutes(1)));
        engine.tick();
        source.available.add(2);
        work.advance(Duration.ofMinutes(1));
        work.db.sql().sql("ALTER TABLE feed_item RENAME TO feed_item_gone").update();

        engine.tick();
        engine.tick();
        work.advance(Duration.ofSeconds(10));
        engine.tick();
        assertThat(source.polls).isEqualTo(2);

        work.db.sql().sql("ALTER TABLE feed_item_gone RENAME TO feed_item").update();
        work.advance(Duration.ofSeconds(20));
        engine.tick();
        assertThat(source.polls).isEqualTo(3);
        assertThat(cases()).isEqualTo(2);
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheBackoff() {
        NumberedSource limited = new NumberedSource("limited");
        Instant retryAt = work.clock.instant().plus(Duration.ofMinutes(10));
        limited.failWith = new SourceException(Reason.RATE_LIMITED, "HTTP 429", retryAt, false, null);
        engine.register(limited, SourceSettings.every(Duration.ofMinutes(1)));

        engine.tick();

        assertThat(engine.statuses().get(0).nextPollAt()).isEqualTo(retryAt);
    }

    @Test
    void aRequestHeldBackByTheRateLimiterIsNeitherAFailureNorAnAlert() {
        NumberedSource limited = new NumberedSource("limited");
        Instant until = work.clock.instant().plusSeconds(90);
        limited.failWith = SourceException.deferredUntil("api.example", until);
        engine.register(limited, SourceSettings.every(Duration.ofMinutes(1)));

        engine.tick();

        SourceStatus status = engine.statuses().get(0);
        assertThat(status.healthy()).isTrue();
        assertThat(status.nextPollAt()).isEqualTo(until);
        assertThat(notices()).isEmpty();
    }

    @Test
    void aSilentSourceRaisesOneAlertUntilPostsArriveAgain() {
        NumberedSource quiet = new NumberedSource("quiet");
        engine.register(quiet, SourceSettings.every(Duration.ofMinutes(5)).withSilentAfter(Duration.ofHours(1)));
        engine.tick();
        work.advance(Duration.ofMinutes(59));
        engine.tick();
        assertThat(notices()).isEmpty();

        work.advance(Duration.ofMinutes(2));
        engine.tick();
        work.advance(Duration.ofMinutes(30));
        engine.tick();
        assertThat(notices()).singleElement().asString().contains("'quiet'", "no new post for 61 min");
        assertThat(engine.statuses().get(0).silent()).isTrue();

        quiet.available.add(1);
        work.advance(Duration.ofMinutes(5));
        engine.tick();
        assertThat(engine.statuses().get(0).silent()).isFalse();
        assertThat(engine.statuses().get(0).itemsToday()).isEqualTo(1);
    }

    @Test
    void theSamePostThroughTwoSourcesAttachesToOneCase() {
        NumberedSource a = new NumberedSource("mastodon");
        NumberedSource b = new NumberedSource("rss");
        a.available.add(7);
        b.available.add(7);
        b.link = n -> "https://www.social.example/@ana/" + n + "/?utm_source=rss";
        engine.register(a, SourceSettings.every(Duration.ofMinutes(1)));
        engine.register(b, SourceSettings.every(Duration.ofMinutes(1)));

        engine.tick();

        assertThat(cases()).isEqualTo(1);
        assertThat(work.db
                        .sql()
                        .sql("SELECT COUNT(*) FROM post")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(work.views.auditTrail(1))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("SEEN_AGAIN"));
    }

    @Test
    void aRepublishedItemWithANewIdAndTheSameTextAttaches() {
        NumberedSource feed = new NumberedSource("rss");
        feed.available.add(1);
        engine.register(feed, SourceSettings.every(Duration.ofMinutes(1)));
        engine.tick();
        NumberedSource republished = new NumberedSource("rss2") {
            @Override
            Post post(int n) {
                Post p = super.post(1);
                return new Post(
                        "rss2",
                        "guid-new",
                        p.network(),
                        p.author(),
                        "complaint: this is post number 1 from source rss",
                        "en",
                        p.createdAt(),
                        null,
                        null,
                        null);
            }
        };
        republished.available.add(1);
        engine.register(republished, SourceSettings.every(Duration.ofMinutes(1)));

        engine.tick();

        assertThat(cases()).isEqualTo(1);
    }
}
