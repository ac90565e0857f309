package dev.heed.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.heed.slack.FakeSlack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the packaged application (SIGKILL, no graceful stop) while 500 webhook posts are being ingested and their
 * cards delivered to a fake Slack, and while an RSS feed is polled; restarts it on the same H2 file database (the default, ./data/heed) and
 * checks that nothing was lost or doubled: every accepted post has exactly one case and one card, every recorded
 * nudge reached Slack exactly once (and every breached deadline has its breach notice), and every feed item became
 * exactly one case.
 */
@Tag("integration")
class CrashRecoveryIT {
    private static final int POSTS = 500;
    private static final String TOKEN = "crash-test-webhook-token-0123";
    private static final Duration COMPLAINT_DEADLINE = Duration.ofSeconds(15);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @TempDir
    Path dir;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void killEverything() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void aKilledInstanceLosesAndDoublesNothingAfterRestart() throws Exception {
        long began = System.nanoTime();
        Path jar = Path.of(System.getProperty("heed.jar", "target/heed.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged application (run through mvn verify)").exists();
        FakeSlack slack = new FakeSlack();
        cleanup.add(slack);
        FakeFeed feed = new FakeFeed();
        cleanup.add(feed);
        feed.publish(40);
        // The child's log stays in target/ for a look after a failure.
        Path log = Path.of("target", "crash-it", "heed-" + System.currentTimeMillis() + ".log")
                .toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> properties = properties(slack, feed);

        // Run 1: 500 posts through 12 concurrent clients; SIGKILL once ingest and delivery are both well under way.
        ChildHeed first = ChildHeed.start(jar, dir, log, properties, Duration.ofSeconds(90));
        cleanup.add(first);
        feed.publish(10);
        Map<Integer, Answer> before = new ConcurrentHashMap<>();
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        Thread stream = new Thread(() -> {
            for (int i = 0; i < POSTS && !clients.isShutdown(); i++) {
                int n = i;
                ChildHeed.sleep(8); // posts arrive as a stream (about 120 a second), not all at once
                if (n == 150) {
                    // Keep posting only once delivery is under way, so the kill hits ingest and delivery at once
                    // however fast or slow this machine is.
                    await().atMost(Duration.ofSeconds(120))
                            .until(() -> cards(slack).size() >= 3);
                }
                try {
                    clients.submit(() -> {
                        Answer answer = post(first.port(), n);
                        before.put(n, answer);
                        if (answer.status == 202) {
                            accepted.incrementAndGet();
                        }
                    });
                } catch (RejectedExecutionException killed) {
                    return; // the process was killed: the rest are sent after the restart
                }
            }
        });
        stream.start();
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> accepted.get() >= 200 && cards(slack).size() >= 5);
        int acceptedAtKill = accepted.get();
        int cardsAtKill = cards(slack).size();
        int exit = first.kill();
        clients.shutdown();
        stream.join();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        long accepted1 = before.values().stream().filter(a -> a.status == 202).count();
        long unanswered1 = before.values().stream().filter(a -> a.status != 202).count();
        long unsent1 = POSTS - before.size();
        System.out.printf(
                "[crash] killed pid %d with exit %d after %d accepted posts (%d by the end), %d cards in Slack, %d posts"
                        + " without an answer, %d not sent%n",
                first.pid(), exit, acceptedAtKill, accepted1, cardsAtKill, unanswered1, unsent1);
        assertThat(exit).as("SIGKILL: exit code 128 + 9").isEqualTo(137);
        assertThat(accepted1).as("killed while posts were still being accepted").isLessThan(POSTS);
        assertThat(before.values()).allMatch(a -> a.status == 202 || a.status == -1);

        // While it is down the feed moves on; the restarted instance must catch up from its checkpoint.
        feed.publish(20);
        int feedItems = feed.ids().size();

        // Run 2 on the same database; clients retry every post (a webhook sender does when it got no answer).
        ChildHeed second = ChildHeed.start(jar, dir, log, properties, Duration.ofSeconds(90));
        cleanup.add(second);
        Map<Integer, Answer> after = new ConcurrentHashMap<>();
        ExecutorService retries = Executors.newFixedThreadPool(12);
        for (int i = 0; i < POSTS; i++) {
            int n = i;
            retries.submit(() -> after.put(n, post(second.port(), n)));
        }
        retries.shutdown();
        assertThat(retries.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
        Instant lastIngest = Instant.now();
        assertThat(after.values()).allMatch(a -> a.status == 202);
        for (var e : before.entrySet()) {
            if (e.getValue().status == 202) {
                assertThat(after.get(e.getKey()))
                        .as("post %d was accepted before the kill", e.getKey())
                        .isEqualTo(new Answer(202, e.getValue().caseId, "duplicate"));
            }
        }

        // Everything drains: every feed item has a card, the deadlines passed and were swept, the outbox is empty.
        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(second.alive()).as("restarted heed.jar runs").isTrue();
                    return Instant.now()
                                    .isAfter(lastIngest.plus(COMPLAINT_DEADLINE).plusSeconds(3))
                            && cards(slack).stream()
                                            .filter(c -> c.channel().equals("C0NEWS"))
                                            .count()
                                    >= feedItems
                            && backlog(second) == 0;
                });
        second.stop();

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/heed"), "sa", "")) {
            Map<String, Long> caseOfPost = new HashMap<>();
            Map<String, Integer> rowsOfPost = new HashMap<>();
            query(db, "SELECT source, native_id, case_id FROM post", rs -> {
                String key = rs.getString(1) + "/" + rs.getString(2);
                caseOfPost.put(key, rs.getLong(3));
                rowsOfPost.merge(key, 1, Integer::sum);
            });
            // Every post (all were accepted in the end) exactly once; those accepted before the kill on their case.
            for (int i = 0; i < POSTS; i++) {
                assertThat(rowsOfPost.get("hook/crash-" + i))
                        .as("post crash-%d", i)
                        .isEqualTo(1);
                assertThat(caseOfPost.get("hook/crash-" + i)).isEqualTo(after.get(i).caseId);
            }
            // The feed resumed from its checkpoint without a gap or a repeat.
            for (String item : feed.ids()) {
                assertThat(rowsOfPost.get("news/" + item)).as("feed %s", item).isEqualTo(1);
            }
            assertThat(rowsOfPost).hasSize(POSTS + feedItems);
            long cases = count(db, "SELECT COUNT(*) FROM care_case");
            assertThat(cases).isEqualTo(POSTS + feedItems);
            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isZero();

