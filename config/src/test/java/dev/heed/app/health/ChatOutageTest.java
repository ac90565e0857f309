package dev.heed.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.app.Http;
import dev.heed.core.casework.NudgeSweep;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.testing.MutableClock;
import dev.heed.slack.FakeSlack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with the real Slack adapter against the fake Slack Web API, which answers 503 and then 429
 * (with Retry-After) for five minutes of the test clock while posts keep coming and deadlines pass: health shows
 * chat delivery DEGRADED and the backlog shows in the metrics; after recovery every card and nudge is delivered,
 * once, card before nudges and nudges in the order they were recorded.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:heed-chat-outage;DB_CLOSE_DELAY=-1",
            "heed.scheduling.enabled=false",
            "heed.demo.enabled=false",
            "heed.sources[0].id=zapier",
            "heed.sources[0].type=webhook",
            "heed.sources[0].token=" + ChatOutageTest.WEBHOOK_TOKEN,
            "heed.api.token=" + ChatOutageTest.API_TOKEN,
            "heed.slack.bot-token=" + ChatOutageTest.BOT_TOKEN,
            "heed.slack.mode=http",
            "heed.slack.signing-secret=" + ChatOutageTest.SIGNING_SECRET,
            "heed.slack.channel=C0CARE",
            "heed.deadlines.rules[0].kind=complaint",
            "heed.deadlines.rules[0].in-hours=2m",
            "heed.deadlines.rules[0].out-of-hours=2m",
            "heed.nudges.warning-before=0s"
        })
@Import(ChatOutageTest.Wiring.class)
class ChatOutageTest {
    static final String WEBHOOK_TOKEN = "outage-webhook-token-0123";
    static final String API_TOKEN = "outage-api-token-0123456";
    static final String BOT_TOKEN = "xoxb-0000000000-outage-secret-token";
    static final String SIGNING_SECRET = "outage-signing-secret-4711";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FakeSlack SLACK = startSlack();

    @DynamicPropertySource
    static void slackUrl(DynamicPropertyRegistry registry) {
        registry.add("heed.slack.api-url", SLACK::apiUrl);
    }

    @AfterAll
    static void stopSlack() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    NudgeSweep sweep;

    @Autowired
    DataSource dataSource;

