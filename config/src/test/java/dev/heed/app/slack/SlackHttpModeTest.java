package dev.heed.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.heed.app.ChatPorts;
import dev.heed.app.HeedApplication;
import dev.heed.app.Http;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.casework.IngestService;
import dev.heed.core.chat.CaseView;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.model.Author;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.slack.FakeSlack;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application in Slack HTTP mode against the fake Slack Web API: cards reach the channel, and signed
 * requests to {@code POST /slack/events} (with the body exactly as Slack encodes it) act on cases.
 */
class SlackHttpModeTest {
    private static final String SECRET = "config-test-signing-secret";
    private static FakeSlack slack;
    private static ConfigurableApplicationContext app;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        app = new SpringApplicationBuilder(HeedApplication.class)
                .properties(
                        "spring.datasource.url=jdbc:h2:mem:heed-slack-" + System.nanoTime(),
                        "heed.scheduling.enabled=false",
                        "heed.demo.enabled=false",
                        "heed.slack.bot-token=xoxb-0000000000-config-test-token",
                        "heed.slack.mode=http",
                        "heed.slack.signing-secret=" + SECRET,
                        "heed.slack.api-url=" + slack.apiUrl(),
                        "heed.slack.channel=C0CARE")
                // A command-line argument, not a default property: application.yml's 8080 would win over those.
                .run("--server.port=0");
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @Test
    void slackReplacesTheConsoleChatPort() {
        ChatPorts ports = app.getBean(ChatPorts.class);
        assertThat(ports.ports()).extracting(p -> p.platform()).containsExactly("slack");
        assertThat(ports.defaultChannels()).extracting(c -> c.toString()).containsExactly("slack:C0CARE");
        assertThat(app.getBean(SlackProperties.class).toString())
                .doesNotContain("config-test-token", SECRET)
                .contains("botToken=****");
    }

    @Test
    void aCardIsPostedAndASignedClickWithSlacksOwnEncodingClaimsIt() {
        long id = ingest("Complaint *urgent*: the card machine ate my card & nobody helped");
        app.getBean(OutboxDispatcher.class).deliverDue();
        String ts = app.getBean(CaseViews.class)
                .cards(id)
                .values()
                .iterator()
                .next()
                .orElseThrow()
                .id();
        assertThat(slack.calls("chat.postMessage", c -> c.get("channel").equals("C0CARE")))
                .isNotEmpty();

        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"U0ANA\","
                + "\"name\":\"ana\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"t\",\"trigger_id\":\"x\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts + "\",\"channel_id\":\"C0CARE\"},"
                + "\"channel\":{\"id\":\"C0CARE\"},\"message\":{\"ts\":\"" + ts + "\",\"text\":\"*bold* card\"},"
                + "\"response_url\":\"" + slack.responseUrl("cfg") + "\",\"actions\":[{\"action_id\":\"heed_claim\","
                + "\"block_id\":\"b\",\"type\":\"button\",\"value\":\"" + id + "\",\"action_ts\":\"1\"}]}";
        // Slack percent-encodes '*' (Java's URLEncoder does not): the signature covers these exact bytes.
        String body =
                "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("*", "%2A");
        assertThat(body).contains("%2A");

        HttpResponse<String> response = signedPost(body, "application/x-www-form-urlencoded", SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        CaseView view = app.getBean(CaseViews.class).find(id).orElseThrow();
        assertThat(view.state()).isEqualTo(CaseState.CLAIMED);
        assertThat(view.owner().id()).isEqualTo("U0ANA");
    }

    @Test
    void aBadSignatureGets401() {
        String body = "command=%2Fcare&text=status&user_id=U0ANA&team_id=T1&channel_id=C0CARE";

        HttpResponse<String> response = signedPost(body, "application/x-www-form-urlencoded", "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void careStatusAnswersInTheAcknowledgement() {
        String body = "token=t&team_id=T1&channel_id=C0CARE&user_id=U0ANA&user_name=ana&command=%2Fcare"
                + "&text=status&api_app_id=A1&trigger_id=x&response_url="
                + URLEncoder.encode(slack.responseUrl("cmd"), StandardCharsets.UTF_8);

        HttpResponse<String> response = signedPost(body, "application/x-www-form-urlencoded", SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Team status", "ephemeral");
    }

    private static long ingest(String text) {
        Post post = new Post(
                "hook",
                "n" + System.nanoTime(),
                Network.X,
                new Author("@mara", "Mara", 1200L, null),
                text,
                "en",
                Instant.now(),
                "https://x.com/mara/status/1829",
                null,
                null);
        return app.getBean(IngestService.class).ingest(post).caseId();
    }

    private static HttpResponse<String> signedPost(String body, String contentType, String secret) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String signature = new SlackSignature.Generator(secret).generate(ts, body);
        return http.post(
                "/slack/events",
                contentType,
                body.getBytes(StandardCharsets.UTF_8),
                "X-Slack-Request-Timestamp",
                ts,
                "X-Slack-Signature",
                signature);
    }
}
