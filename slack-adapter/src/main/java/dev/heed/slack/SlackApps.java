package dev.heed.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;

/** Builds the one Bolt {@code App} Heed runs, for HTTP mode or Socket Mode. */
public final class SlackApps {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    private SlackApps() {}

    /**
     * A Slack client whose Web API calls go to {@code apiUrl} (Slack's by default; a proxy or a test fake
     * otherwise). Nothing about the client is logged; tokens stay out of its configuration dump.
     */
    public static Slack slack(String apiUrl) {
        SlackConfig config = new SlackConfig();
        String url = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl;
        config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    /**
     * The app for one workspace. {@code signingSecret} may be null in Socket Mode (requests come over the app's
     * own WebSocket and are not signed). Constructing it calls {@code auth.test}.
     */
    public static App app(Slack slack, String botToken, String signingSecret) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(botToken)
                .signingSecret(signingSecret)
                .build();
        // Events Heed has no listener for (messages in the channel and the like) are acknowledged, not retried.
        config.setAllEventsApiAutoAckEnabled(true);
        return new App(config);
    }
}
