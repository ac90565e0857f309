package dev.heed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.heed.app.crash.FakeFeed;
import dev.heed.core.casework.LearningClassifier;
import dev.heed.core.casework.NudgeSweep;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.feed.FeedEngine;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.testing.MutableClock;
import dev.heed.core.testing.RecordingChatPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scheduled triggers (nudge sweep, outbox delivery, feed polling) run on while the database is unreachable,
 * and once it is back they catch up: the missed deadline gets its breach notice, the feed brings the items
 * published meanwhile, and every queued card goes out.
 */
@HeedTest
@Import(SchedulesOutageTest.Wiring.class)
class SchedulesOutageTest {
    private static final FakeFeed FEED = startFeed();

    @DynamicPropertySource
    static void feed(DynamicPropertyRegistry registry) {
        // A list is bound from one property source: repeat @HeedTest's webhook source next to the feed.
        registry.add("heed.sources[0].id", () -> "zapier");
        registry.add("heed.sources[0].type", () -> "webhook");
        registry.add("heed.sources[0].token", () -> HeedTest.WEBHOOK_TOKEN);
        registry.add("heed.sources[1].id", () -> "news");
        registry.add("heed.sources[1].type", () -> "rss");
        registry.add("heed.sources[1].url", FEED::url);
        registry.add("heed.sources[1].interval", () -> "10s");
    }

    @AfterAll
    static void stopFeed() {
        FEED.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    SwitchableDatabase database;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordingChatPort chat;

    @Autowired
    NudgeSweep sweep;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    LearningClassifier classifier;

    @Autowired
    HeedProperties properties;

    @Autowired
    FeedEngine feeds;

    @Autowired
    dev.heed.core.casework.Storms storms;

    @Autowired
    dev.heed.core.casework.Retention retention;

    @Test
    void sweepDeliveryAndPollingSurviveTheOutageAndCatchUp() {
        Schedules schedules =
                new Schedules(sweep, storms, dispatcher, Optional.empty(), classifier, properties, feeds, retention);
        Http http = new Http(port);
        var accepted = http.postJson(
                "/hooks/ingest/zapier",
                "{\"id\": \"s-1\", \"kind\": \"complaint\", \"text\": \"Cold coffee again\","
                        + " \"author_handle\": \"@sam\"}",
                HeedTest.WEBHOOK_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        long complaint = Long.parseLong(accepted.body().replaceAll(".*\"caseId\":(\\d+).*", "$1"));
        FEED.publish(3, clock.instant());
        schedules.pollSources();
        schedules.deliverOutbox();
        assertThat(chat.published()).hasSize(4);
        assertThat(feedPosts()).isEqualTo(3);

        // Down for long enough that the complaint's deadline passes and the feed moves on.
        FEED.publish(2, clock.instant().plusSeconds(60));
        database.down.set(true);
        int fetchesBefore = FEED.fetches();
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThatCode(schedules::sweepNudges).doesNotThrowAnyException();
            assertThatCode(schedules::deliverOutbox).doesNotThrowAnyException();
            assertThatCode(schedules::pollSources).doesNotThrowAnyException();
        }
        assertThat(chat.nudges()).isEmpty();
        assertThat(FEED.fetches())
                .as("the feed is not fetched while its posts cannot be stored")
                .isEqualTo(fetchesBefore);

        // Back: each trigger works again on its next ticks.
        database.down.set(false);
        for (int i = 0;
                i < 60 && (feedPosts() < 5 || pending() > 0 || chat.nudges().isEmpty());
                i++) {
            clock.advance(Duration.ofSeconds(30));
            schedules.sweepNudges();
            schedules.pollSources();
            schedules.deliverOutbox();
        }
        assertThat(feedPosts()).as("feed items, each once").isEqualTo(5);
        // The catch-up may take up to the feed's longest pause (30 min), so a breach repeat can follow.
        assertThat(chat.nudges().stream().filter(n -> n.nudge().caseId() == complaint))
                .extracting(n -> n.nudge().level())
                .as("the missed deadline's breach notice first, quieter steps skipped")
                .startsWith(NudgeLevel.BREACH)
                .doesNotContain(NudgeLevel.REMINDER, NudgeLevel.WARNING);
        assertThat(chat.published()).hasSize(6);
        assertThat(pending()).isZero();
    }

    private long feedPosts() {
        return JdbcClient.create(database)
                .sql("SELECT COUNT(*) FROM post WHERE source = 'news'")
                .query(Long.class)
                .single();
    }

    private long pending() {
        return JdbcClient.create(database)
                .sql("SELECT COUNT(*) FROM outbox")
                .query(Long.class)
                .single();
    }

    private static FakeFeed startFeed() {
        try {
            return new FakeFeed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        SwitchableDatabase dataSource() {
            return new SwitchableDatabase("heed-schedules-outage");
        }
    }
}
