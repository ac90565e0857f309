package dev.heed.app.slack;

import com.slack.api.bolt.App;
import dev.heed.slack.SlackSocketMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Opens the Socket Mode connection once the application is up and closes it on shutdown. If Slack cannot be
 * reached at start-up the failure is logged and Heed keeps running (cards still go out through the outbox); the
 * SDK reconnects a dropped connection by itself.
 */
final class SlackSocketConnection implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SlackSocketConnection.class);

    private final App app;
    private final String appToken;
    private volatile SlackSocketMode socket;

    SlackSocketConnection(App app, String appToken) {
        this.app = app;
        this.appToken = appToken;
    }

    @Override
    public void start() {
        try {
            SlackSocketMode opened = new SlackSocketMode(appToken, app);
            opened.start();
            socket = opened;
            log.info("Slack Socket Mode connected");
        } catch (Exception e) {
            log.error("Slack Socket Mode could not connect; check heed.slack.app-token: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        SlackSocketMode open = socket;
        socket = null;
        if (open != null) {
            try {
                open.close();
            } catch (Exception e) {
                log.warn("Closing the Slack Socket Mode connection failed: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return socket != null;
    }
}
