package dev.heed.core.feed.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.feed.FakeApi;
import dev.heed.core.feed.FakeApi.Answer;
import dev.heed.core.feed.FeedHarness;
import dev.heed.core.feed.SourceSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MastodonSourceTest {
    private final FeedHarness h = new FeedHarness();
    private final ExecutorService streams = Executors.newCachedThreadPool();
    /** Notifications as the fake server holds them: id -> created_at. */
    private final List<long[]> notifications = new ArrayList<>();

    private final List<long[]> tagged = new ArrayList<>();

    @AfterEach
    void close() {
        h.close();
        streams.shutdownNow();
    }

    private Instant ago(Duration d) {
        return h.work.clock.instant().minus(d);
    }

    private static String status(long id, Instant created, String text) {
        return """
                {"id":"%d","created_at":"%s","in_reply_to_id":null,"visibility":"public","language":"en",
                 "uri":"https://remote.example/users/ana/statuses/%d","url":"https://remote.example/@ana/%d",
                 "content":"<p><span class=\\"h-card\\"><a href=\\"https://social.example/@beanbloom\\">@<span>beanbloom</span></a></span> %s</p>",
                 "account":{"id":"7","username":"ana","acct":"ana@remote.example","display_name":"Ana Example",
                   "url":"https://remote.example/@ana","followers_count":1234,"bot":false}}
                """.formatted(id, created, id, id, text);
    }

    private static String notification(long id, Instant created) {
        return "{\"id\":\"" + (id + 1000) + "\",\"type\":\"mention\",\"created_at\":\"" + created
                + "\",\"account\":{\"id\":\"7\"}," + "\"status\":"
                + status(id, created, "complaint: order " + id + " never arrived") + "}";
    }

    /** Serves {@code all} (id, epoch second) like Mastodon: newest first, min_id/max_id, Link next/prev. */
    private Answer page(
            FakeApi.Request request, List<long[]> all, int defaultLimit, boolean asNotifications, String path) {
        String q = request.query();
        int limit = Integer.parseInt(param(q, "limit", Integer.toString(defaultLimit)));
        long min = Long.parseLong(param(q, "min_id", "-1"));
        long max = Long.parseLong(param(q, "max_id", Long.toString(Long.MAX_VALUE)));
        long offset = asNotifications ? 1000 : 0;
        List<long[]> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(a -> a[0]));
        List<long[]> chosen;
        if (min >= 0) {
            // min_id: the items immediately after the cursor
            chosen = sorted.stream()
                    .filter(a -> a[0] + offset > min)
                    .limit(limit)
                    .toList();
        } else {
            List<long[]> below =
                    sorted.stream().filter(a -> a[0] + offset < max).toList();
            chosen = below.subList(Math.max(0, below.size() - limit), below.size());
        }
        List<String> json = new ArrayList<>();
        for (int i = chosen.size() - 1; i >= 0; i--) {
            long[] a = chosen.get(i);
            json.add(
                    asNotifications
                            ? notification(a[0], Instant.ofEpochSecond(a[1]))
                            : status(
                                    a[0],
                                    Instant.ofEpochSecond(a[1]),
                                    "#beanbloom post " + a[0] + " about the coffee"));
        }
        Answer answer = Answer.json("[" + String.join(",", json) + "]");
        if (!chosen.isEmpty()) {
            long newest = chosen.get(chosen.size() - 1)[0] + offset;
            long oldest = chosen.get(0)[0] + offset;
            answer = answer.with(
                    "Link",
                    "<" + h.api.url() + path + "?max_id=" + oldest + ">; rel=\"next\", <" + h.api.url() + path
                            + "?min_id=" + newest + ">; rel=\"prev\"");
        }
        return answer;
    }

    private static String param(String query, String name, String fallback) {
        Matcher m =
                Pattern.compile("(?:^|&)" + Pattern.quote(name) + "=([^&]+)").matcher(query);
        return m.find() ? m.group(1) : fallback;
    }

    private void serve() {
        h.api.on("/api/v1/notifications", r -> page(r, notifications, 40, true, "/api/v1/notifications"));
        h.api.on("/api/v1/timelines/tag/beanbloom", r -> page(r, tagged, 20, false, "/api/v1/timelines/tag/beanbloom"));
    }

    private MastodonSource source(boolean streaming, List<String> tags) {
        return new MastodonSource(
                new MastodonSource.Settings("masto", h.api.url(), "secret-token", tags, streaming, null),
                h.http,
                streams);
    }

    private void add(List<long[]> to, long id, Instant created) {
        to.add(new long[] {id, created.getEpochSecond()});
    }

    @Test
    void firstConnectTakesTheLookBackThenPagesForwardWithMinId() {
        add(notifications, 1, ago(Duration.ofHours(30)));
        add(notifications, 2, ago(Duration.ofHours(2)));
        serve();
        h.engine.register(source(false, List.of()), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();
        assertThat(h.nativeIds()).containsExactly("2");
        var first = h.api.requests("/api/v1/notifications").get(0);
        assertThat(first.header("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(first.query()).contains("types%5B%5D=mention");

        for (long id = 3; id <= 102; id++) {
            add(notifications, id, ago(Duration.ofMinutes(200 - id)));
        }
        h.work.advance(Duration.ofMinutes(1));
        h.engine.tick();

        assertThat(h.nativeIds()).hasSize(101);
        assertThat(h.nativeIds().subList(0, 4)).containsExactly("2", "3", "4", "5");
        assertThat(h.nativeIds().get(100)).isEqualTo("102");
        List<String> cursors = h.api.requests("/api/v1/notifications").stream()
                .skip(1)
                .map(r -> param(r.query(), "min_id", "-"))
                .toList();
        assertThat(cursors).containsExactly("1002", "1082", "1102");
        assertThat(h.column("SELECT author_followers FROM post WHERE native_id = '3'", Long.class))
                .containsExactly(1234L);
        assertThat(h.column("SELECT author_handle FROM post WHERE native_id = '3'", String.class))
                .containsExactly("@ana@remote.example");
        assertThat(h.column("SELECT text FROM post WHERE native_id = '3'", String.class))
                .containsExactly("@beanbloom complaint: order 3 never arrived");
        assertThat(h.column("SELECT reply_ref FROM feed_item WHERE native_id = '3'", String.class))
                .containsExactly("3");
    }

    @Test
    void aRestartInTheMiddleOfPagingLeavesNoGapAndNoDuplicate() {
        add(notifications, 1, ago(Duration.ofHours(1)));
        serve();
        SourceSettings onePagePerPoll = new SourceSettings(Duration.ofMinutes(1), Duration.ofHours(24), null, 1);
        h.engine.register(source(false, List.of()), onePagePerPoll);
        h.engine.tick();
        h.work.advance(Duration.ofMinutes(1));
        for (long id = 2; id <= 170; id++) {
            add(notifications, id, ago(Duration.ofMinutes(59)));
        }
        h.engine.tick(); // one page of 80, then the "crash"

        h.engine = h.newEngine();
        h.engine.register(source(false, List.of()), SourceSettings.every(Duration.ofMinutes(1)));
        h.engine.tick();

        assertThat(h.nativeIds()).hasSize(170).doesNotHaveDuplicates();
        assertThat(h.column("SELECT COUNT(*) FROM care_case", Long.class)).containsExactly(170L);
    }

    @Test
    void hashtagTimelinesAreFollowedAndAStatusAlsoMentionedIsOneCase() {
        add(notifications, 5, ago(Duration.ofMinutes(30)));
        add(tagged, 5, ago(Duration.ofMinutes(30)));
        add(tagged, 6, ago(Duration.ofMinutes(20)));
        serve();
        h.engine.register(source(false, List.of("#beanbloom")), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();

        assertThat(h.nativeIds()).containsExactlyInAnyOrder("5", "6");
        assertThat(h.api.requests("/api/v1/timelines/tag/beanbloom").get(0).query())
                .contains("limit=40");
    }

    @Test
    void aRefusedTokenMarksTheSourceUnhealthyWithOneAlert() {
        h.api.on(
                "/api/v1/notifications",
                Answer.json("{\"error\":\"The access token is invalid\"}").with("X", "y"));
        h.api.on(
                "/api/v1/notifications",
                r -> new Answer(
                        401,
                        java.util.Map.of(),
                        "{\"error\":\"The access token is invalid\"}".getBytes(StandardCharsets.UTF_8)));
        h.engine.register(source(false, List.of()), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();
        h.work.advance(Duration.ofMinutes(2));
        h.engine.tick();

        assertThat(h.status("masto").lastError())
                .isEqualTo("auth: HTTP 401 {\"error\":\"The access token is invalid\"}");
        assertThat(h.notices()).hasSize(1);
    }

    @Test
    void tooManyRequestsWaitsForTheRateLimitReset() {
        Instant reset = h.work.clock.instant().plus(Duration.ofMinutes(4));
        h.api.on(
                "/api/v1/notifications",
                r -> Answer.status(429)
                        .with("X-RateLimit-Limit", "300")
                        .with("X-RateLimit-Remaining", "0")
                        .with("X-RateLimit-Reset", reset.toString()));
        h.engine.register(source(false, List.of()), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();
        assertThat(h.status("masto").nextPollAt()).isEqualTo(reset);
        h.work.advance(Duration.ofMinutes(3));
        h.engine.tick();
        assertThat(h.api.requests("/api/v1/notifications")).hasSize(1);

        serve();
        h.work.advance(Duration.ofMinutes(1));
        h.engine.tick();
        assertThat(h.api.requests("/api/v1/notifications")).hasSize(2);
        assertThat(h.status("masto").healthy()).isTrue();
    }

    @Test
    void malformedJsonIsASourceError() {
        h.api.on("/api/v1/notifications", Answer.json("[{\"id\":\"1\",\"type\":\"mention\","));
        h.engine.register(source(false, List.of()), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();

        assertThat(h.status("masto").lastError()).startsWith("malformed: Mastodon answered malformed JSON");
    }

    @Test
    void theStreamDeliversMentionsAtOnceAndEveryReconnectCatchesUpByRest() throws Exception {
        add(notifications, 1, ago(Duration.ofMinutes(10)));
        serve();
        CountDownLatch firstStreamDone = new CountDownLatch(1);
        CountDownLatch secondStreamOpen = new CountDownLatch(1);
        int[] connections = {0};
        h.api.raw("/api/v1/streaming/user/notification", exchange -> {
            int n;
            synchronized (connections) {
                n = ++connections[0];
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                if (n == 1) {
                    String event = ":thump\n\nevent: notification\ndata: "
                            + notification(2, ago(Duration.ofMinutes(1))).replace("\n", " ")
                            + "\n\nevent: update\ndata: {}\n\n";
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    firstStreamDone.await(10, TimeUnit.SECONDS);
                } else {
                    secondStreamOpen.countDown();
                    out.write(":thump\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException | IOException ignored) {
                // the test ends
            }
        });
        h.engine.register(source(true, List.of()), SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick(); // opens the stream, polls (first connect)
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> h.nativeIds().contains("2"));
        assertThat(h.nativeIds()).containsExactlyInAnyOrder("1", "2");

        // The stream drops; a mention arrives while it is down; the reconnect is followed by a REST catch-up.
        add(notifications, 3, ago(Duration.ofSeconds(30)));
        int restCalls = h.api.requests("/api/v1/notifications").size();
        firstStreamDone.countDown();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !streamOpen());
        h.work.advance(Duration.ofMinutes(1)); // past the reconnect backoff, before the next regular poll
        h.engine.tick();
        assertThat(secondStreamOpen.await(10, TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            h.engine.tick();
            return h.nativeIds().contains("3");
        });

        assertThat(h.api.requests("/api/v1/notifications").size()).isGreaterThan(restCalls);
        assertThat(h.nativeIds()).containsExactlyInAnyOrder("1", "2", "3");
    }

    private boolean streamOpen() {
        return h.engine.streamsOpen() > 0;
    }
}
