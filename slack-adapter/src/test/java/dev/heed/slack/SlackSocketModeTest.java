package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.heed.core.model.CaseState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode: the same Bolt app, connected to a local WebSocket server that plays Slack's side. */
class SlackSocketModeTest {
    private SlackWorld world;
    private FakeSocket socket;
    private SlackSocketMode socketMode;

    @BeforeEach
    void start() throws Exception {
        world = new SlackWorld();
        socket = new FakeSocket();
        socket.start();
        assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
        world.slack.socketUrl = "ws://127.0.0.1:" + socket.getPort() + "/";
        socketMode = new SlackSocketMode("xapp-1-A1-0000-test-app-token", world.app);
        socketMode.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> socket.connection != null);
        socket.connection.send("{\"type\":\"hello\",\"num_connections\":1}");
    }

    @AfterEach
    void stop() throws Exception {
        socketMode.close();
        socket.stop(1000);
        world.close();
    }

    @Test
    void answersSlashCommandsAndActsOnReactionsOverTheSocket() throws Exception {
        long id = world.openCase("complaint: cold coffee");

        JsonObject command = new JsonObject();
        command.addProperty("command", "/care");
        command.addProperty("text", "status");
        command.addProperty("user_id", "U0ANA");
        command.addProperty("user_name", "ana");
        command.addProperty("channel_id", "C0CARE");
        command.addProperty("team_id", "T1");
        command.addProperty("response_url", world.slack.responseUrl("socket"));
        socket.connection.send(envelope("e1", "slash_commands", command));

        await().atMost(Duration.ofSeconds(20)).until(() -> socket.acked("e1") != null);
        assertThat(socket.acked("e1").toString()).contains("1 open: 1 unclaimed");

        JsonObject event = new JsonObject();
        event.addProperty("type", "reaction_added");
        event.addProperty("user", "U0ANA");
        event.addProperty("reaction", "eyes");
        JsonObject item = new JsonObject();
        item.addProperty("type", "message");
        item.addProperty("channel", "C0CARE");
        item.addProperty("ts", world.cardTs(id));
        event.add("item", item);
        JsonObject callback = new JsonObject();
        callback.addProperty("type", "event_callback");
        callback.addProperty("team_id", "T1");
        callback.addProperty("event_id", "EvSocket1");
        callback.add("event", event);
        socket.connection.send(envelope("e2", "events_api", callback));

        await().atMost(Duration.ofSeconds(20)).until(() -> socket.acked("e2") != null);
        assertThat(world.core.views.find(id).orElseThrow().state()).isEqualTo(CaseState.CLAIMED);
        assertThat(world.slack.calls("apps.connections.open")).isNotEmpty();
    }

    private static String envelope(String id, String type, JsonObject payload) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", id);
        envelope.addProperty("type", type);
        envelope.addProperty("accepts_response_payload", type.equals("slash_commands"));
        envelope.add("payload", payload);
        return envelope.toString();
    }

    private static final class FakeSocket extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final List<JsonObject> received = new CopyOnWriteArrayList<>();
        volatile WebSocket connection;

        FakeSocket() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        JsonObject acked(String envelopeId) {
            return received.stream()
                    .filter(m -> m.has("envelope_id")
                            && m.get("envelope_id").getAsString().equals(envelopeId))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connection = conn;
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(JsonParser.parseString(message).getAsJsonObject());
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
