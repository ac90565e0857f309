package dev.heed.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.testing.MutableClock;
import dev.heed.core.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LeasesTest {
    final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
    final Db db = database();

    /** The embedded H2; {@link LeasesOnPostgresTest} runs the same on PostgreSQL. */
    Db database() {
        return TestDatabase.db();
    }

    Leases instance(String name) {
        return new Leases(db, clock, name, Duration.ofSeconds(30));
    }

    @Test
    void oneInstanceHoldsALeaseUntilItStopsRenewingThenAnotherTakesItOver() {
        Leases a = instance("a");
        Leases b = instance("b");

        assertThat(a.hold("source:rss")).isTrue();
        assertThat(b.hold("source:rss")).isFalse();
        assertThat(b.hold("source:other")).isTrue();

        clock.advance(Duration.ofSeconds(20));
        assertThat(a.hold("source:rss")).as("renewed").isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(b.hold("source:rss"))
                .as("a renewed 20 s ago, so it holds it for 10 s more")
                .isFalse();
        assertThat(b.holderOf("source:rss")).contains("a");

        clock.advance(Duration.ofSeconds(11)); // a died: no renewal for 31 s
        assertThat(b.hold("source:rss")).isTrue();
        assertThat(a.hold("source:rss")).as("a came back; b holds it now").isFalse();
        assertThat(a.holderOf("source:rss")).contains("b");
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        Leases a = instance("a");
        Leases b = instance("b");
        assertThat(a.hold("discord-events")).isTrue();

        b.release("discord-events"); // not b's: nothing happens
        assertThat(b.hold("discord-events")).isFalse();

        a.release("discord-events");
        assertThat(a.holderOf("discord-events")).isEmpty();
        assertThat(b.hold("discord-events")).isTrue();
    }

    @Test
    void whenManyInstancesReachForAFreeOrExpiredLeaseAtOnceExactlyOneGetsIt() throws Exception {
        assertThat(racers("fresh")).isEqualTo(1);

        instance("old").hold("expired");
        clock.advance(Duration.ofMinutes(1));
        assertThat(racers("expired")).isEqualTo(1);
    }

    private long racers(String lease) throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Leases mine = instance(lease + "-racer-" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return mine.hold(lease);
                }));
            }
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
