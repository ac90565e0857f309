package dev.heed.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.app.HeedApplication;
import dev.heed.app.Http;
import dev.heed.app.TestWiring;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: whatever bytes arrive at {@code POST /hooks/ingest/{source}} (random bytes, invalid UTF-8, huge fields,
 * deeply nested JSON, duplicate keys, wrong types, odd content types), the answer is 202 or a 4xx with a JSON error,
 * never a 5xx; a field error names the field; and a refused request writes nothing.
 */
class HostileWebhookTest {
    private static final String TOKEN = "hostile-webhook-token-0123456789";
    private static final String PATH = "/hooks/ingest/zapier";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The keys the webhook reads, in a fixed order so that a seed replays the same bodies. */
    private static final List<String> FIELDS =
            WebhookController.FIELDS.stream().sorted().toList();

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static JdbcClient db;

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(HeedApplication.class, TestWiring.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:heed-hostile-webhook;DB_CLOSE_DELAY=-1",
                        "--heed.scheduling.enabled=false",
                        "--heed.sources[0].id=zapier",
                        "--heed.sources[0].type=webhook",
                        "--heed.sources[0].token=" + TOKEN,
                        "--heed.webhook.max-body-bytes=4096",
                        "--heed.webhook.rate-limit.requests=1000000");
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
        db = JdbcClient.create(app.getBean(DataSource.class));
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A request body and its Content-Type. */
    record Body(String contentType, byte[] bytes) {
        @Override
        public String toString() {
            String shown = new String(bytes, StandardCharsets.UTF_8);
            return contentType + " (" + bytes.length + " bytes) "
                    + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
        }
    }

    @Property(tries = 250)
    void anyBodyGetsA202OrAJson4xxAndARefusalWritesNothing(@ForAll("bodies") Body body) {
        Map<String, Long> before = counts();

        HttpResponse<String> response =
                http.post(PATH, body.contentType(), body.bytes(), "Authorization", "Bearer " + TOKEN);

        int status = response.statusCode();
        Statistics.collect(status);
        assertThat(status).as(response.body()).isIn(202, 400, 413, 415, 422);
        Map<String, Long> after = counts();
        JsonNode answer = JSON.readTree(response.body());
        if (status == 202) {
            String outcome = answer.get("status").asString();
            assertThat(outcome).isIn("created", "duplicate", "attached", "reopened");
            if (outcome.equals("created")) {
                assertThat(after.get("care_case")).isEqualTo(before.get("care_case") + 1);
                assertThat(after.get("post")).isEqualTo(before.get("post") + 1);
                assertThat(after.get("outbox")).as("the card").isGreaterThan(before.get("outbox"));
            }
            return;
        }
        assertThat(after).as("a refused request writes nothing").isEqualTo(before);
        assertThat(answer.path("error").asString()).as(response.body()).isNotBlank();
        assertThat(answer.path("message").asString()).as(response.body()).isNotBlank();
        if (status == 422) {
            String field = answer.path("field").asString();
            assertThat(field).as(response.body()).isNotBlank();
            assertThat(answer.get("message").asString()).startsWith(field + ": ");
        }
        assertThat(response.body())
                .doesNotContain(TOKEN)
                .doesNotContain("Exception")
                .doesNotContain("at dev.heed");
    }

    private static Map<String, Long> counts() {
        return Map.of("care_case", count("care_case"), "post", count("post"), "outbox", count("outbox"));
    }

    private static long count(String table) {
        return db.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<String> jsonTypes = Arbitraries.of(
                "application/json",
                "application/json; charset=utf-8",
                "application/vnd.zapier+json",
                "application/json; charset=latin1");
        Arbitrary<String> anyType = Arbitraries.of(
                "application/json",
                "application/x-www-form-urlencoded",
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "%%%/;;",
                "");
        Arbitrary<Body> json = Combinators.combine(jsonTypes, jsonObject().flatMap(HostileWebhookTest::mangled))
                .as(Body::new);
        Arbitrary<Body> form = Combinators.combine(
                        Arbitraries.just("application/x-www-form-urlencoded"),
                        form().flatMap(HostileWebhookTest::mangled))
                .as(Body::new);
        Arbitrary<Body> random = Combinators.combine(
                        anyType, Arbitraries.bytes().array(byte[].class).ofMaxSize(6000))
                .as(Body::new);
        return Arbitraries.frequencyOf(Tuple.of(6, json), Tuple.of(2, form), Tuple.of(2, random));
    }

