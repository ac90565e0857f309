package dev.heed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.core.feed.FakeApi;
import dev.heed.slack.FakeSlack;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the whole application, schedulers running on the real clock, sharing one real PostgreSQL
 * database (a fresh schema in {@code HEED_TEST_POSTGRES_URL}, which {@code .ci/run} starts), one fake Slack and one
 * fake RSS feed: each card and each nudge reaches Slack once, the feed is polled by one instance at a time, and when
 * one instance stops the other carries on with its sources, cases and nudges.
 */
@Tag("integration")
@EnabledIfEnvironmentVariable(named = "HEED_TEST_POSTGRES_URL", matches = ".+")
class SeveralInstancesTest {
    private static final String WEBHOOK_TOKEN = "webhook-token-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    private final List<Instant> feedPolls = new CopyOnWriteArrayList<>();
    private final List<String> feedItems = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesShareTheWorkAndOneCarriesOnWhenTheOtherStops() throws Exception {
        String database = freshSchema(System.getenv("HEED_TEST_POSTGRES_URL"));
        try (FakeSlack slack = new FakeSlack();
                FakeApi feed = new FakeApi()) {
            feed.on("/feed.xml", request -> {
                feedPolls.add(Instant.now());
                return FakeApi.Answer.xml(rss());
            });
            addFeedItems(0, 10);
            ConfigurableApplicationContext a = start("a", database, slack, feed);
            ConfigurableApplicationContext b = start("b", database, slack, feed);
            JdbcClient sql = JdbcClient.create(a.getBean(javax.sql.DataSource.class));

            // 60 complaints through both instances' webhooks at once.
            ExecutorService senders = Executors.newFixedThreadPool(6);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Http http = http(i % 2 == 0 ? a : b);
                String body = "{\"id\":\"w" + i + "\",\"text\":\"My order " + i + " never came\",\"author_handle\":\"@c"
                        + i + "\",\"kind\":\"complaint\"}";
                answers.add(senders.submit(() -> http.postJson("/hooks/ingest/hooks", body, WEBHOOK_TOKEN)
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }
            senders.shutdown();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> cardsPerCase(slack).size() == 70);
            assertThat(cardsPerCase(slack).values()).as("one card per case").containsOnly(1L);
            assertThat(sql.sql("SELECT holder FROM lease WHERE name = 'source:blog'")
                            .query(String.class)
                            .single())
                    .isIn("a", "b");

            // Complaint deadlines are 20 s: wait for every webhook case's breach, sent once.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> nudgesPerCase(slack).size() >= 60
                            && sql.sql("SELECT COUNT(*) FROM nudge WHERE level = 'BREACH'")
                                            .query(Long.class)
                                            .single()
                                    >= 60);
            await().atMost(Duration.ofSeconds(20)).until(() -> outboxEmpty(sql));
            assertThat(nudgesPerCase(slack)).isEqualTo(nudgesRecorded(sql));

            // a stops; new posts reach b, and b polls the feed (a gave its leases back on the way out).
            a.close();
            addFeedItems(10, 15);
            Http toB = http(b);
            for (int i = 60; i < 65; i++) {
                assertThat(toB.postJson(
                                        "/hooks/ingest/hooks",
                                        "{\"id\":\"w" + i + "\",\"text\":\"Order " + i + " is late\","
                                                + "\"author_handle\":\"@c" + i + "\"}",
                                        WEBHOOK_TOKEN)
                                .statusCode())
                        .isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> cardsPerCase(slack).size() == 80);
            assertThat(cardsPerCase(slack).values()).containsOnly(1L);
            assertThat(sql(b).sql("SELECT holder FROM lease WHERE name = 'source:blog'")
                            .query(String.class)
                            .single())
                    .isEqualTo("b");
        }

