package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import dev.heed.core.model.CaseState;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only requests signed with the app's signing secret, within five minutes, reach a listener. */
class SlackSignatureTest {
    private SlackWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new SlackWorld();
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void aWrongSignatureGets401AndChangesNothing() throws Exception {
        long id = world.openCase("complaint: cold coffee");
        String body = world.clickBody("U0ANA", id, SlackCards.CLAIM, Long.toString(id));

        Response response = world.post(
                body,
                "application/x-www-form-urlencoded",
                null,
                "wrong-secret",
                Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(world.core.views.find(id).orElseThrow().state()).isEqualTo(CaseState.NEW);
    }

    @Test
    void signaturesOfTheWrongLengthOrMissingAreRefusedBeforeAnythingRuns() throws Exception {
        long id = world.openCase("complaint: cold coffee");
        String body = world.clickBody("U0ANA", id, SlackCards.CLAIM, Long.toString(id));
        String ts = Long.toString(Instant.now().getEpochSecond());
        String valid = new com.slack.api.app_backend.SlackSignature.Generator(SlackWorld.SECRET).generate(ts, body);

        for (String signature : java.util.Arrays.asList(
                valid.substring(0, valid.length() - 1), valid + "0", "v0=", "", valid.toUpperCase(), null)) {
            java.util.Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
            headers.put("content-type", java.util.List.of("application/x-www-form-urlencoded"));
            headers.put("X-Slack-Request-Timestamp", java.util.List.of(ts));
            if (signature != null) {
                headers.put("X-Slack-Signature", java.util.List.of(signature));
            }

            Response response = world.http.handle(body, headers, java.util.Map.of(), "127.0.0.1");

            assertThat(response.getStatusCode()).as(String.valueOf(signature)).isEqualTo(401);
        }
        assertThat(world.core.views.find(id).orElseThrow().state()).isEqualTo(CaseState.NEW);
    }

    @Test
    void aMalformedBodyIsRejectedWithoutAStackTrace() throws Exception {
        String body = "payload=" + SlackWorld.enc("{\"type\":\"block_actions\"}");

        Response response = world.post(body, "application/x-www-form-urlencoded", null);

        assertThat(response.getStatusCode()).isBetween(400, 401);
        assertThat(response.getBody()).doesNotContain("Exception");
    }

    @Test
    void aStaleTimestampGets401() throws Exception {
        String body = SlackWorld.form(java.util.Map.of("command", "/care", "text", "status", "user_id", "U0ANA"));

        Response response = world.post(
                body,
                "application/x-www-form-urlencoded",
                null,
                SlackWorld.SECRET,
                Instant.now().minusSeconds(600).getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(401);
    }

    @Test
    void urlVerificationEchoesTheChallenge() throws Exception {
        Response response = world.post(
                "{\"type\":\"url_verification\",\"token\":\"t\",\"challenge\":\"abc123\"}", "application/json", null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("abc123");
    }
}
