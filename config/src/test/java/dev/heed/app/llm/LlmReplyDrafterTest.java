package dev.heed.app.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.heed.core.classification.BrandSettings;
import dev.heed.core.classification.Classification;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drafting against a loopback fake of an OpenAI-compatible chat-completions endpoint. */
class LlmReplyDrafterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<SuggestedReply> TEMPLATES = List.of(
            new SuggestedReply("A", "Template A"), new SuggestedReply("B", "Template B"), new SuggestedReply("C", "C"));
    private static final Post POST = new Post(
            "t",
            "1",
            Network.X,
            new Author("@mara", "Mara", 10L, null),
            "Cold coffee again",
            "en",
            Instant.EPOCH,
            null,
            null,
            null);
    private static final Classification COMPLAINT = new Classification(Kind.COMPLAINT, 0.9, List.of("test"));

    private HttpServer server;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            lastRequest.set(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMillis); // the fake model's own latency, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                            + JSON.writeValueAsString(answer.get()) + "}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LlmReplyDrafter drafter() {
        return new LlmReplyDrafter(
                (post, c) -> TEMPLATES,
                new BrandSettings("Bean & Bloom", "", "hello@bb.example", ""),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/"),
                "tiny-model",
                "sk-test",
                Duration.ofMillis(800));
    }

    @Test
    void aGoodDraftComesFirstAndTheRequestCarriesTheRulesAndThePost() {
        answer.set("Sorry about the cold coffee, Mara - thanks for telling us. Could you email hello@bb.example?");

        List<SuggestedReply> replies = drafter().suggest(POST, COMPLAINT);

        assertThat(replies).hasSize(3);
        assertThat(replies.get(0)).isEqualTo(new SuggestedReply("Drafted", answer.get()));
        JsonNode request = lastRequest.get();
        assertThat(request.get("model").asString()).isEqualTo("tiny-model");
        assertThat(request.at("/messages/0/content").asString())
                .contains("Never promise refunds")
                .contains("at most 280");
        assertThat(request.at("/messages/1/content").asString())
                .contains("Cold coffee again")
                .contains("hello@bb.example");
        assertThat(lastAuthorization.get()).isEqualTo("Bearer sk-test");
    }

    @Test
    void draftsThatBreakTheRulesAreDroppedForTheTemplates() {
        for (String bad : List.of(
                "Sorry Mara, we'll give you a full refund!",
                "Sorry Mara, see https://bb.example/help",
                "Sorry @mara, ask @manager",
                "x".repeat(281),
                "   ")) {
            answer.set(bad);
            assertThat(drafter().suggest(POST, COMPLAINT)).as(bad).isEqualTo(TEMPLATES);
        }
    }

    @Test
    void aFailingOrSlowEndpointLeavesTheTemplates() {
        status.set(500);
        answer.set("fine text");
        assertThat(drafter().suggest(POST, COMPLAINT)).isEqualTo(TEMPLATES);

        status.set(200);
        delayMillis = 2_000;
        assertThat(drafter().suggest(POST, COMPLAINT)).isEqualTo(TEMPLATES);
    }

    @Test
    void anUnreachableEndpointLeavesTheTemplates() {
        server.stop(0);
        assertThat(drafter().suggest(POST, COMPLAINT)).isEqualTo(TEMPLATES);
    }
}
