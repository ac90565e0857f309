package dev.heed.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A small Discord on 127.0.0.1 for tests: a REST server (the JDK's HTTP server) for the routes Heed uses, and a
 * gateway WebSocket ({@link FakeGateway}) that sends HELLO, READY and GUILD_CREATE, answers heartbeats, accepts a
 * RESUME, and pushes scripted events. It keeps the channel's messages, honours {@code enforce_nonce} like Discord
 * does (a repeated nonce returns the first message), and can answer the next request to a route with a 429.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final long GUILD = 900000000000000001L;
    public static final long CHANNEL = 900000000000000010L;
    public static final long OTHER_CHANNEL = 900000000000000011L;
    public static final long BOT = 900000000000000100L;
    public static final long APPLICATION = 900000000000000100L;
    public static final long OWNER = 900000000000000200L;
    public static final long ANA = 900000000000000201L;
    public static final long BEN = 900000000000000202L;
    public static final long MANAGER_ROLE = 900000000000000301L;
    public static final long ON_DUTY_ROLE = 900000000000000302L;
    /** The bot's own role, with exactly the permissions of the invite link Heed logs. */
    public static final long BOT_ROLE = 900000000000000303L;
    /** View, send, embed, read history, add reactions, create public threads, send in threads. */
    public static final long BOT_PERMISSIONS =
            1L << 10 | 1L << 11 | 1L << 14 | 1L << 16 | 1L << 6 | 1L << 35 | 1L << 38;

    /** One REST call JDA made. */
    public record Call(String method, String path, String query, DataObject body, String raw) {
        public boolean is(String method, String pathRegex) {
            return this.method.equals(method) && path.matches(pathRegex);
        }
    }

    private final HttpServer http;
    private final FakeGateway gateway;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Long, Map<Long, DataObject>> messages = new ConcurrentHashMap<>();
    /** Direct-message channels the bot opened: channel id -> the person. */
    private final Map<Long, Long> directChannels = new ConcurrentHashMap<>();

    private final Map<String, DataObject> byNonce = new ConcurrentHashMap<>();
    private final Map<Long, DataObject> threads = new ConcurrentHashMap<>();
    private final List<RateLimit> rateLimits = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger interactionIds = new AtomicInteger();
    private volatile int unavailableFor;

    private record RateLimit(String method, String pathRegex, double retryAfterSeconds) {}

    public FakeDiscord() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "fake-discord-rest");
            thread.setDaemon(true);
            return thread;
        }));
        http.createContext("/api/v10/", this::handle);
        http.start();
        gateway = new FakeGateway(this);
        gateway.start();
        gateway.awaitStarted();
    }

    public String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    public FakeGateway gateway() {
        return gateway;
    }

    /** A fresh snowflake carrying the current time, as Discord makes them (JDA reads an interaction's age from it). */
    public long nextId() {
        long now = (System.currentTimeMillis() - 1420070400000L) << 22;
        return ids.updateAndGet(last -> Math.max(last + 1, now));
    }

    // ----- what tests look at -------------------------------------------------------------------------------------

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String pathRegex) {
        return calls.stream().filter(c -> c.is(method, pathRegex)).toList();
    }

    /** Messages of a channel (or thread) in posting order. */
    public List<DataObject> messages(long channelId) {
        Map<Long, DataObject> channel = messages.get(channelId);
        return channel == null ? List.of() : List.copyOf(channel.values());
    }

    public Optional<DataObject> message(long channelId, long messageId) {
        return Optional.ofNullable(messages.getOrDefault(channelId, Map.of()).get(messageId));
    }

    /** The direct messages the bot sent to {@code userId}, in order. */
    public List<DataObject> directMessages(long userId) {
        return directChannels.entrySet().stream()
                .filter(e -> e.getValue() == userId)
                .flatMap(e -> messages(e.getKey()).stream())
                .toList();
    }

    public boolean hasThread(long threadId) {
        return threads.containsKey(threadId);
    }

    /** The next {@code method} request whose path matches {@code pathRegex} is answered with a per-route 429. */
    public void rateLimitNext(String method, String pathRegex, double retryAfterSeconds) {
        rateLimits.add(new RateLimit(method, pathRegex, retryAfterSeconds));
    }

    /** The next {@code count} message creates and edits are answered 500, as in an outage (JDA itself retries 502-504 a few times, not 500). */
    public void failNextWrites(int count) {
        unavailableFor = count;
    }

    /** Adds a message by a person to the channel, e.g. an older card or chatter. */
    public DataObject seedMessage(long channelId, DataObject message) {
        messages.computeIfAbsent(channelId, c -> new java.util.concurrent.ConcurrentSkipListMap<>())
                .put(message.getLong("id"), message);
        return message;
    }

    // ----- entities -------------------------------------------------------------------------------------------------

    public static DataObject user(long id, String name, boolean bot) {
        return DataObject.empty()
                .put("id", Long.toUnsignedString(id))
                .put("username", name)
                .put("global_name", name)
                .put("discriminator", "0")
                .put("avatar", null)
                .put("bot", bot)
                .put("public_flags", 0);
    }

    public static DataObject botUser() {
        return user(BOT, "Heed", true);
    }

    public static DataObject member(long userId, String name, long... roles) {
        DataArray roleIds = DataArray.empty();
        for (long role : roles) {
            roleIds.add(Long.toUnsignedString(role));
        }
        return DataObject.empty()
                .put("user", user(userId, name, userId == BOT))
                .put("roles", roleIds)
                .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("permissions", "2248473465835073");
    }

    static DataObject role(long id, String name, long permissions, int position) {
        return DataObject.empty()
                .put("id", Long.toUnsignedString(id))
                .put("name", name)
                .put("color", 0)
                .put("colors", DataObject.empty().put("primary_color", 0))
                .put("hoist", false)
                .put("position", position)
                .put("permissions", Long.toString(permissions))
                .put("managed", false)
                .put("mentionable", true)
                .put("flags", 0);
    }

    static DataObject textChannel(long id, String name, int position) {
        return DataObject.empty()
                .put("id", Long.toUnsignedString(id))
                .put("type", 0)
                .put("guild_id", Long.toUnsignedString(GUILD))
                .put("name", name)
                .put("position", position)
                .put("permission_overwrites", DataArray.empty())
                .put("nsfw", false)
                .put("rate_limit_per_user", 0);
    }

    /** The guild as GUILD_CREATE carries it (every field JDA 6.3 insists on). */
    DataObject guild() {
        long everyone = GUILD;
        return DataObject.empty()
                .put("id", Long.toUnsignedString(GUILD))
                .put("name", "Bean & Bloom")
                .put("owner_id", Long.toUnsignedString(OWNER))
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("preferred_locale", "en-GB")
                .put("features", DataArray.empty())
                .put("unavailable", false)
                .put("member_count", 4)
                .put("large", false)
                .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
                .put(
                        "roles",
                        DataArray.empty()
                                .add(role(everyone, "@everyone", 1L << 10 | 1L << 11 | 1L << 16 | 1L << 31, 0))
                                .add(role(MANAGER_ROLE, "managers", 0, 2))
                                .add(role(ON_DUTY_ROLE, "on-duty", 0, 1))
                                .add(role(BOT_ROLE, "Heed", BOT_PERMISSIONS, 3).put("managed", true)))
                .put(
                        "channels",
                        DataArray.empty()
                                .add(textChannel(CHANNEL, "care", 0))
                                .add(textChannel(OTHER_CHANNEL, "complaints", 1)))
                .put("threads", DataArray.empty())
                .put("guild_scheduled_events", DataArray.empty())
                .put("emojis", DataArray.empty())
                .put("stickers", DataArray.empty())
                .put("voice_states", DataArray.empty())
                .put("presences", DataArray.empty())
                .put(
                        "members",
                        DataArray.empty()
                                .add(member(BOT, "Heed", BOT_ROLE))
                                .add(member(OWNER, "Olu", MANAGER_ROLE))
                                .add(member(ANA, "Ana", ON_DUTY_ROLE))
                                .add(member(BEN, "Ben", ON_DUTY_ROLE)));
    }

    /** READY for a fresh session. */
    DataObject ready(String sessionId) {
        return DataObject.empty()
                .put("v", 10)
                .put("user", botUser().put("verified", true).put("mfa_enabled", false))
                .put("session_id", sessionId)
                .put("resume_gateway_url", gatewayUrl())
                .put(
                        "guilds",
                        DataArray.empty()
                                .add(DataObject.empty()
                                        .put("id", Long.toUnsignedString(GUILD))
                                        .put("unavailable", true)))
                .put(
                        "application",
                        DataObject.empty()
                                .put("id", Long.toUnsignedString(APPLICATION))
                                .put("flags", 0))
                .put("private_channels", DataArray.empty())
                .put("relationships", DataArray.empty())
                .put("presences", DataArray.empty())
                .put("guild_join_requests", DataArray.empty())
                .put("user_settings", DataObject.empty());
    }

    // ----- scripted gateway events --------------------------------------------------------------------------------

    private DataObject interaction(int type, long userId, String userName, long channelId, DataObject data) {
        int n = interactionIds.incrementAndGet();
        DataObject channel = threads.containsKey(channelId)
                ? threads.get(channelId)
                : textChannel(channelId, channelId == CHANNEL ? "care" : "complaints", 0);
        long[] roles = userId == OWNER ? new long[] {MANAGER_ROLE} : new long[] {ON_DUTY_ROLE};
        return DataObject.empty()
                .put("id", Long.toUnsignedString(nextId()))
                .put("application_id", Long.toUnsignedString(APPLICATION))
                .put("type", type)
                .put("token", "itoken-" + n)
                .put("version", 1)
                .put("guild_id", Long.toUnsignedString(GUILD))
                .put(
                        "guild",
                        DataObject.empty()
                                .put("id", Long.toUnsignedString(GUILD))
                                .put("locale", "en-GB")
                                .put("features", DataArray.empty()))
                .put("guild_locale", "en-GB")
                .put("channel_id", Long.toUnsignedString(channelId))
                .put("channel", channel)
                .put("member", member(userId, userName, roles))
                .put("locale", "en-GB")
                .put("context", "0")
                .put("authorizing_integration_owners", DataObject.empty().put("0", Long.toUnsignedString(GUILD)))
                .put("app_permissions", "2248473465835073")
                .put("entitlements", DataArray.empty())
                .put("data", data);
    }

    /** Token of the last interaction pushed, to find its callback. */
    public String lastInteractionToken() {
        return "itoken-" + interactionIds.get();
    }

    /** A click on a button of {@code message} by a member; returns the interaction token. */
    public String clickButton(long userId, String userName, long channelId, long messageId, String customId) {
        DataObject message = message(channelId, messageId).orElseThrow();
        DataObject data = DataObject.empty().put("custom_id", customId).put("component_type", 2);
        DataObject payload = interaction(3, userId, userName, channelId, data).put("message", message);
        gateway.dispatch("INTERACTION_CREATE", payload);
        return payload.getString("token");
    }

    /** A choice in a string select menu of {@code message}. */
    public String select(long userId, String userName, long channelId, long messageId, String customId, String value) {
        DataObject message = message(channelId, messageId).orElseThrow();
        DataObject data = DataObject.empty()
                .put("custom_id", customId)
                .put("component_type", 3)
                .put("values", DataArray.empty().add(value));
        DataObject payload = interaction(3, userId, userName, channelId, data).put("message", message);
        gateway.dispatch("INTERACTION_CREATE", payload);
        return payload.getString("token");
    }

    /** A modal submitted with one text input per entry of {@code values}. */
    public String submitModal(
            long userId, String userName, long channelId, Long messageId, String modalId, Map<String, String> values) {
        DataArray components = DataArray.empty();
        int uid = 1;
        for (Map.Entry<String, String> value : values.entrySet()) {
            components.add(DataObject.empty()
                    .put("type", 18)
                    .put("id", uid++)
                    .put(
                            "component",
                            DataObject.empty()
                                    .put("type", 4)
                                    .put("id", uid++)
                                    .put("custom_id", value.getKey())
                                    .put("value", value.getValue())));
        }
        DataObject data = DataObject.empty().put("custom_id", modalId).put("components", components);
        DataObject payload = interaction(5, userId, userName, channelId, data);
        if (messageId != null) {
            payload.put("message", message(channelId, messageId).orElseThrow());
        }
        gateway.dispatch("INTERACTION_CREATE", payload);
        return payload.getString("token");
    }

    /**
     * {@code /name subcommand} with options; each option is {@code name -> value} where a value is a String,
     * Integer, Boolean or a {@link UserOption}.
     */
    public String slashCommand(
            long userId, String userName, String name, String subcommand, Map<String, Object> options) {
        DataArray optionArray = DataArray.empty();
        DataObject resolvedUsers = DataObject.empty();
        DataObject resolvedMembers = DataObject.empty();
        for (Map.Entry<String, Object> option : options.entrySet()) {
            Object value = option.getValue();
            DataObject json = DataObject.empty().put("name", option.getKey());
            if (value instanceof UserOption user) {
                json.put("type", 6).put("value", Long.toUnsignedString(user.id()));
                resolvedUsers.put(Long.toUnsignedString(user.id()), user(user.id(), user.name(), false));
                DataObject m = member(user.id(), user.name());
                m.remove("user");
                resolvedMembers.put(Long.toUnsignedString(user.id()), m);
            } else if (value instanceof Integer) {
                json.put("type", 4).put("value", value);
            } else if (value instanceof Boolean) {
                json.put("type", 5).put("value", value);
            } else {
                json.put("type", 3).put("value", value.toString());
            }
            optionArray.add(json);
        }
        DataObject data = DataObject.empty()
                .put("id", Long.toUnsignedString(930000000000000001L))
                .put("name", name)
                .put("type", 1)
                .put("guild_id", Long.toUnsignedString(GUILD));
        if (subcommand != null) {
            data.put(
                    "options",
                    DataArray.empty()
                            .add(DataObject.empty()
                                    .put("name", subcommand)
                                    .put("type", 1)
                                    .put("options", optionArray)));
        } else {
            data.put("options", optionArray);
        }
        if (!resolvedUsers.keys().isEmpty()) {
            data.put("resolved", DataObject.empty().put("users", resolvedUsers).put("members", resolvedMembers));
        }
        DataObject payload = interaction(2, userId, userName, CHANNEL, data);
        gateway.dispatch("INTERACTION_CREATE", payload);
        return payload.getString("token");
    }

    /** A user option of a slash command. */
    public record UserOption(long id, String name) {}

    /** A member added ({@code add}) or removed a unicode reaction on a message. */
    public void reaction(boolean add, long userId, String userName, long channelId, long messageId, String emoji) {
        DataObject payload = DataObject.empty()
                .put("user_id", Long.toUnsignedString(userId))
                .put("channel_id", Long.toUnsignedString(channelId))
                .put("message_id", Long.toUnsignedString(messageId))
                .put("guild_id", Long.toUnsignedString(GUILD))
                .put("emoji", DataObject.empty().put("id", null).put("name", emoji))
                .put("burst", false)
                .put("type", 0);
        if (add) {
            payload.put("member", member(userId, userName, ON_DUTY_ROLE))
                    .put("message_author_id", Long.toUnsignedString(BOT));
        }
        gateway.dispatch(add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", payload);
    }

    /** The callbacks JDA sent for the interaction with {@code token} (its reply, defer, modal or update). */
    public List<DataObject> callbacks(String token) {
        return calls("POST", "interactions/\\d+/" + Pattern.quote(token) + "/callback").stream()
                .map(Call::body)
                .toList();
    }

    /** Edits of the original response and follow-ups sent through the interaction's hook. */
    public List<DataObject> hookMessages(String token) {
        return calls.stream()
                .filter(c -> c.path.startsWith("webhooks/" + Long.toUnsignedString(APPLICATION) + "/" + token))
                .map(Call::body)
                .toList();
    }

    // ----- REST ---------------------------------------------------------------------------------------------------

    private static final Pattern USER = Pattern.compile("users/(\\d+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
    private static final Pattern MESSAGE_THREADS = Pattern.compile("channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern REACTION_ME = Pattern.compile("channels/(\\d+)/messages/(\\d+)/reactions/[^/]+/@me");
    private static final Pattern GUILD_COMMANDS = Pattern.compile("applications/(\\d+)/guilds/(\\d+)/commands");
    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern HOOK = Pattern.compile("webhooks/(\\d+)/([^/]+)(/messages/(@original|\\d+))?");

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = URLDecoder.decode(
                    exchange.getRequestURI().getRawPath().substring("/api/v10/".length()), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            DataObject body = null;
            if (raw.length > 0 && raw[0] == '{') {
                body = DataObject.fromJson(raw);
            }
            Call call = new Call(method, path, query, body, new String(raw, StandardCharsets.UTF_8));
            for (RateLimit limit : rateLimits) {
                if (limit.method.equals(method) && path.matches(limit.pathRegex) && rateLimits.remove(limit)) {
                    calls.add(call);
                    tooManyRequests(exchange, limit.retryAfterSeconds);
                    return;
                }
            }
            boolean write = (method.equals("POST") || method.equals("PATCH")) && path.startsWith("channels/");
            if (write && unavailableFor > 0) {
                unavailableFor--;
                calls.add(call);
                send(
                        exchange,
                        500,
                        DataObject.empty().put("message", "fake outage").put("code", 0));
                return;
            }
            calls.add(call);
            route(exchange, method, path, body, call.raw());
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void route(HttpExchange exchange, String method, String path, DataObject body, String raw)
            throws IOException {
        Matcher m;
        if (method.equals("GET") && path.equals("users/@me")) {
            send(exchange, 200, botUser().put("verified", true).put("mfa_enabled", false));
        } else if (method.equals("POST") && path.equals("users/@me/channels")) {
            long recipient = Long.parseUnsignedLong(body.getString("recipient_id"));
            long channel = nextId();
            directChannels.put(channel, recipient);
            send(
                    exchange,
                    200,
                    DataObject.empty()
                            .put("id", Long.toUnsignedString(channel))
                            .put("type", 1)
                            .put("last_message_id", null)
                            .put("recipients", DataArray.empty().add(user(recipient, "member", false))));
        } else if ((m = USER.matcher(path)).matches() && method.equals("GET")) {
            send(exchange, 200, user(Long.parseUnsignedLong(m.group(1)), "member", false));
        } else if (method.equals("GET") && path.equals("oauth2/applications/@me")) {
            send(exchange, 200, application());
        } else if (method.equals("GET") && path.equals("applications/@me")) {
            send(exchange, 200, application());
        } else if ((m = GUILD_COMMANDS.matcher(path)).matches() && method.equals("PUT")) {
            DataArray commands = DataArray.fromJson(raw);
            DataArray answer = DataArray.empty();
            for (int i = 0; i < commands.length(); i++) {
                answer.add(commands.getObject(i)
                        .put("id", Long.toUnsignedString(nextId()))
                        .put("application_id", Long.toUnsignedString(APPLICATION))
                        .put("guild_id", Long.toUnsignedString(GUILD))
                        .put("version", "1"));
            }
            send(exchange, 200, answer);
        } else if ((m = MESSAGE_THREADS.matcher(path)).matches() && method.equals("POST")) {
            long parent = Long.parseUnsignedLong(m.group(1));
            long messageId = Long.parseUnsignedLong(m.group(2));
            if (threads.containsKey(messageId)) {
                send(
                        exchange,
                        400,
                        DataObject.empty()
                                .put("code", 160004)
                                .put("message", "A thread has already been created for this message"));
                return;
            }
            DataObject thread = thread(messageId, parent, body == null ? "thread" : body.getString("name", "thread"));
            threads.put(messageId, thread);
            send(exchange, 201, thread);
            gateway.dispatch(
                    "THREAD_CREATE", DataObject.fromJson(thread.toString()).put("newly_created", true));
        } else if ((m = REACTION_ME.matcher(path)).matches() && method.equals("PUT")) {
            send(exchange, 204, null);
        } else if ((m = CHANNEL_MESSAGE.matcher(path)).matches()) {
            long channel = Long.parseUnsignedLong(m.group(1));
            long id = Long.parseUnsignedLong(m.group(2));
            Optional<DataObject> existing = message(channel, id);
            if (existing.isEmpty()) {
                send(exchange, 404, DataObject.empty().put("code", 10008).put("message", "Unknown Message"));
            } else if (method.equals("PATCH")) {
                DataObject message = existing.get();
                for (String key : List.of("content", "embeds", "components", "flags", "allowed_mentions")) {
                    if (body.hasKey(key)) {
                        message.put(key, body.get(key));
                    }
                }
                fixEmbeds(message);
                message.put("edited_timestamp", Instant.now().toString());
                send(exchange, 200, message);
            } else {
                send(exchange, 200, existing.get());
            }
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches()) {
            long channel = Long.parseUnsignedLong(m.group(1));
            if (method.equals("POST")) {
                send(exchange, 200, create(channel, body));
            } else {
                List<DataObject> all = new ArrayList<>(messages(channel));
                java.util.Collections.reverse(all); // Discord answers newest first
                DataArray answer = DataArray.empty();
                all.stream().limit(limit(exchange)).forEach(answer::add);
                send(exchange, 200, answer);
            }
        } else if ((m = CALLBACK.matcher(path)).matches()) {
            send(exchange, 204, null);
        } else if ((m = HOOK.matcher(path)).matches()) {
            DataObject message = DataObject.empty()
                    .put("id", Long.toUnsignedString(nextId()))
                    .put("channel_id", Long.toUnsignedString(CHANNEL))
                    .put("type", 0)
                    .put("content", body == null ? "" : body.getString("content", ""))
                    .put(
                            "embeds",
                            body == null
                                    ? DataArray.empty()
                                    : body.optArray("embeds").orElse(DataArray.empty()))
                    .put("components", DataArray.empty())
                    .put("author", botUser())
                    .put("mentions", DataArray.empty())
                    .put("mention_roles", DataArray.empty())
                    .put("attachments", DataArray.empty())
                    .put("timestamp", Instant.now().toString())
                    .put("flags", body == null ? 0 : body.getInt("flags", 0))
                    .put("webhook_id", Long.toUnsignedString(APPLICATION))
                    .put("tts", false)
                    .put("pinned", false)
                    .put("mention_everyone", false);
            fixEmbeds(message);
            send(exchange, 200, message);
        } else {
            send(exchange, 404, DataObject.empty().put("code", 0).put("message", "fake discord: no route " + path));
        }
    }

    private DataObject application() {
        return DataObject.empty()
                .put("id", Long.toUnsignedString(APPLICATION))
                .put("name", "Heed")
                .put("description", "")
                .put("icon", null)
                .put("bot_public", false)
                .put("bot_require_code_grant", false)
                .put("flags", 0)
                .put("owner", user(OWNER, "Olu", false));
    }

    private static int limit(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("limit=")) {
                    return Integer.parseInt(part.substring(6));
                }
            }
        }
        return 50;
    }

    private DataObject thread(long id, long parent, String name) {
        return DataObject.empty()
                .put("id", Long.toUnsignedString(id))
                .put("type", 11)
                .put("guild_id", Long.toUnsignedString(GUILD))
                .put("parent_id", Long.toUnsignedString(parent))
                .put("owner_id", Long.toUnsignedString(BOT))
                .put("name", name)
                .put("member_count", 1)
                .put("message_count", 0)
                .put("total_message_count", 0)
                .put("rate_limit_per_user", 0)
                .put("flags", 0)
                .put(
                        "thread_metadata",
                        DataObject.empty()
                                .put("archived", false)
                                .put("locked", false)
                                .put("invitable", true)
                                .put("auto_archive_duration", 1440)
                                .put("archive_timestamp", Instant.now().toString())
                                .put("create_timestamp", Instant.now().toString()));
    }

    private synchronized DataObject create(long channel, DataObject body) {
        String nonce = body.hasKey("nonce") ? String.valueOf(body.get("nonce")) : null;
        boolean enforce = body.getBoolean("enforce_nonce", false);
        if (nonce != null && enforce && byNonce.containsKey(channel + "/" + nonce)) {
            return byNonce.get(channel + "/" + nonce);
        }
        long id = nextId();
        DataObject message = DataObject.empty()
                .put("id", Long.toUnsignedString(id))
                .put("channel_id", Long.toUnsignedString(channel))
                .put("guild_id", Long.toUnsignedString(GUILD))
                .put("type", body.hasKey("message_reference") ? 19 : 0)
                .put("content", body.getString("content", ""))
                .put("embeds", body.optArray("embeds").orElse(DataArray.empty()))
                .put("components", body.optArray("components").orElse(DataArray.empty()))
                .put("author", botUser())
                .put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty())
                .put("attachments", DataArray.empty())
                .put("timestamp", Instant.now().toString())
                .put("tts", false)
                .put("pinned", false)
                .put("mention_everyone", false)
                .put("flags", body.getInt("flags", 0))
                .put("allowed_mentions", body.opt("allowed_mentions").orElse(null));
        if (nonce != null) {
            message.put("nonce", nonce);
        }
        if (body.hasKey("message_reference")) {
            message.put("message_reference", body.getObject("message_reference"));
        }
        if (directChannels.containsKey(channel)) {
            message.remove("guild_id");
        }
        fixEmbeds(message);
        messages.computeIfAbsent(channel, c -> new java.util.concurrent.ConcurrentSkipListMap<>())
                .put(id, message);
        if (nonce != null && enforce) {
            byNonce.put(channel + "/" + nonce, message);
        }
        return message;
    }

    private static void fixEmbeds(DataObject message) {
        DataArray embeds = message.optArray("embeds").orElse(DataArray.empty());
        for (int i = 0; i < embeds.length(); i++) {
            DataObject embed = embeds.getObject(i);
            if (!embed.hasKey("type")) {
                embed.put("type", "rich");
            }
        }
    }

    private static void tooManyRequests(HttpExchange exchange, double retryAfter) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.add("Via", "1.1 google");
        headers.add("X-RateLimit-Bucket", "fake-bucket");
        headers.add("X-RateLimit-Limit", "5");
        headers.add("X-RateLimit-Remaining", "0");
        headers.add("X-RateLimit-Reset-After", Double.toString(retryAfter));
        headers.add("X-RateLimit-Scope", "user");
        headers.add("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
        send(
                exchange,
                429,
                DataObject.empty()
                        .put("message", "You are being rate limited.")
                        .put("retry_after", retryAfter)
                        .put("global", false));
    }

    private static void send(HttpExchange exchange, int status, Object json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
