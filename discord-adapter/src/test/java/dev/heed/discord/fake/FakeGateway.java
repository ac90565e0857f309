package dev.heed.discord.fake;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The gateway half of {@link FakeDiscord}: HELLO on connect, READY and GUILD_CREATE after IDENTIFY, RESUMED after
 * RESUME, heartbeat ACKs, and scripted dispatches to the current connection. {@link #reconnect()} sends op 7.
 */
public final class FakeGateway extends WebSocketServer {
    private final FakeDiscord discord;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final List<DataObject> received = new CopyOnWriteArrayList<>();
    private volatile WebSocket current;
    private volatile String sessionId;

    FakeGateway(FakeDiscord discord) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.discord = discord;
        setReuseAddr(true);
        setDaemon(true);
    }

    void awaitStarted() {
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        current = socket;
        socket.send(DataObject.empty()
                .put("op", 10)
                .put("d", DataObject.empty().put("heartbeat_interval", 41250))
                .toString());
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        DataObject payload = DataObject.fromJson(message);
        received.add(payload);
        switch (payload.getInt("op")) {
            case 1 -> socket.send(DataObject.empty().put("op", 11).toString());
            case 2 -> {
                identifies.incrementAndGet();
                sessionId = "session-" + identifies.get();
                sequence.set(0);
                send(socket, "READY", discord.ready(sessionId));
                send(socket, "GUILD_CREATE", discord.guild());
            }
            case 6 -> {
                resumes.incrementAndGet();
                send(socket, "RESUMED", DataObject.empty());
            }
            default -> {
                // presence updates, member chunk requests: nothing to answer
            }
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        if (socket == current) {
            current = null;
        }
    }

    @Override
    public void onError(WebSocket socket, Exception ex) {
        // the tests see the effect (JDA reconnects); nothing to do here
    }

    /** Sends a dispatch ({@code op 0}) with the next sequence number to the connected client. */
    public void dispatch(String type, DataObject data) {
        WebSocket socket = current;
        if (socket == null) {
            throw new IllegalStateException("no gateway client is connected");
        }
        send(socket, type, data);
    }

    private synchronized void send(WebSocket socket, String type, DataObject data) {
        socket.send(DataObject.empty()
                .put("op", 0)
                .put("t", type)
                .put("s", sequence.incrementAndGet())
                .put("d", data)
                .toString());
    }

    /** Asks the client to reconnect (op 7 RECONNECT); JDA then resumes at {@code resume_gateway_url}. */
    public void reconnect() {
        WebSocket socket = current;
        if (socket != null) {
            socket.send(DataObject.empty().put("op", 7).put("d", null).toString());
        }
    }

    public boolean connected() {
        WebSocket socket = current;
        return socket != null && socket.isOpen();
    }

    public int identifies() {
        return identifies.get();
    }

    public int resumes() {
        return resumes.get();
    }

    /** Everything the client sent, e.g. IDENTIFY with its intents. */
    public List<DataObject> received() {
        return List.copyOf(received);
    }
}
