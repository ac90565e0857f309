package dev.heed.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Socket Mode: Heed opens a WebSocket to Slack ({@code apps.connections.open} with the {@code xapp-} token), so no
 * public URL is needed. The Java-WebSocket backend is used; the SDK reconnects by itself.
 */
public final class SlackSocketMode implements AutoCloseable {
    private final SocketModeApp socket;

    public SlackSocketMode(String appToken, App app) throws java.io.IOException {
        this.socket = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
    }

    public void start() throws Exception {
        socket.startAsync();
    }

    public boolean connected() {
        return !socket.isClientStopped();
    }

    @Override
    public void close() throws Exception {
        socket.close();
    }
}
