package dev.heed.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.app.HeedTest;
import dev.heed.app.Http;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.chat.CaseView;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HeedTest
class WebhookTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/hooks/ingest/zapier";

    @LocalServerPort
    int port;

    @Autowired
    CaseViews views;

    @Autowired
    javax.sql.DataSource dataSource;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aJsonPostIsAcceptedWithTheCaseIdAndAllItsFields() {
        String id = unique();
        HttpResponse<String> response = http.postJson(PATH, """
                {"id": "%s", "text": "Is the rooftop bar open tonight?", "url": "https://x.example/s/1",
                 "created_at": "2026-11-23T08:55:00+01:00", "author_handle": "@olaf", "author_name": "Olaf",
                 "author_followers": "250", "in_reply_to": null, "extra_key_from_zapier": "ignored"}
                """.formatted(id), HeedTest.WEBHOOK_TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        CaseView view = views.find(body.get("caseId").asLong()).orElseThrow();
        assertThat(view.post().nativeId()).isEqualTo(id);
        assertThat(view.post().source()).isEqualTo("zapier");
        assertThat(view.post().network()).isEqualTo(Network.X);
        assertThat(view.post().createdAt()).isEqualTo(Instant.parse("2026-11-23T07:55:00Z"));
        assertThat(view.post().author().followers()).isEqualTo(250L);
        assertThat(view.post().permalink()).isEqualTo("https://x.example/s/1");
        assertThat(view.kind()).isEqualTo(Kind.QUESTION);
    }

    @Test
    void aFormPostIsAcceptedToo() {
        String form = "id=" + unique() + "&text=" + enc("Thanks for the lovely dinner, 5 stars! ⭐") + "&author_handle="
                + enc("@ines") + "&kind=compliment";

        HttpResponse<String> response = http.post(
                PATH,
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + HeedTest.WEBHOOK_TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        CaseView view = views.find(JSON.readTree(response.body()).get("caseId").asLong())
                .orElseThrow();
        assertThat(view.post().text()).isEqualTo("Thanks for the lovely dinner, 5 stars! ⭐");
        assertThat(view.kind()).isEqualTo(Kind.COMPLIMENT);
    }

    @Test
    void theSamePostSentTwiceMakesOneCase() {
        String json = """
                {"id": "%s", "text": "Cold chips again", "author_handle": "@gus"}
                """.formatted(unique());

        HttpResponse<String> first = http.postJson(PATH, json, HeedTest.WEBHOOK_TOKEN);
        HttpResponse<String> second = http.postJson(PATH, json, HeedTest.WEBHOOK_TOKEN);

        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(second.body()).get("status").asString()).isEqualTo("duplicate");
        assertThat(JSON.readTree(second.body()).get("caseId").asLong())
                .isEqualTo(JSON.readTree(first.body()).get("caseId").asLong());
    }

    @Test
    void withoutAnIdTheWebhookIdHeaderOrTheContentDedupes() {
        String text = "No id here " + unique();
        String json = "{\"text\": \"" + text + "\", \"author_handle\": \"@anon\"}";

        long a = caseId(http.postJson(PATH, json, HeedTest.WEBHOOK_TOKEN));
        long b = caseId(http.postJson(PATH, json, HeedTest.WEBHOOK_TOKEN));
        String delivery = unique();
        long c = caseId(http.post(
                PATH,
                "application/json",
                json.replace(text, text + "!").getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + HeedTest.WEBHOOK_TOKEN,
                "webhook-id",
                delivery));
        long d = caseId(http.post(
                PATH,
                "application/json",
                json.replace(text, text + "!!").getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + HeedTest.WEBHOOK_TOKEN,
                "webhook-id",
                delivery));

        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        assertThat(d).as("same webhook-id: a redelivery").isEqualTo(c);
    }

    @Test
    void aWrongOrMissingTokenIsRefusedWith401AndNothingIsStored() {
        long before = cases();

        HttpResponse<String> wrong = http.postJson(PATH, "{\"text\":\"x\",\"author_handle\":\"@a\"}", "nope");
        HttpResponse<String> missing = http.post(PATH, "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(error(wrong)).isEqualTo("unauthorized");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void anUnknownSourceIs404() {
        HttpResponse<String> response = http.postJson("/hooks/ingest/nope", "{}", HeedTest.WEBHOOK_TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response)).isEqualTo("unknown_source");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        HttpResponse<String> noText = http.postJson(PATH, "{\"author_handle\": \"@a\"}", HeedTest.WEBHOOK_TOKEN);
        HttpResponse<String> noAuthor = http.postJson(PATH, "{\"text\": \"hi\"}", HeedTest.WEBHOOK_TOKEN);

        assertThat(noText.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(noText.body()).get("field").asString()).isEqualTo("text");
        assertThat(JSON.readTree(noText.body()).get("message").asString()).isEqualTo("text: is required");
        assertThat(JSON.readTree(noAuthor.body()).get("field").asString()).isEqualTo("author_handle");
    }

    @Test
    void badFieldValuesSayWhatWasWrong() {
        assertThat(message("{\"text\":\"a\",\"author_handle\":\"@a\",\"created_at\":\"yesterday\"}"))
                .startsWith("created_at: must be an ISO-8601 time");
        assertThat(message("{\"text\":\"a\",\"author_handle\":\"@a\",\"author_followers\":\"lots\"}"))
                .isEqualTo("author_followers: must be a whole number, got 'lots'");
        assertThat(message("{\"text\":\"a\",\"author_handle\":\"@a\",\"author_followers\":-3}"))
                .isEqualTo("author_followers: must not be negative");
        assertThat(message("{\"text\":\"a\",\"author_handle\":\"@a\",\"url\":\"javascript:alert(1)\"}"))
                .isEqualTo("url: must be an absolute http(s) URL");
        assertThat(message("{\"text\":\"a\",\"author_handle\":\"@a\",\"kind\":\"rant\"}"))
                .startsWith("kind: must be one of complaint");
        assertThat(message("{\"text\":{\"nested\":true},\"author_handle\":\"@a\"}"))
                .isEqualTo("text: must be a string or a number, not an object or an array");
    }

    @Test
    void malformedBodiesAre400() {
        HttpResponse<String> notJson = http.postJson(PATH, "{\"text\": ", HeedTest.WEBHOOK_TOKEN);
        HttpResponse<String> array = http.postJson(PATH, "[1,2]", HeedTest.WEBHOOK_TOKEN);
        HttpResponse<String> duplicateKeys =
                http.postJson(PATH, "{\"text\":\"a\",\"text\":\"b\",\"author_handle\":\"@a\"}", HeedTest.WEBHOOK_TOKEN);
        byte[] invalidUtf8 = {'t', 'e', 'x', 't', '=', (byte) 0xC3, (byte) 0x28, '&', 'a', '=', 'b'};
        HttpResponse<String> badBytes = http.post(
                PATH,
                "application/x-www-form-urlencoded",
                invalidUtf8,
                "Authorization",
                "Bearer " + HeedTest.WEBHOOK_TOKEN);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(error(notJson)).isEqualTo("malformed_json");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(duplicateKeys.statusCode()).isEqualTo(400);
        assertThat(badBytes.statusCode()).isEqualTo(400);
        assertThat(error(badBytes)).isEqualTo("invalid_utf8");
    }

    @Test
    void anOversizedBodyIs413AndAnUnknownMediaTypeIs415() {
        byte[] huge =
                ("{\"text\":\"" + "a".repeat(5000) + "\",\"author_handle\":\"@a\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> tooLarge =
                http.post(PATH, "application/json", huge, "Authorization", "Bearer " + HeedTest.WEBHOOK_TOKEN);
        HttpResponse<String> xml = http.post(
                PATH,
                "application/xml",
                "<post/>".getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + HeedTest.WEBHOOK_TOKEN);

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(error(tooLarge)).isEqualTo("body_too_large");
        assertThat(xml.statusCode()).isEqualTo(415);
    }

    private String message(String json) {
        HttpResponse<String> response = http.postJson(PATH, json, HeedTest.WEBHOOK_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return JSON.readTree(response.body()).get("message").asString();
    }

    private static String error(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("error").asString();
    }

    private static long caseId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("caseId").asLong();
    }

    private long cases() {
        return JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM care_case")
                .query(Long.class)
                .single();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