            // Exactly one card per case in Slack.
            Map<Long, Long> cardsPerCase = cards(slack).stream()
                    .collect(Collectors.groupingBy(Card::caseId, TreeMap::new, Collectors.counting()));
            Map<Long, Long> doubled = new TreeMap<>(cardsPerCase);
            doubled.values().removeIf(c -> c == 1);
            assertThat(doubled).as("cases with more than one card").isEmpty();
            assertThat(cardsPerCase.keySet()).isEqualTo(new java.util.TreeSet<>(caseOfPost.values()));

            // Every nudge recorded in the database reached Slack exactly once, and nothing else did.
            Map<String, Long> recorded = new TreeMap<>();
            query(
                    db,
                    "SELECT case_id, level FROM nudge",
                    rs -> recorded.merge(rs.getLong(1) + ":" + icon(rs.getString(2)), 1L, Long::sum));
            Map<String, Long> sent = slack.messages().stream()
                    .filter(m -> "heed_nudge".equals(event(m.metadata())))
                    .collect(Collectors.groupingBy(
                            m -> caseIdOf(m.metadata()) + ":"
                                    + m.text().substring(0, m.text().indexOf(':', 1) + 1),
                            TreeMap::new,
                            Collectors.counting()));
            assertThat(sent).as("nudges in Slack per case and level").isEqualTo(recorded);
            // No nudge lost by the sweep: every complaint whose deadline passed got its breach notice.
            List<Long> breachedWithoutNotice = new ArrayList<>();
            query(db, """
                    SELECT c.id FROM care_case c WHERE c.kind = 'COMPLAINT' AND c.due_at < CURRENT_TIMESTAMP
                      AND NOT EXISTS (SELECT 1 FROM nudge n WHERE n.case_id = c.id AND n.level = 'BREACH')
                    """, rs -> breachedWithoutNotice.add(rs.getLong(1)));
            assertThat(breachedWithoutNotice).isEmpty();
            long complaints = count(db, "SELECT COUNT(*) FROM care_case WHERE kind = 'COMPLAINT'");
            long nudges = recorded.values().stream().mapToLong(Long::longValue).sum();
            assertThat(nudges).isGreaterThanOrEqualTo(complaints);
            System.out.printf(
                    "[crash] after restart: %d cases (%d webhook, %d feed), %d cards, 0 doubled; %d complaints, %d nudges"
                            + " recorded = sent; %d feed fetches; took %d s%n",
                    cases,
                    POSTS,
                    feedItems,
                    cardsPerCase.size(),
                    complaints,
                    nudges,
                    feed.fetches(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
        }
    }

