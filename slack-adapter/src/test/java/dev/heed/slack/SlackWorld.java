package dev.heed.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real Bolt app and the real Slack chat adapter, wired to the core's use cases on H2 with a mutable clock, and
 * talking to a {@link FakeSlack}. Inbound requests are signed like Slack signs them and go through {@link SlackHttp}.
 */
final class SlackWorld implements AutoCloseable {
    static final String SECRET = "test-signing-secret-0123456789";
    static final String TOKEN = "xoxb-0000000000-test-bot-token";
    static final ChannelRef CHANNEL = new ChannelRef("slack", "C0CARE");

    final FakeSlack slack;
    final Casework core;
    final SlackChatAdapter adapter;
    final App app;
    final SlackHttp http;
    private final AtomicInteger events = new AtomicInteger();

    SlackWorld() throws Exception {
        this(settings -> settings);
    }

    SlackWorld(java.util.function.UnaryOperator<SlackSettings> tune) throws Exception {
        this(tune, dev.heed.core.casework.StormSettings.off());
    }

    SlackWorld(java.util.function.UnaryOperator<SlackSettings> tune, dev.heed.core.casework.StormSettings storms)
            throws Exception {
        slack = new FakeSlack();
        SlackSettings settings = tune.apply(new SlackSettings(
                CHANNEL,
                List.of("S0ONDUTY"),
                List.of("S0MANAGERS", "U0BOSS"),
                List.of(),
                "eyes",
                "white_check_mark",
                java.time.Duration.ofSeconds(1),
                50));
        com.slack.api.Slack client = SlackApps.slack(slack.apiUrl());
        app = SlackApps.app(client, TOKEN, SECRET);
        // Casework creates the clock the adapter needs, and needs its ports at construction: forward to the adapter.
        DeferredPort port = new DeferredPort();
        core = new Casework(TestDatabase.db(), RouteTable.to(CHANNEL), List.of(port), storms);
        slack.clock = core.clock;
        adapter = new SlackChatAdapter(client.methods(TOKEN), core.clock, settings);
        port.target = adapter;
        SlackBot.register(
                app,
                core.db,
                core.commands,
                core.views,
                core.reports,
                core.clock,
                ZoneOffset.UTC,
                settings,
                () -> "No sources are configured.");
        http = new SlackHttp(app);
    }

    /** Opens a case from a post and delivers its card; returns the case id. */
    long openCase(String text) {
        long id = core.open(text);
        core.dispatcher.deliverDue();
        return id;
    }

    /** The ts of a case's card in the channel. */
    String cardTs(long caseId) {
        return core.views.cards(caseId).get(CHANNEL).orElseThrow().id();
    }

    Response command(String user, String text) throws Exception {
        String body = form(Map.of(
                "token",
                "legacy",
                "team_id",
                "T1",
                "channel_id",
                CHANNEL.id(),
                "user_id",
                user,
                "user_name",
                user.toLowerCase(java.util.Locale.ROOT),
                "command",
                "/care",
                "text",
                text,
                "response_url",
                slack.responseUrl("cmd"),
                "trigger_id",
                "trig-1",
                "api_app_id",
                "A1"));
        return post(body, "application/x-www-form-urlencoded", null);
    }

    Response click(String user, long caseId, String actionId, String value) throws Exception {
        return post(clickBody(user, caseId, actionId, value), "application/x-www-form-urlencoded", null);
    }

