package dev.heed.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Slack Web API on 127.0.0.1 that notes when ({@link System#nanoTime()}) the first {@code chat.postMessage}
 * of each case arrived: the case id is in the message metadata Heed attaches to every message. Every other method
 * answers {@code ok}.
 */
final class TimingSlack implements AutoCloseable {
    private static final Pattern CASE_ID = Pattern.compile("\"case_id\"\\s*:\\s*\"?(\\d+)");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<Long, Long> firstPostNanos = new ConcurrentHashMap<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);

    TimingSlack() throws IOException {
        // Without TCP_NODELAY the JDK server sends the body in a second small packet that waits for the client's
        // delayed ACK: 40 ms on every call, which would be measured as Heed's latency (read once, at first use).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** When the card of case {@code caseId} reached this fake, or null while it has not. */
    Long cardArrivedNanos(long caseId) {
        return firstPostNanos.get(caseId);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            String body = URLDecoder.decode(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1);
            String answer = "{\"ok\":true}";
            switch (method) {
                case "auth.test" -> answer = "{\"ok\":true,\"user_id\":\"UBOT\",\"team_id\":\"T1\",\"bot_id\":\"B1\"}";
                case "chat.postMessage" -> {
                    Matcher caseId = CASE_ID.matcher(body);
                    if (caseId.find()) {
                        firstPostNanos.putIfAbsent(Long.parseLong(caseId.group(1)), arrived);
                    }
                    long n = ts.getAndIncrement();
                    answer = "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"" + (n / 1_000_000) + "." + (n % 1_000_000)
                            + "\"}";
                }
                case "conversations.history", "conversations.replies" -> answer = "{\"ok\":true,\"messages\":[]}";
                default -> {}
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
