package dev.heed.app.bench;

import static dev.heed.app.bench.BenchTable.mb;
import static dev.heed.app.bench.BenchTable.ms;
import static dev.heed.app.bench.BenchTable.ratio;

import dev.heed.app.bench.BenchTable.Row;
import dev.heed.app.bench.BenchTable.Verdict;
import dev.heed.benchbare.BareWebApplication;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Figure 5: from launching {@code java -jar heed.jar} to its first HTTP answer, and its resident memory after
 * start-up (empty database) and with 100,000 cases of history (seeded with JDBC while it was stopped) after 1,000
 * more posts came in through the webhook; against a bare Spring Boot web application
 * ({@link BareWebApplication}, on the starter-webmvc part of the classpath only) started the same way and waited for
 * in the same way. Each is started once unmeasured (file caches, Heed's fresh database), then three times measured.
 */
final class StartupBenchmark {
    /** Both applications get the heap the README recommends for Heed: a small team's bot needs no more. */
    static final String HEAP = "-Xmx256m";

    static final int MEASURED_STARTS = 3;
    static final int CASES = 100_000;
    static final int MORE_POSTS = 1_000;
    private static final String TOKEN = "bench-webhook-token-0123456789";
    /** The jars of spring-boot-starter-webmvc and its dependencies, by file name. */
    private static final Pattern WEBMVC_JARS = Pattern.compile("((spring-(core|beans|context|aop|expression|web|webmvc)"
            + "|spring-boot|spring-boot-(autoconfigure|tomcat|web-server|servlet|webmvc|http-converter|jackson)"
            + "|tomcat-embed-(core|el|websocket)|jackson-annotations|logback-(core|classic)|slf4j-api|jul-to-slf4j"
            + "|log4j-(api|to-slf4j)|jakarta\\.annotation-api|snakeyaml|jspecify|micrometer-(commons|observation)"
            + "|commons-logging)-[0-9].*|jackson-(core|databind)-3\\..*)\\.jar");

    private final Path work;
    private final Path jar;

    StartupBenchmark(Path work, Path jar) {
        this.work = work;
        this.jar = jar;
    }

    void run(BenchTable table) throws Exception {
        Samples heedStart = new Samples();
        Samples bareStart = new Samples();
        double heedRss = 0;
        double bareRss = 0;
        double heedRssLoaded = 0;
        double feedSeconds = 0;
        for (int i = 0; i <= MEASURED_STARTS; i++) {
            Server heed = Server.start(heedCommand(), work.resolve("startup-heed"), "/actuator/health");
            try {
                if (i > 0) {
                    heedStart.add(heed.startMillis());
                }
                if (i == MEASURED_STARTS - 1) {
                    heedRss = heed.residentMegabytes();
                }
                if (i == MEASURED_STARTS) {
                    feedSeconds = Samples.millisOf(() -> feed(heed.port())) / 1000;
                    heedRssLoaded = heed.residentMegabytes();
                }
            } finally {
                heed.stop();
            }
            if (i == MEASURED_STARTS - 1) {
                // The last start finds 100,000 cases of history in Heed's database, seeded while it is stopped.
                try (BenchDb data = BenchDb.open(work.resolve("startup-heed").resolve("data"))) {
                    ReportBenchmark.seed(data.db, 1, CASES);
                }
            }
            Server bare = Server.start(bareCommand(), work.resolve("startup-bare"), "/");
            try {
                if (i > 0) {
                    bareStart.add(bare.startMillis());
                }
                if (i == MEASURED_STARTS) {
                    bareRss = bare.residentMegabytes();
                }
            } finally {
                bare.stop();
            }
        }
        table.add(new Row(
                "5. start-up to first HTTP answer, `java -jar heed.jar`",
                ms(heedStart.median()),
                ms(heedStart.max()) + " (max)",
                ms(bareStart.median()) + " (bare Boot web app)",
                ratio(heedStart.median() / bareStart.median()),
                "<= 2x baseline",
                Verdict.of(heedStart.median() <= 2 * bareStart.median())));
        table.add(new Row(
                "5. resident memory after start-up (empty database)",
                mb(heedRss),
                "-",
                mb(bareRss) + " (bare Boot web app)",
                ratio(heedRss / bareRss),
                "<= 400 MB",
                Verdict.of(heedRss <= 400)));
        table.add(new Row(
                String.format(
                        java.util.Locale.ROOT,
                        "5. resident memory, %,d cases + %,d webhook posts (%.0f s)",
                        CASES,
                        MORE_POSTS,
                        feedSeconds),
                mb(heedRssLoaded),
                "-",
                mb(bareRss) + " (bare Boot web app)",
                ratio(heedRssLoaded / bareRss),
                "<= 400 MB",
                Verdict.of(heedRssLoaded <= 400)));
    }

    private List<String> heedCommand() {
        return List.of(
                Processes.java(),
                HEAP,
                "-jar",
                jar.toAbsolutePath().toString(),
                "--heed.demo.enabled=false",
                "--heed.sources[0].id=bench",
                "--heed.sources[0].type=webhook",
                "--heed.sources[0].token=" + TOKEN);
    }

    private static List<String> bareCommand() {
        List<String> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (WEBMVC_JARS.matcher(name).matches()
                    || entry.endsWith("config" + File.separator + "target" + File.separator + "test-classes")) {
                classpath.add(entry);
            }
        }
        return List.of(
                Processes.java(),
                HEAP,
                "-cp",
                String.join(File.pathSeparator, classpath),
                BareWebApplication.class.getName());
    }

    /** Sends {@link #MORE_POSTS} posts to Heed's webhook from four connections at once. */
    private static void feed(int port) {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(senders.submit(() -> {
                    for (int n = first; n < MORE_POSTS; n += 4) {
                        HttpResponse<Void> response = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/ingest/bench"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(Posts.webhookJson("rss", n)))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 202) {
                            throw new IllegalStateException("the webhook answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("feeding Heed failed: " + e.getMessage(), e);
        } finally {
            senders.shutdownNow();
        }
    }

    /** A server JVM started on a free port, with how long it took to answer HTTP. */
    private record Server(Process process, int port, double startMillis) {
        static Server start(List<String> command, Path directory, String probe) throws Exception {
            int port = Processes.freePort();
            List<String> withPort = new ArrayList<>(command);
            withPort.add("--server.port=" + port);
            Path log = directory.resolve("server.log");
            long start = System.nanoTime();
            Process process = Processes.start(directory, log, withPort);
            Processes.awaitHttp(process, "http://127.0.0.1:" + port + probe, log);
            return new Server(process, port, Samples.millisSince(start));
        }

        double residentMegabytes() throws Exception {
            return Processes.residentMegabytes(process);
        }

        void stop() throws InterruptedException {
            Processes.stop(process);
        }
    }
}
