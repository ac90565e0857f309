package dev.heed.core.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback fake of a vendor API (JDK HttpServer on 127.0.0.1): tests script answers per path and read back the
 * requests it received.
 */
public final class FakeApi implements AutoCloseable {

    /** A request as the fake saw it. */
    public record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String query() {
            return uri.getRawQuery() == null ? "" : uri.getRawQuery();
        }
    }

    /** An answer: status, headers, body bytes. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer json(String json) {
            return new Answer(200, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer xml(String xml) {
            return new Answer(200, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), new byte[0]);
        }

        public Answer with(String header, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.put(header, value);
            return new Answer(status, all, body);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    public FakeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri(String path) {
        return URI.create(url() + path);
    }

    /** Answers requests to {@code path} (exact, without the query). */
    public void on(String path, Function<Request, Answer> answer) {
        routes.put(path, answer);
    }

    public void on(String path, Answer answer) {
        on(path, request -> answer);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.uri().getPath().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            synchronized (this) {
                requests.add(request);
            }
            Function<Request, Answer> route =
                    routes.get(exchange.getRequestURI().getPath());
            Answer answer = route == null ? Answer.status(404) : route.apply(request);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (answer.status() == 304 || answer.body().length == 0) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    /** Handlers that need the raw exchange (server-sent events). */
    public void raw(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, exchange -> {
            synchronized (this) {
                requests.add(new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        ""));
            }
            handler.handle(exchange);
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