        // The feed was never polled by both instances at once: polls are an interval apart, not milliseconds.
        for (int i = 1; i < feedPolls.size(); i++) {
            assertThat(Duration.between(feedPolls.get(i - 1), feedPolls.get(i)))
                    .as("gap before poll %d of %s", i, feedPolls)
                    .isGreaterThan(Duration.ofSeconds(5));
        }
    }

    private ConfigurableApplicationContext start(String instance, String database, FakeSlack slack, FakeApi feed) {
        List<String> properties = List.of(
                "server.port=0",
                "spring.datasource.url=" + database,
                "spring.datasource.username=" + urlParameter(database, "user"),
                "spring.datasource.password=" + urlParameter(database, "password"),
                "heed.instance.id=" + instance,
                "heed.instance.lease=10s",
                "heed.demo.enabled=false",
                "heed.storms.enabled=false", // one card per case here; storms have their own tests
                "heed.scheduling.poll-every=200ms",
                "heed.scheduling.deliver-every=100ms",
                "heed.scheduling.sweep-every=1s",
                "heed.deadlines.rules[0].kind=complaint",
                "heed.deadlines.rules[0].in-hours=20s",
                "heed.nudges.warning-before=0s",
                "heed.nudges.max-repeats=0",
                "heed.slack.bot-token=xoxb-0000000000-instances-token",
                "heed.slack.mode=http",
                "heed.slack.signing-secret=instances-signing-secret",
                "heed.slack.api-url=" + slack.apiUrl(),
                "heed.slack.channel=C0CARE",
                "heed.slack.post-every=100ms", // the fake Slack allows it; keeps the test short
                "heed.sources[0].id=hooks",
                "heed.sources[0].type=webhook",
                "heed.sources[0].token=" + WEBHOOK_TOKEN,
                "heed.sources[1].id=blog",
                "heed.sources[1].type=rss",
                "heed.sources[1].url=" + feed.url() + "/feed.xml",
                "heed.sources[1].interval=10s",
                "heed.sources[1].look-back=30d");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HeedApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        apps.add(app);
        return app;
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static JdbcClient sql(ConfigurableApplicationContext app) {
        return JdbcClient.create(app.getBean(javax.sql.DataSource.class));
    }

    /** Case id -> cards Slack received for it (message metadata carries the case id). */
    private static Map<Long, Long> cardsPerCase(FakeSlack slack) {
        return perCase(slack, "heed_card");
    }

    private static Map<Long, Long> nudgesPerCase(FakeSlack slack) {
        return perCase(slack, "heed_nudge");
    }

    private static Map<Long, Long> perCase(FakeSlack slack, String eventType) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> call.get("metadata") != null)
                .map(call -> JSON.readTree(call.get("metadata")))
                .filter(metadata -> metadata.get("event_type").asString().equals(eventType))
                .collect(Collectors.groupingBy(
                        metadata -> metadata.get("event_payload").get("case_id").asLong(), Collectors.counting()));
    }

    private static Map<Long, Long> nudgesRecorded(JdbcClient sql) {
        return sql
                .sql("SELECT case_id, COUNT(*) AS n FROM nudge GROUP BY case_id")
                .query((rs, n) -> Map.entry(rs.getLong("case_id"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean outboxEmpty(JdbcClient sql) {
        return sql.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single() == 0;
    }

    private void addFeedItems(int from, int to) {
        for (int n = from; n < to; n++) {
            feedItems.add("<item><guid>g" + n + "</guid><title>The shop on Main Street was closed again " + n
                    + "</title><link>https://blog.example/g" + n + "</link>"
                    + "<pubDate>Mon, 23 Nov 2026 07:00:00 GMT</pubDate></item>");
        }
    }

    private String rss() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Blog</title>"
                + String.join("", feedItems) + "</channel></rss>";
    }

    private static String urlParameter(String url, String name) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
        return m.find() ? m.group(1) : "";
    }

    /** A new schema in the test database, so that every run starts empty; the application migrates it. */
    private static String freshSchema(String url) throws Exception {
        String schema = "heed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
