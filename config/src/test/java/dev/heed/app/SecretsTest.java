package dev.heed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.core.casework.IngestService;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.feed.FeedEngine;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.discord.fake.FakeDiscord;
import dev.heed.slack.FakeSlack;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every secret Heed is given (webhook and API tokens, Slack bot token and signing secret, Discord token, LLM key,
 * Bluesky app password, Mastodon token, database password) stays out of the log (start-up, failing sources, a
 * failing model, refused requests), out of error answers, out of {@code /actuator} and out of the API.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest {
    private static final String WEBHOOK = "webhook-secret-AAAA1111";
    private static final String API = "api-secret-BBBB2222xx";
    private static final String SLACK_BOT = "xoxb-slack-bot-secret-CCCC3333";
    private static final String SIGNING = "slack-signing-secret-DDDD4444";
    private static final String DISCORD = "MTIz.discord-secret-EEEE5555";
    private static final String LLM = "llm-secret-FFFF6666";
    private static final String BLUESKY = "bsky-app-password-GGGG7777";
    private static final String MASTODON = "mastodon-secret-HHHH8888";
    private static final String DB = "db-secret-IIII9999";
    private static final List<String> SECRETS =
            List.of(WEBHOOK, API, SLACK_BOT, SIGNING, DISCORD, LLM, BLUESKY, MASTODON, DB);
    /** The distinctive part of each secret, so that a partly printed one is caught too. */
    private static final List<String> MARKS =
            SECRETS.stream().map(s -> s.substring(s.length() - 8)).toList();

    @Test
    void noSecretReachesTheLogAnErrorAnswerTheActuatorOrTheApi(CapturedOutput output) throws Exception {
        List<String> answers = new ArrayList<>();
        try (FakeSlack slack = new FakeSlack();
                FakeDiscord discord = new FakeDiscord();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(HeedApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:heed-secrets-" + System.nanoTime(),
                                "--spring.datasource.password=" + DB,
                                "--heed.scheduling.enabled=false",
                                "--heed.sources[0].id=zapier",
                                "--heed.sources[0].type=webhook",
                                "--heed.sources[0].token=" + WEBHOOK,
                                "--heed.sources[1].id=bsky",
                                "--heed.sources[1].type=bluesky",
                                "--heed.sources[1].service-url=http://127.0.0.1:1",
                                "--heed.sources[1].handle=beanbloom.bsky.social",
                                "--heed.sources[1].app-password=" + BLUESKY,
                                "--heed.sources[2].id=masto",
                                "--heed.sources[2].type=mastodon",
                                "--heed.sources[2].instance-url=http://127.0.0.1:1",
                                "--heed.sources[2].access-token=" + MASTODON,
                                "--heed.api.token=" + API,
                                "--heed.llm.base-url=http://127.0.0.1:1/v1/",
                                "--heed.llm.model=tiny",
                                "--heed.llm.api-key=" + LLM,
                                "--heed.slack.bot-token=" + SLACK_BOT,
                                "--heed.slack.mode=http",
                                "--heed.slack.signing-secret=" + SIGNING,
                                "--heed.slack.api-url=" + slack.apiUrl(),
                                "--heed.slack.channel=C0CARE",
                                "--heed.discord.token=" + DISCORD,
                                "--heed.discord.guild=" + FakeDiscord.GUILD,
                                "--heed.discord.channel=" + FakeDiscord.CHANNEL,
                                "--heed.discord.rest-url=" + discord.restUrl(),
                                "--heed.discord.gateway-url=" + discord.gatewayUrl())) {
            Http http =
                    new Http(((WebServerApplicationContext) app).getWebServer().getPort());

            // Failing sources and a failing model: their errors are logged and shown.
            app.getBean(FeedEngine.class).tick();
            app.getBean(IngestService.class)
                    .ingest(new Post(
                            "zapier",
                            "secrets-1",
                            Network.X,
                            new Author("@mara", "Mara", 10L, null),
                            "Still waiting for my refund",
                            "en",
                            Instant.now(),
                            null,
                            null,
                            null));
            app.getBean(OutboxDispatcher.class).deliverDue();

            // Refused and broken requests.
            answers.add(body(http.postJson("/hooks/ingest/zapier", "{}", "wrong-" + WEBHOOK)));
            answers.add(body(http.postJson("/hooks/ingest/zapier", "{\"text\": ", WEBHOOK)));
            answers.add(body(http.post("/hooks/ingest/zapier", "text/plain", "x".getBytes(StandardCharsets.UTF_8))));
            answers.add(body(http.get("/api/cases", "Authorization", "Bearer " + WEBHOOK)));
            answers.add(body(http.post(
                    "/slack/events",
                    "application/x-www-form-urlencoded",
                    "payload=%7B%7D".getBytes(StandardCharsets.UTF_8),
                    "X-Slack-Signature",
                    "v0=" + SIGNING,
                    "X-Slack-Request-Timestamp",
                    Long.toString(Instant.now().getEpochSecond()))));
            // What is open, and what the API shows (sources with their last errors, cases).
            HttpResponse<String> health = http.get("/actuator/health");
            answers.add(body(health));
            answers.add(body(http.get("/actuator/info")));
            // Metrics are open (names and numbers, e.g. the outbox backlog); each one's answer is checked too.
            HttpResponse<String> metrics = http.get("/actuator/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            answers.add(body(metrics));
            for (String name : List.of("heed.outbox.backlog", "heed.outbox.failing", "hikaricp.connections")) {
                answers.add(body(http.get("/actuator/metrics/" + name)));
            }
            for (String closed : List.of("env", "configprops", "beans", "loggers", "heapdump", "threaddump")) {
                HttpResponse<String> response = http.get("/actuator/" + closed);
                assertThat(response.statusCode()).as("/actuator/" + closed).isEqualTo(404);
                answers.add(body(response));
            }
            answers.add(body(http.get("/api/sources", "Authorization", "Bearer " + API)));
            answers.add(body(http.get("/api/cases", "Authorization", "Bearer " + API)));
            answers.add(body(http.get("/api/status", "Authorization", "Bearer " + API)));
            answers.add(app.getBean(HeedProperties.class).toString());

            assertThat(health.body()).as("health details stay hidden").doesNotContain("details", "jdbc", "H2");
            assertThat(answers.get(answers.size() - 4))
                    .as("the sources' errors are shown")
                    .contains("bsky", "masto");
        }

        assertThat(output.getAll())
                .as("the log shows the failures it should")
                .contains("Source 'bsky' failed", "Source 'masto' failed", "Reply drafting failed");
        for (String mark : MARKS) {
            assertThat(output.getAll()).as("the log").doesNotContain(mark);
            assertThat(answers).as("the answers").noneMatch(a -> a.contains(mark));
        }
    }

    @Test
    void aRefusedSecretAtStartUpIsNotPrintedEither(CapturedOutput output) {
        assertThatThrownBy(() -> TestApps.start("heed.api.token=short-" + "ZZ99"))
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() ->
                        TestApps.start("heed.slack.bot-token=xoxp-user-token-" + "YY88", "heed.slack.channel=C0CARE"))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("heed.api.token", "heed.slack.bot-token")
                .doesNotContain("ZZ99", "YY88");
    }

    private static String body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        return response.statusCode() + " " + response.headers().map() + " " + response.body();
    }
}
