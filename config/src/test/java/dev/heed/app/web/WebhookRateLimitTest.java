package dev.heed.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.app.Http;
import dev.heed.app.TestWiring;
import dev.heed.core.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each webhook source has its own token bucket: 3 requests per minute here, refilled by the test clock. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:heed-rate-limit;DB_CLOSE_DELAY=-1",
            "heed.scheduling.enabled=false",
            "heed.sources[0].id=zapier",
            "heed.sources[0].type=webhook",
            "heed.sources[0].token=" + WebhookRateLimitTest.TOKEN,
            "heed.sources[1].id=ifttt",
            "heed.sources[1].type=webhook",
            "heed.sources[1].token=" + WebhookRateLimitTest.TOKEN,
            "heed.webhook.rate-limit.requests=3",
            "heed.webhook.rate-limit.per=PT1M"
        })
@Import(TestWiring.class)
class WebhookRateLimitTest {
    static final String TOKEN = "rate-limit-token-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    @Test
    void aSourceOverItsLimitGets429WithRetryAfterUntilTheBucketRefills() {
        Http http = new Http(port);
        for (int i = 0; i < 5; i++) {
            assertThat(post(http, "zapier", "wrong-token-0123456789").statusCode())
                    .as("refused requests do not use up the source's allowance")
                    .isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(post(http, "zapier", TOKEN).statusCode()).isEqualTo(202);
        }
        long cases = cases();

        HttpResponse<String> limited = post(http, "zapier", TOKEN);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("20");
        JsonNode error = JSON.readTree(limited.body());
        assertThat(error.get("error").asString()).isEqualTo("rate_limited");
        assertThat(error.get("message").asString())
                .isEqualTo("Source 'zapier' sent more than 3 requests per PT1M (heed.webhook.rate-limit); retry in"
                        + " 20 s.");
        assertThat(cases()).as("nothing stored for a refused request").isEqualTo(cases);
        assertThat(post(http, "ifttt", TOKEN).statusCode())
                .as("another source has its own bucket")
                .isEqualTo(202);

        clock.advance(Duration.ofSeconds(15));
        HttpResponse<String> stillEarly = post(http, "zapier", TOKEN);
        assertThat(stillEarly.statusCode()).isEqualTo(429);
        assertThat(stillEarly.headers().firstValue("Retry-After")).hasValue("5");

        clock.advance(Duration.ofSeconds(5));
        assertThat(post(http, "zapier", TOKEN).statusCode())
                .as("one token after 20 s")
                .isEqualTo(202);
        assertThat(post(http, "zapier", TOKEN).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(post(http, "zapier", TOKEN).statusCode())
                    .as("a full bucket holds no more than the limit")
                    .isEqualTo(202);
        }
        assertThat(post(http, "zapier", TOKEN).statusCode()).isEqualTo(429);
    }

    private static HttpResponse<String> post(Http http, String source, String token) {
        return http.postJson(
                "/hooks/ingest/" + source,
                "{\"text\":\"Cold chips " + UUID.randomUUID() + "\",\"author_handle\":\"@gus\"}",
                token);
    }

    private long cases() {
        return JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM care_case")
                .query(Long.class)
                .single();
    }
}
