package dev.heed.app.bench;

import static dev.heed.app.bench.BenchTable.ms;
import static dev.heed.app.bench.BenchTable.ratio;

import dev.heed.app.bench.BenchTable.Row;
import dev.heed.app.bench.BenchTable.Verdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 2: from the webhook's 202 to the (fake) Slack receiving the card's {@code chat.postMessage}, with the real
 * application in Slack HTTP mode and its real schedules, at a steady 20 posts/s spread over 20 channels (one post per
 * channel per second: within Slack's pace, so pacing adds nothing). Baseline: a bare HTTP round trip to the fake.
 */
final class LatencyBenchmark {
    static final int CHANNELS = 20;
    static final int PER_SECOND = 20;
    static final int WARM_UP_POSTS = 100;
    static final int MEASURED_POSTS = 400;
    static final int SETTLE_SECONDS = 60;
    private static final String TOKEN = "bench-webhook-token-0123456789";
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\":(\\d+)");

    private final Path work;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LatencyBenchmark(Path work) {
        this.work = work;
    }

    void run(BenchTable table) throws Exception {
        try (TimingSlack slack = new TimingSlack();
                InProcessApp app = InProcessApp.start(work.resolve("latency"), properties(slack))) {
            Samples latency = new Samples();
            int missing = cardLatency(app.port(), slack, latency);
            Samples roundTrip = Samples.timeMillis(
                    50,
                    MEASURED_POSTS,
                    () -> send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "chat.postMessage"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("channel=C00&text=ping"))
                            .build()));
            if (latency.size() == 0) {
                throw new IllegalStateException("no card reached the fake Slack");
            }
            table.add(new Row(
                    "2. post-to-card, 20 posts/s over 20 channels"
                            + (missing == 0
                                    ? ""
                                    : " (" + missing + " cards not there " + SETTLE_SECONDS
                                            + " s after the last post)"),
                    ms(latency.median()),
                    ms(latency.p99()),
                    ms(roundTrip.p99()) + " p99 (HTTP round trip)",
                    ratio(latency.p99() / roundTrip.p99()),
                    "p99 < 250 ms",
                    Verdict.of(missing == 0 && latency.p99() < 250)));
        }
    }

    private static String[] properties(TimingSlack slack) {
        List<String> all = new ArrayList<>(List.of(
                "heed.slack.bot-token=xoxb-0000000000-bench-token",
                "heed.slack.mode=http",
                "heed.slack.signing-secret=bench-signing-secret",
                "heed.slack.api-url=" + slack.apiUrl(),
                "heed.slack.channel=C00",
                "heed.storms.enabled=false")); // a card per post: the path measured here
        for (int i = 0; i < CHANNELS; i++) {
            all.add("heed.sources[" + i + "].id=" + source(i));
            all.add("heed.sources[" + i + "].type=webhook");
            all.add("heed.sources[" + i + "].token=" + TOKEN);
            all.add("heed.routes[" + i + "].sources=" + source(i));
            all.add("heed.routes[" + i + "].channels=slack:" + channel(i));
        }
        return all.toArray(String[]::new);
    }

    /**
     * Posts at the steady rate, notes each 202, adds the 202-to-card times of the measured posts to {@code millis}
     * and answers how many measured posts got no card in time.
     */
    private int cardLatency(int port, TimingSlack slack, Samples millis) throws Exception {
        int total = WARM_UP_POSTS + MEASURED_POSTS;
        Map<Integer, long[]> accepted = new ConcurrentHashMap<>(); // post number -> {case id, 202 nanos}
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            for (int n = 0; n < total; n++) {
                int post = n;
                pace.schedule(
                        () -> senders.execute(() -> accepted.put(post, ingest(port, post))),
                        n * 1000L / PER_SECOND,
                        TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(total / PER_SECOND + SETTLE_SECONDS);
            while (!allArrived(accepted, slack, total) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            pace.shutdownNow();
            senders.shutdownNow();
        }
        int missing = 0;
        for (int n = WARM_UP_POSTS; n < total; n++) {
            long[] ok = accepted.get(n);
            Long arrived = ok == null ? null : slack.cardArrivedNanos(ok[0]);
            if (arrived == null) {
                missing++;
            } else {
                millis.add((arrived - ok[1]) / 1e6);
            }
        }
        return missing;
    }

    private static boolean allArrived(Map<Integer, long[]> accepted, TimingSlack slack, int total) {
        if (accepted.size() < total) {
            return false;
        }
        return accepted.values().stream().allMatch(ok -> slack.cardArrivedNanos(ok[0]) != null);
    }

    private long[] ingest(int port, int n) {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/ingest/" + source(n % CHANNELS)))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Posts.webhookJson("lat", n)))
                        .build());
        long acceptedAt = System.nanoTime();
        Matcher caseId = CASE_ID.matcher(response.body());
        if (response.statusCode() != 202 || !caseId.find()) {
            throw new IllegalStateException("the webhook answered " + response.statusCode() + ": " + response.body());
        }
        return new long[] {Long.parseLong(caseId.group(1)), acceptedAt};
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String source(int i) {
        return String.format("s%02d", i);
    }

    private static String channel(int i) {
        return String.format("C%02d", i);
    }
}
