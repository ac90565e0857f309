package dev.heed.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fake of the Slack Web API on 127.0.0.1: records every call, keeps posted messages (with their metadata) so that
 * {@code conversations.history} and {@code conversations.replies} can find them, answers {@code response_url}
 * posts under {@code /response/...}, and can be told to answer 429 or to be down.
 */
public final class FakeSlack implements AutoCloseable {
    public static final String BOT_USER = "UBOT";

    /** One call: the method (or {@code response} for a response_url), its parameters, JSON fields flattened. */
    public record Call(String method, Map<String, String> params) {
        public String get(String name) {
            return params.get(name);
        }

        /** Every string inside a JSON parameter (e.g. all texts of {@code blocks}), joined by new lines. */
        public String texts(String name) {
            StringBuilder out = new StringBuilder();
            collect(json(name), out);
            return out.toString();
        }

        private static void collect(JsonElement element, StringBuilder out) {
            if (element == null || element.isJsonNull()) {
                return;
            }
            if (element.isJsonPrimitive()) {
                out.append(element.getAsString()).append('\n');
            } else if (element.isJsonArray()) {
                element.getAsJsonArray().forEach(e -> collect(e, out));
            } else {
                element.getAsJsonObject().entrySet().forEach(e -> collect(e.getValue(), out));
            }
        }

        public JsonElement json(String name) {
            String value = params.get(name);
            return value == null ? null : JsonParser.parseString(value);
        }
    }

    public record Posted(String channel, String ts, String threadTs, String text, String metadata) {}

    /** When a message was posted, by {@link #clock} (set it to the test's clock to check pacing). */
    public record Stamped(String channel, String threadTs, java.time.Instant at) {}

    public volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private final List<Stamped> stamps = new java.util.ArrayList<>();

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final List<Posted> messages = new ArrayList<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000100L);
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failStatus;
    private volatile String failRetryAfter;
    private volatile boolean down;
    private volatile java.util.concurrent.CountDownLatch usersInfoHeld;
    private final Gson gson = new Gson();
    public volatile String socketUrl;

    public FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** The next {@code count} chat-changing calls fail with HTTP {@code status} (and Retry-After when given). */
    public synchronized void failNext(int count, int status, String retryAfter) {
        failures.set(count);
        failStatus = status;
        failRetryAfter = retryAfter;
    }

    /** Every Web API call except auth.test answers 503 while down. */
    /** {@code users.info} answers only once {@code release} is counted down (a slow Slack), at most 30 s later. */
    public void holdUsersInfo(java.util.concurrent.CountDownLatch release) {
        this.usersInfoHeld = release;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> calls(String method, Predicate<Call> filter) {
        return calls(method).stream().filter(filter).toList();
    }

    public synchronized List<Stamped> stamps() {
        return List.copyOf(stamps);
    }

    public synchronized List<Posted> messages() {
        return List.copyOf(messages);
    }

    public synchronized void clear() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = type != null && type.contains("json") ? json(body) : form(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                params.put("_token", auth.replaceFirst("^Bearer ", ""));
            }
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null) {
                params.putAll(form(rawQuery));
            }
            if (path.startsWith("/response/")) {
                record(new Call("response", params));
                send(exchange, 200, "ok", null);
                return;
            }
            String method = path.substring(path.lastIndexOf('/') + 1);
            java.util.concurrent.CountDownLatch held = usersInfoHeld;
            if (method.equals("users.info") && held != null) {
                try {
                    held.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!method.equals("auth.test") && !method.equals("users.info")) {
                if (down) {
                    record(new Call(method + "!failed", params));
                    send(exchange, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}", null);
                    return;
                }
                if (failures.get() > 0 && failures.getAndDecrement() > 0) {
                    record(new Call(method + "!failed", params));
                    send(exchange, failStatus, "{\"ok\":false,\"error\":\"ratelimited\"}", failRetryAfter);
                    return;
                }
            }
            record(new Call(method, params));
            send(exchange, 200, answer(method, params), null);
        }
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    private String answer(String method, Map<String, String> params) {
        JsonObject out = new JsonObject();
        out.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                out.addProperty("user_id", BOT_USER);
                out.addProperty("team_id", "T1");
                out.addProperty("bot_id", "B1");
                out.addProperty("team", "Cafe");
                out.addProperty("user", "heed");
            }
            case "chat.postMessage" -> {
                String id = String.format("%d.%06d", ts.get() / 1_000_000, ts.getAndIncrement() % 1_000_000);
                synchronized (this) {
                    stamps.add(new Stamped(params.get("channel"), params.get("thread_ts"), clock.instant()));
                    messages.add(new Posted(
                            params.get("channel"),
                            id,
                            params.get("thread_ts"),
                            params.get("text"),
                            params.get("metadata")));
                }
                out.addProperty("channel", params.get("channel"));
                out.addProperty("ts", id);
            }
            case "chat.update" -> {
                out.addProperty("channel", params.get("channel"));
                out.addProperty("ts", params.get("ts"));
            }
            case "users.info" -> {
                JsonObject user = new JsonObject();
                String id = params.get("user");
                user.addProperty("id", id);
                user.addProperty("name", id.toLowerCase(java.util.Locale.ROOT));
                JsonObject profile = new JsonObject();
                profile.addProperty("display_name", "Name of " + id);
                user.add("profile", profile);
                out.add("user", user);
            }
            case "conversations.history", "conversations.replies" -> {
                var found = new com.google.gson.JsonArray();
                for (Posted m : messages()) {
                    boolean inChannel = m.channel().equals(params.get("channel"));
                    boolean wanted = method.equals("conversations.history")
                            ? m.threadTs() == null
                            : params.get("ts").equals(m.threadTs())
                                    || params.get("ts").equals(m.ts());
                    if (inChannel && wanted) {
                        JsonObject message = new JsonObject();
                        message.addProperty("type", "message");
                        message.addProperty("ts", m.ts());
                        message.addProperty("text", m.text());
                        if (m.metadata() != null
                                && ("true".equals(params.get("include_all_metadata"))
                                        || "1".equals(params.get("include_all_metadata")))) {
                            message.add("metadata", JsonParser.parseString(m.metadata()));
                        }
                        found.add(message);
                    }
                }
                out.add("messages", found);
            }
            case "views.open", "views.update", "views.publish" -> out.add("view", new JsonObject());
            case "apps.connections.open" -> out.addProperty("url", socketUrl);
            default -> {}
        }
        return gson.toJson(out);
    }

    private static void send(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static Map<String, String> json(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isBlank()) {
            return params;
        }
        JsonObject object = JsonParser.parseString(body).getAsJsonObject();
        for (var entry : object.entrySet()) {
            JsonElement value = entry.getValue();
            params.put(entry.getKey(), value.isJsonPrimitive() ? value.getAsString() : value.toString());
        }
        return params;
    }
}