    /** The text as UTF-8, sometimes with invalid UTF-8 spliced in or cut short. */
    private static Arbitrary<byte[]> mangled(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> asIs = Arbitraries.just(bytes);
        Arbitrary<byte[]> invalid = Combinators.combine(
                        Arbitraries.integers().between(0, bytes.length),
                        Arbitraries.of(
                                new byte[] {(byte) 0xC3, 0x28},
                                new byte[] {(byte) 0xFF},
                                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                new byte[] {(byte) 0xF0, (byte) 0x9F},
                                new byte[] {0}))
                .as((at, bad) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(bytes, 0, at);
                    out.writeBytes(bad);
                    out.write(bytes, at, bytes.length - at);
                    return out.toByteArray();
                });
        Arbitrary<byte[]> cut =
                Arbitraries.integers().between(0, bytes.length).map(n -> java.util.Arrays.copyOf(bytes, n));
        return Arbitraries.frequencyOf(Tuple.of(6, asIs), Tuple.of(2, invalid), Tuple.of(1, cut));
    }

    private static Arbitrary<String> jsonObject() {
        Arbitrary<String> pair = Combinators.combine(key(), jsonValue(3)).as((k, v) -> quote(k) + ":" + v);
        Arbitrary<String> valid = Combinators.combine(
                        hostileString().map(HostileWebhookTest::quote),
                        hostileString().map(HostileWebhookTest::quote))
                .as((text, handle) -> "\"text\":" + text + ",\"author_handle\":" + handle);
        Arbitrary<String> start = Arbitraries.frequencyOf(Tuple.of(2, valid), Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(start, pair.list().ofMaxSize(8)).as((head, pairs) -> {
            StringBuilder out = new StringBuilder("{").append(head);
            for (String p : pairs) {
                out.append(out.length() > 1 ? "," : "").append(p);
            }
            return out.append("}").toString();
        });
    }

    private static Arbitrary<String> key() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(FIELDS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)));
    }

    /** JSON values of every type, deep nesting and huge numbers included. */
    private static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(6, hostileString().map(HostileWebhookTest::quote)),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("true", "false", "null", "-0", "1e999", "0x10", "NaN", "[]", "{}")),
                Tuple.of(1, Arbitraries.integers().between(1, 3000).map(n -> "9".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(1, 1500).map(n -> "[".repeat(n) + "1" + "]".repeat(n))),
                Tuple.of(
                        1, Arbitraries.integers().between(1, 600).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n))));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(8, scalar),
                Tuple.of(
                        1,
                        Arbitraries.lazy(() -> jsonValue(depth - 1))
                                .list()
                                .ofMaxSize(3)
                                .map(l -> "[" + String.join(",", l) + "]")),
                Tuple.of(
                        1,
                        Combinators.combine(key(), Arbitraries.lazy(() -> jsonValue(depth - 1)))
                                .as((k, v) -> "{" + quote(k) + ":" + v + "}")));
    }

    private static Arbitrary<String> hostileString() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "",
                                " ",
                                "Still waiting for my refund",
                                "@mara",
                                "<!channel> @everyone",
                                "2026-11-23T09:15:00Z",
                                "1763888100",
                                "yesterday",
                                "-3",
                                "12",
                                "complaint",
                                "rant",
                                "https://x.example/s/1",
                                "javascript:alert(1)",
                                "http://",
                                "\u0000\u0007",
                                "\uD800",
                                "👨‍👩‍👧‍👦")),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(250)
                                .ofMaxLength(4500)));
    }

    private static Arbitrary<String> form() {
        Arbitrary<String> part = Arbitraries.frequencyOf(
                Tuple.of(4, hostileString().map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.of("%zz", "%C3%28", "%", "%F0%9F", "=", "&&", "+")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(10)));
        Arbitrary<String> pair = Combinators.combine(key(), part).as((k, v) -> k + "=" + v);
        return pair.list().ofMaxSize(8).map(pairs -> String.join("&", pairs));
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
