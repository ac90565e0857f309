package dev.heed.app.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An RSS feed on 127.0.0.1 that grows while the test runs; counts how often it was fetched. */
public final class FakeFeed implements AutoCloseable {
    private final HttpServer server;
    private final List<String> items = new ArrayList<>();
    private final List<Instant> dates = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    public FakeFeed() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    /** Publishes {@code count} new items (ids {@code item-<n>}), dated now. */
    synchronized void publish(int count) {
        publish(count, Instant.now());
    }

    /** Publishes {@code count} new items dated {@code date}. */
    public synchronized void publish(int count, Instant date) {
        for (int i = 0; i < count; i++) {
            items.add("item-" + (items.size() + 1));
            dates.add(date);
        }
    }

    public synchronized List<String> ids() {
        return List.copyOf(items);
    }

    public int fetches() {
        return fetches.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            fetches.incrementAndGet();
            byte[] body = xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized String xml() {
        StringBuilder out =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                        + "<title>Town news</title><link>https://news.example/</link><description>news</description>");
        for (int i = items.size() - 1; i >= 0; i--) { // newest first, as feeds are
            String id = items.get(i);
            String date =
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(dates.get(i).atOffset(ZoneOffset.UTC));
            out.append("<item><guid isPermaLink=\"false\">")
                    .append(id)
                    .append("</guid><title>Town notes number ")
                    .append(id.substring(5))
                    .append(": the market opens on the square</title><link>https://news.example/")
                    .append(id)
                    .append("</link><pubDate>")
                    .append(date)
                    .append("</pubDate></item>");
        }
        return out.append("</channel></rss>").toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
