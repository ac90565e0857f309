package dev.heed.app.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.app.ChatPorts;
import dev.heed.app.HeedApplication;
import dev.heed.slack.FakeSlack;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application in Socket Mode (the default) connects to Slack's WebSocket and answers over it. */
class SlackSocketModeAppTest {

    @Test
    void connectsOnStartAnswersACommandAndDisconnectsOnShutdown() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            Socket socket = new Socket();
            socket.start();
            assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
            slack.socketUrl = "ws://127.0.0.1:" + socket.getPort() + "/";
            try {
                ConfigurableApplicationContext app = new SpringApplicationBuilder(HeedApplication.class)
                        .properties(
                                "spring.datasource.url=jdbc:h2:mem:heed-socket-" + System.nanoTime(),
                                "heed.scheduling.enabled=false",
                                "heed.demo.enabled=false",
                                "heed.slack.bot-token=xoxb-0000000000-socket-test-token",
                                "heed.slack.app-token=xapp-1-A1-0000-socket-test-token",
                                "heed.slack.api-url=" + slack.apiUrl(),
                                "heed.slack.channel=C0CARE")
                        .run("--server.port=0");
                try {
                    assertThat(app.getBean(ChatPorts.class).ports())
                            .extracting(p -> p.platform())
                            .containsExactly("slack");
                    await().atMost(Duration.ofSeconds(20)).until(() -> socket.connection != null);
                    socket.connection.send("{\"type\":\"hello\",\"num_connections\":1}");
                    socket.connection.send(
                            "{\"envelope_id\":\"e1\",\"type\":\"slash_commands\","
                                    + "\"accepts_response_payload\":true,\"payload\":{\"command\":\"/care\",\"text\":\"help\","
                                    + "\"user_id\":\"U0ANA\",\"user_name\":\"ana\",\"channel_id\":\"C0CARE\",\"team_id\":\"T1\"}}");

                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> socket.received.stream().anyMatch(m -> m.contains("\"e1\"")));
                    assertThat(socket.received).anyMatch(m -> m.contains("/care status"));
                    assertThat(slack.calls("apps.connections.open").get(0).get("_token"))
                            .isEqualTo("xapp-1-A1-0000-socket-test-token");
                } finally {
                    app.close();
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> socket.closed.getCount() == 0);
            } finally {
                socket.stop(1000);
            }
        }
    }

    private static final class Socket extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile WebSocket connection;

        Socket() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connection = conn;
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closed.countDown();
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