    Response choose(String user, long caseId, String actionId, String value) throws Exception {
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "heed_actions_" + caseId);
        action.addProperty("type", "static_select");
        JsonObject option = new JsonObject();
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", value);
        option.add("text", text);
        option.addProperty("value", value);
        action.add("selected_option", option);
        action.addProperty("action_ts", "1700000000.1");
        return blockAction(user, caseId, action);
    }

    private Response blockAction(String user, long caseId, JsonObject action) throws Exception {
        return post(blockActionBody(user, caseId, action), "application/x-www-form-urlencoded", null);
    }

    /** The form body of a click on a card's button, as Slack sends it. */
    String clickBody(String user, long caseId, String actionId, String value) {
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "heed_actions_" + caseId);
        action.addProperty("type", "button");
        action.addProperty("value", value);
        action.addProperty("action_ts", "1700000000.1");
        return blockActionBody(user, caseId, action);
    }

    /** A click on a button of any message, e.g. a Claim in a storm's thread. */
    Response clickOn(String user, String messageTs, String actionId, String value) throws Exception {
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b1");
        action.addProperty("type", "button");
        action.addProperty("value", value);
        action.addProperty("action_ts", "1700000000.1");
        return post(blockActionBody(user, messageTs, action), "application/x-www-form-urlencoded", null);
    }

    private String blockActionBody(String user, long caseId, JsonObject action) {
        return blockActionBody(user, cardTs(caseId), action);
    }

    private String blockActionBody(String user, String messageTs, JsonObject action) {
        JsonObject payload = base("block_actions", user);
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", messageTs);
        container.addProperty("channel_id", CHANNEL.id());
        payload.add("container", container);
        JsonObject channel = new JsonObject();
        channel.addProperty("id", CHANNEL.id());
        payload.add("channel", channel);
        JsonObject message = new JsonObject();
        message.addProperty("ts", messageTs);
        message.addProperty("type", "message");
        payload.add("message", message);
        payload.addProperty("response_url", slack.responseUrl("click-" + user));
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return "payload=" + enc(payload.toString());
    }

    /** A modal's text box changed (dispatch_action on each character). */
    Response typeInModal(String user, long caseId, String text) throws Exception {
        JsonObject payload = base("block_actions", user);
        payload.add("view", view(caseId, text));
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", "V1");
        payload.add("container", container);
        JsonArray actions = new JsonArray();
        JsonObject action = new JsonObject();
        action.addProperty("action_id", SlackBot.REPLY_TEXT);
        action.addProperty("block_id", SlackBot.REPLY_BLOCK);
        action.addProperty("type", "plain_text_input");
        action.addProperty("value", text);
        actions.add(action);
        payload.add("actions", actions);
        return post("payload=" + enc(payload.toString()), "application/x-www-form-urlencoded", null);
    }

    Response submitReply(String user, long caseId, String text) throws Exception {
        JsonObject payload = base("view_submission", user);
        payload.add("view", view(caseId, text));
        return post("payload=" + enc(payload.toString()), "application/x-www-form-urlencoded", null);
    }

    private static JsonObject view(long caseId, String text) {
        JsonObject view = new JsonObject();
        view.addProperty("id", "V1");
        view.addProperty("type", "modal");
        view.addProperty("callback_id", SlackBot.REPLY_MODAL);
        view.addProperty("private_metadata", Long.toString(caseId));
        view.addProperty("hash", "h1");
        JsonObject value = new JsonObject();
        value.addProperty("type", "plain_text_input");
        value.addProperty("value", text);
        JsonObject block = new JsonObject();
        block.add(SlackBot.REPLY_TEXT, value);
        JsonObject values = new JsonObject();
        values.add(SlackBot.REPLY_BLOCK, block);
        JsonObject state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        return view;
    }

    Response react(String type, String user, String reaction, long caseId) throws Exception {
        return react(type, user, reaction, caseId, "Ev" + events.incrementAndGet(), null);
    }

    Response react(String type, String user, String reaction, long caseId, String eventId, String retryNum)
            throws Exception {
        JsonObject event = new JsonObject();
        event.addProperty("type", type);
        event.addProperty("user", user);
        event.addProperty("reaction", reaction);
        event.addProperty("item_user", FakeSlack.BOT_USER);
        JsonObject item = new JsonObject();
        item.addProperty("type", "message");
        item.addProperty("channel", CHANNEL.id());
        item.addProperty("ts", cardTs(caseId));
        event.add("item", item);
        event.addProperty("event_ts", "1700000000.2");
        return event(event, eventId, retryNum);
    }

    Response event(JsonObject event, String eventId, String retryNum) throws Exception {
        JsonObject payload = new JsonObject();
        payload.addProperty("token", "legacy");
        payload.addProperty("team_id", "T1");
        payload.addProperty("api_app_id", "A1");
        payload.addProperty("type", "event_callback");
        payload.addProperty("event_id", eventId);
        payload.addProperty("event_time", 1700000000);
        payload.add("event", event);
        return post(payload.toString(), "application/json", retryNum);
    }

    private static JsonObject base(String type, String user) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", type);
        JsonObject team = new JsonObject();
        team.addProperty("id", "T1");
        payload.add("team", team);
        JsonObject who = new JsonObject();
        who.addProperty("id", user);
        who.addProperty("username", user.toLowerCase(java.util.Locale.ROOT));
        who.addProperty("name", user.toLowerCase(java.util.Locale.ROOT));
        who.addProperty("team_id", "T1");
        payload.add("user", who);
        payload.addProperty("api_app_id", "A1");
        payload.addProperty("token", "legacy");
        payload.addProperty("trigger_id", "trig-2");
        return payload;
    }

    /** Posts a request signed now with the right secret. */
    Response post(String body, String contentType, String retryNum) throws Exception {
        return post(body, contentType, retryNum, SECRET, Instant.now().getEpochSecond());
    }

    Response post(String body, String contentType, String retryNum, String secret, long timestamp) throws Exception {
        String ts = Long.toString(timestamp);
        String signature = new SlackSignature.Generator(secret).generate(ts, body);
        Map<String, List<String>> headers = new java.util.HashMap<>();
        headers.put("content-type", List.of(contentType));
        headers.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, List.of(ts));
        headers.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, List.of(signature));
        if (retryNum != null) {
            headers.put("X-Slack-Retry-Num", List.of(retryNum));
            headers.put("X-Slack-Retry-Reason", List.of("http_timeout"));
        }
        return http.handle(body, headers, Map.of(), "127.0.0.1");
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (var entry : new java.util.TreeMap<>(fields).entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(enc(entry.getKey())).append('=').append(enc(entry.getValue()));
        }
        return out.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        app.stop();
        slack.close();
    }

    /** Forwards to the Slack adapter once it exists (it needs the clock Casework creates). */
    private static final class DeferredPort implements dev.heed.core.chat.ChatPort {
        volatile SlackChatAdapter target;

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public dev.heed.core.model.MessageRef publishCard(
                ChannelRef channel, dev.heed.core.chat.CaseView card, dev.heed.core.chat.DeliveryAttempt attempt) {
            return target.publishCard(channel, card, attempt);
        }

        @Override
        public void updateCard(
                dev.heed.core.model.MessageRef message,
                dev.heed.core.chat.CaseView card,
                dev.heed.core.chat.DeliveryAttempt attempt) {
            target.updateCard(message, card, attempt);
        }

        @Override
        public dev.heed.core.model.MessageRef postNudge(
                dev.heed.core.model.MessageRef cardMessage,
                dev.heed.core.chat.NudgeNotice nudge,
                dev.heed.core.chat.DeliveryAttempt attempt) {
            return target.postNudge(cardMessage, nudge, attempt);
        }

        @Override
        public dev.heed.core.model.MessageRef postNotice(
                ChannelRef channel, String text, dev.heed.core.chat.DeliveryAttempt attempt) {
            return target.postNotice(channel, text, attempt);
        }

        @Override
        public dev.heed.core.model.MessageRef publishStorm(
                ChannelRef channel, dev.heed.core.chat.StormView storm, dev.heed.core.chat.DeliveryAttempt attempt) {
            return target.publishStorm(channel, storm, attempt);
        }

        @Override
        public void updateStorm(
                dev.heed.core.model.MessageRef message,
                dev.heed.core.chat.StormView storm,
                dev.heed.core.chat.DeliveryAttempt attempt) {
            target.updateStorm(message, storm, attempt);
        }

        @Override
        public dev.heed.core.model.MessageRef postStormCases(
                dev.heed.core.model.MessageRef stormMessage,
                List<dev.heed.core.chat.CaseView> cases,
                dev.heed.core.chat.DeliveryAttempt attempt) {
            return target.postStormCases(stormMessage, cases, attempt);
        }
    }
}