    private List<String> properties(FakeSlack slack, FakeFeed feed) throws IOException {
        Files.createDirectories(dir);
        return List.of(
                "heed.demo.enabled=false",
                "heed.storms.enabled=false", // one card per case here; storm mode has its own crash test
                "heed.slack.bot-token=xoxb-0000000000-crash-test",
                "heed.slack.mode=http",
                "heed.slack.signing-secret=crash-test-signing-secret",
                "heed.slack.api-url=" + slack.apiUrl(),
                "heed.slack.channel=C0OTHER",
                "heed.slack.post-every=100ms",
                "heed.sources[0].id=hook",
                "heed.sources[0].type=webhook",
                "heed.sources[0].token=" + TOKEN,
                "heed.sources[1].id=news",
                "heed.sources[1].type=rss",
                "heed.sources[1].url=" + feed.url(),
                "heed.sources[1].interval=10s",
                "heed.sources[1].look-back=1h",
                // One channel per kind (Slack paces each channel to one message per 100 ms here).
                "heed.routes[0].sources=hook",
                "heed.routes[0].kinds=complaint",
                "heed.routes[0].channels=slack:C0COMPLAINT",
                "heed.routes[1].sources=hook",
                "heed.routes[1].kinds=question",
                "heed.routes[1].channels=slack:C0QUESTION",
                "heed.routes[2].sources=hook",
                "heed.routes[2].kinds=compliment",
                "heed.routes[2].channels=slack:C0PRAISE",
                "heed.routes[3].sources=news",
                "heed.routes[3].channels=slack:C0NEWS",
                // Complaints are due in 15 s: reminder at 7.5 s, warning at 12 s, breach at 15 s, no repeats.
                "heed.deadlines.rules[0].kind=complaint",
                "heed.deadlines.rules[0].in-hours=15s",
                "heed.deadlines.rules[0].out-of-hours=15s",
                "heed.deadlines.rules[1].kind=question",
                "heed.deadlines.rules[1].in-hours=none",
                "heed.deadlines.rules[2].kind=compliment",
                "heed.deadlines.rules[2].in-hours=none",
                "heed.nudges.warning-before=0s",
                "heed.nudges.max-repeats=0",
                "heed.scheduling.sweep-every=1s",
                "heed.scheduling.deliver-every=100ms",
                "heed.scheduling.delivery-lease=5s",
                "spring.main.banner-mode=off",
                "logging.level.dev.heed.core.delivery=ERROR");
    }

    /** Post n: every tenth a complaint, the rest questions, compliments and other posts. */
    private static Answer post(int port, int n) {
        String kind = switch (n % 10) {
            case 0 -> "complaint";
            case 1, 2, 3 -> "question";
            case 4, 5, 6 -> "compliment";
            default -> "other";
        };
        String json = "{\"id\": \"crash-" + n + "\", \"kind\": \"" + kind + "\", \"author_handle\": \"@user" + n
                + "\", \"text\": \"Message number " + n + " about the cafe on the corner\", \"url\":"
                + " \"https://x.com/user" + n + "/status/" + n + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/ingest/hook"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                return new Answer(response.statusCode(), -1, response.body());
            }
            JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
            return new Answer(
                    202, body.get("caseId").getAsLong(), body.get("status").getAsString());
        } catch (IOException killed) {
            return new Answer(-1, -1, killed.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, -1, e.toString());
        }
    }

    private record Answer(int status, long caseId, String detail) {}

    private record Card(String channel, long caseId) {}

    private static List<Card> cards(FakeSlack slack) {
        return slack.messages().stream()
                .filter(m -> m.threadTs() == null && "heed_card".equals(event(m.metadata())))
                .map(m -> new Card(m.channel(), caseIdOf(m.metadata())))
                .toList();
    }

    private static String event(String metadata) {
        return metadata == null
                ? null
                : JsonParser.parseString(metadata)
                        .getAsJsonObject()
                        .get("event_type")
                        .getAsString();
    }

    private static long caseIdOf(String metadata) {
        return JsonParser.parseString(metadata)
                .getAsJsonObject()
                .getAsJsonObject("event_payload")
                .get("case_id")
                .getAsLong();
    }

    /** The start of the Slack nudge text for a level (the adapter's icons). */
    private static String icon(String level) {
        return switch (level) {
            case "REMINDER" -> ":hourglass_flowing_sand:";
            case "WARNING" -> ":warning:";
            default -> ":rotating_light:";
        };
    }

    private static double backlog(ChildHeed heed) {
        HttpResponse<String> response = heed.get("/actuator/metrics/heed.outbox.backlog");
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body())
                .getAsJsonObject()
                .getAsJsonArray("measurements")
                .get(0)
                .getAsJsonObject()
                .get("value")
                .getAsDouble();
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection db, String sql, RowHandler handler) throws SQLException {
        try (var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        long[] out = new long[1];
        query(db, sql, rs -> out[0] = rs.getLong(1));
        return out[0];
    }
}