    @Test
    void aFiveMinuteChatOutageDelaysButNeitherLosesNorDoublesNorReorders() {
        Http http = new Http(port);
        List<Long> cases = new ArrayList<>();
        cases.add(post(http, 0, "complaint"));
        cases.add(post(http, 1, "question"));
        assertThat(dispatcher.deliverDue()).isEqualTo(2);
        assertThat(health(http)).isEqualTo("UP");

        // Five minutes: 503 for the first half, then 429 with Retry-After: 30. Posts keep coming, nudges fall due.
        Instant outageStart = clock.instant();
        SLACK.down(true);
        int tick = 0;
        List<Double> backlogSeen = new ArrayList<>();
        Map<String, List<Instant>> triedAt = new LinkedHashMap<>();
        while (clock.instant().isBefore(outageStart.plus(Duration.ofMinutes(5)))) {
            if (tick == 30) { // 2.5 minutes in
                SLACK.down(false);
                SLACK.failNext(Integer.MAX_VALUE, 429, "30");
            }
            if (tick % 6 == 0 && cases.size() < 8) {
                cases.add(post(http, cases.size(), cases.size() % 2 == 0 ? "complaint" : "question"));
            }
            sweep.run();
            int before = SLACK.calls().size();
            dispatcher.deliverDue();
            if (tick >= 30) {
                for (FakeSlack.Call call :
                        SLACK.calls().subList(before, SLACK.calls().size())) {
                    triedAt.computeIfAbsent(target(call), k -> new ArrayList<>())
                            .add(clock.instant());
                }
            }
            if (tick % 10 == 5) {
                assertThat(health(http))
                        .as("health %d s into the outage", tick * 5)
                        .isEqualTo("DEGRADED");
                backlogSeen.add(metric(http, "heed.outbox.backlog"));
                assertThat(metric(http, "heed.outbox.failing")).isPositive();
                assertThat(metric(http, "heed.outbox.oldest.age.seconds")).isGreaterThanOrEqualTo(25);
            }
            tick++;
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(backlogSeen).allMatch(b -> b > 0);
        assertThat(metric(http, "heed.outbox.backlog")).isEqualTo((double) pending());
        // Retry-After is honoured: after a 429 the same message is not tried again within 30 s.
        assertThat(triedAt).isNotEmpty();
        triedAt.forEach((target, times) -> {
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)))
                        .as("retry of %s", target)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            }
        });
        long nudgesDuringOutage = nudgesRecorded();
        assertThat(nudgesDuringOutage).as("nudges queued while Slack was down").isPositive();

        // Recovery: everything goes out, in order per case, once.
        SLACK.failNext(0, 200, null);
        Instant recovered = clock.instant();
        for (int i = 0; i < 200 && pending() > 0; i++) {
            clock.advance(Duration.ofSeconds(5));
            dispatcher.deliverDue();
        }
        Duration drain = Duration.between(recovered, clock.instant());
        assertThat(pending()).as("backlog after recovery").isZero();
        assertThat(health(http)).isEqualTo("UP");
        assertThat(metric(http, "heed.outbox.backlog")).isZero();
        assertThat(metric(http, "heed.outbox.oldest.age.seconds")).isZero();

        Map<Long, List<String>> shown = new LinkedHashMap<>();
        Map<Long, String> cardTs = new LinkedHashMap<>();
        for (FakeSlack.Posted m : SLACK.messages()) {
            JsonNode metadata = JSON.readTree(m.metadata());
            long caseId = metadata.get("event_payload").get("case_id").asLong();
            String event = metadata.get("event_type").asString();
            if (event.equals("heed_card")) {
                assertThat(cardTs.put(caseId, m.ts()))
                        .as("second card of case %d", caseId)
                        .isNull();
                shown.computeIfAbsent(caseId, c -> new ArrayList<>()).add("CARD");
            } else {
                assertThat(m.threadTs()).as("nudge in the card's thread").isEqualTo(cardTs.get(caseId));
                shown.computeIfAbsent(caseId, c -> new ArrayList<>()).add(level(m.text()));
            }
        }
        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(cases);
        for (long id : cases) {
            List<String> expected = new ArrayList<>(List.of("CARD"));
            expected.addAll(recordedLevels(id));
            assertThat(shown.get(id)).as("messages of case %d in order", id).isEqualTo(expected);
        }
        System.out.printf(
                "[chat-outage] %d cases, %d messages, %d nudges recorded during the outage; backlog during the outage"
                        + " %s; drained %s after recovery%n",
                cases.size(), SLACK.messages().size(), nudgesDuringOutage, backlogSeen, drain);
    }

    @Test
    void metricsShowNamesAndNumbersButNoSecret() {
        Http http = new Http(port);
        JsonNode names = JSON.readTree(http.get("/actuator/metrics").body()).get("names");
        List<String> all = new ArrayList<>();
        names.forEach(n -> all.add(n.asString()));
        assertThat(all).contains("heed.outbox.backlog", "heed.outbox.failing", "heed.outbox.oldest.age.seconds");
        StringBuilder everything = new StringBuilder(all.toString());
        for (String name : all) {
            everything.append(http.get("/actuator/metrics/" + name).body());
        }
        everything
                .append(http.get("/actuator/health").body())
                .append(http.get("/actuator/info").body());
        assertThat(everything.toString())
                .doesNotContain(BOT_TOKEN, SIGNING_SECRET, WEBHOOK_TOKEN, API_TOKEN, "xoxb-", "password");
        for (String closed :
                List.of("env", "configprops", "beans", "heapdump", "threaddump", "loggers", "prometheus")) {
            assertThat(http.get("/actuator/" + closed).statusCode()).as(closed).isEqualTo(404);
        }
    }

    /** What a Slack call was about: the delivery key of a new message, or the message an update edits. */
    private static String target(FakeSlack.Call call) {
        String metadata = call.get("metadata");
        if (metadata != null) {
            return JSON.readTree(metadata).get("event_payload").get("key").asString();
        }
        return call.method() + ":" + call.get("ts");
    }

    private long post(Http http, int n, String kind) {
        HttpResponse<String> response = http.postJson(
                "/hooks/ingest/zapier",
                "{\"id\": \"chat-outage-" + n + "\", \"kind\": \"" + kind + "\", \"author_handle\": \"@p" + n
                        + "\", \"text\": \"Post " + n + " about my order\"}",
                WEBHOOK_TOKEN);
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("caseId").asLong();
    }

    private static String health(Http http) {
        return JSON.readTree(http.get("/actuator/health").body())
                .get("components")
                .get("chatDelivery")
                .get("status")
                .asString();
    }

    private static double metric(Http http, String name) {
        HttpResponse<String> response = http.get("/actuator/metrics/" + name);
        assertThat(response.statusCode()).as(name).isEqualTo(200);
        return JSON.readTree(response.body())
                .get("measurements")
                .get(0)
                .get("value")
                .asDouble();
    }

    private long pending() {
        return JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM outbox")
                .query(Long.class)
                .single();
    }

    private long nudgesRecorded() {
        return JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM nudge")
                .query(Long.class)
                .single();
    }

    private List<String> recordedLevels(long caseId) {
        return JdbcClient.create(dataSource)
                .sql("SELECT level FROM nudge WHERE case_id = ? ORDER BY deadline_no, step")
                .param(caseId)
                .query(String.class)
                .list()
                .stream()
                .map(l -> l.equals("REPEAT") ? "BREACH" : l)
                .toList();
    }

    private static String level(String text) {
        if (text.startsWith(":hourglass_flowing_sand:")) {
            return "REMINDER";
        }
        if (text.startsWith(":warning:")) {
            return "WARNING";
        }
        return "BREACH";
    }

    private static FakeSlack startSlack() {
        try {
            return new FakeSlack();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.at("2026-11-23T09:00:00Z");
        }
    }
}
