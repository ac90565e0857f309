package dev.heed.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.app.HeedTest;
import dev.heed.app.Http;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HeedTest
class ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theApiNeedsItsBearerToken() {
        Http http = new Http(port);

        assertThat(http.get("/api/cases").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/cases", "Authorization", "Bearer wrong-token-0123456789")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/status", "Authorization", "Bearer " + HeedTest.WEBHOOK_TOKEN)
                        .statusCode())
                .as("the webhook token is not the API token")
                .isEqualTo(401);
    }

    @Test
    void casesCanBeFilteredByKindStateAndTime() {
        Http http = new Http(port);
        String marker = UUID.randomUUID().toString();
        http.postJson(
                "/hooks/ingest/zapier",
                "{\"text\":\"Where is my parcel? " + marker + "\",\"author_handle\":\"@q\",\"kind\":\"question\"}",
                HeedTest.WEBHOOK_TOKEN);
        http.postJson(
                "/hooks/ingest/zapier",
                "{\"text\":\"Love it " + marker + "\",\"author_handle\":\"@p\",\"kind\":\"compliment\"}",
                HeedTest.WEBHOOK_TOKEN);

        JsonNode questions = get(http, "/api/cases?kind=question&state=new&limit=1000");
        JsonNode since = get(http, "/api/cases?since=2100-01-01T00:00:00Z");

        assertThat(questions.isArray()).isTrue();
        assertThat(questions.findValuesAsString("kind")).isNotEmpty().containsOnly("QUESTION");
        assertThat(questions.toString())
                .contains("Where is my parcel? " + marker)
                .doesNotContain("Love it " + marker);
        assertThat(since.size()).isZero();
    }

    @Test
    void badFiltersAndMissingCasesGetClearErrors() {
        Http http = new Http(port);
        String auth = "Bearer " + HeedTest.API_TOKEN;

        HttpResponse<String> badKind = http.get("/api/cases?kind=rant", "Authorization", auth);
        HttpResponse<String> badSince = http.get("/api/cases?since=yesterday", "Authorization", auth);
        HttpResponse<String> missing = http.get("/api/cases/987654", "Authorization", auth);

        assertThat(badKind.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(badKind.body()).get("field").asString()).isEqualTo("kind");
        assertThat(badSince.statusCode()).isEqualTo(422);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("message").asString()).isEqualTo("There is no case #987654.");
    }

    @Test
    void theAuditTrailExportsAsCsvSinceATimeOrADate() {
        Http http = new Http(port);
        String auth = "Bearer " + HeedTest.API_TOKEN;
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> posted = http.postJson(
                "/hooks/ingest/zapier",
                "{\"id\":\"" + marker + "\",\"text\":\"Cold soup\",\"author_handle\":\"@s\"}",
                HeedTest.WEBHOOK_TOKEN);
        assertThat(posted.statusCode()).isEqualTo(202);
        long caseId = JSON.readTree(posted.body()).get("caseId").asLong();

        HttpResponse<String> all = http.get("/api/audit.csv?since=2020-01-01", "Authorization", auth);
        HttpResponse<String> future = http.get("/api/audit.csv?since=2100-01-01T00:00:00Z", "Authorization", auth);
        HttpResponse<String> bad = http.get("/api/audit.csv?since=last-week", "Authorization", auth);
        HttpResponse<String> anonymous = http.get("/api/audit.csv");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(all.body())
                .startsWith("entry,case,at,actor,action,detail\r\n")
                .containsPattern("\r\n\\d+," + caseId + ",[^,]+,heed,DETECTED,");
        assertThat(future.body()).isEqualTo("entry,case,at,actor,action,detail\r\n");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body()).get("field").asString()).isEqualTo("since");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void healthInfoAndMetricsAreOpenButNothingElseIs() {
        Http http = new Http(port);

        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("components").has("chatDelivery"))
                .isTrue();
        assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/metrics").statusCode()).isEqualTo(200); // names and numbers only
        assertThat(http.get("/actuator/configprops").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/heapdump").statusCode()).isEqualTo(404);
        assertThat(http.get("/h2-console").statusCode()).isEqualTo(404);
    }

    private static JsonNode get(Http http, String path) {
        HttpResponse<String> response = http.get(path, "Authorization", "Bearer " + HeedTest.API_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
