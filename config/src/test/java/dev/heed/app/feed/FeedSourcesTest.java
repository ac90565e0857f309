package dev.heed.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.app.Http;
import dev.heed.core.feed.FakeApi;
import dev.heed.core.feed.FeedEngine;
import dev.heed.core.feed.SourceStatusQuery;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feed sources configured under heed.sources[n], run by the real application against a loopback fake feed. */
class FeedSourcesTest {
    private static final String API_TOKEN = "api-token-0123456789abc";

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("server.port=0");
        all.add("spring.datasource.url=jdbc:h2:mem:heed-feeds-" + System.nanoTime());
        all.add("heed.scheduling.enabled=false");
        // As arguments, so that they win over application.yml (its file database above all).
        return new SpringApplicationBuilder(dev.heed.app.HeedApplication.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    @Test
    void anRssSourceBringsPostsInAndTheApiListsEverySourceWithItsHealth() {
        try (FakeApi feed = new FakeApi()) {
            feed.on("/feed.xml", FakeApi.Answer.xml("""
                    <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title>
                    <item><guid>g1</guid><title>Bean and Bloom lost my order</title><link>https://blog.example/g1</link>
                    <pubDate>Mon, 23 Nov 2026 07:00:00 GMT</pubDate></item></channel></rss>
                    """));
            try (ConfigurableApplicationContext app = start(
                    "heed.api.token=" + API_TOKEN,
                    "heed.sources[0].id=hooks",
                    "heed.sources[0].type=webhook",
                    "heed.sources[0].token=webhook-token-0123456789",
                    "heed.sources[1].id=blog",
                    "heed.sources[1].type=rss",
                    "heed.sources[1].url=" + feed.url() + "/feed.xml",
                    "heed.sources[1].look-back=30d",
                    "heed.sources[2].id=broken",
                    "heed.sources[2].type=rss",
                    "heed.sources[2].url=" + feed.url() + "/missing.xml")) {
                FeedEngine engine = app.getBean(FeedEngine.class);
                engine.tick();
                Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

                HttpResponse<String> answer = http.get("/api/sources", "Authorization", "Bearer " + API_TOKEN);
                JsonNode sources = JsonMapper.builder().build().readTree(answer.body());

                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(sources.findValuesAsString("id")).containsExactly("blog", "broken", "hooks");
                assertThat(sources.get(0).get("healthy").asBoolean()).isTrue();
                assertThat(sources.get(0).get("itemsToday").asInt())
                        .as(sources.toString())
                        .isEqualTo(1);
                assertThat(sources.get(1).get("healthy").asBoolean()).isFalse();
                assertThat(sources.get(1).get("lastError").asString()).startsWith("client error: HTTP 404");
                assertThat(sources.get(2).get("type").asString()).isEqualTo("webhook");
                assertThat(http.get("/api/sources").statusCode()).isEqualTo(401);
                assertThat(http.get("/api/cases", "Authorization", "Bearer " + API_TOKEN)
                                .body())
                        .contains("Bean and Bloom lost my order");
                assertThat(app.getBean(SourceStatusQuery.class).render())
                        .contains("OK blog (rss): 1 post today", "FAILING broken (rss)");
            }
        }
    }

    @Test
    void eachSourceTypeNamesWhatItIsMissing() {
        assertThatThrownBy(() -> start(
                        "heed.sources[0].id=masto",
                        "heed.sources[0].type=mastodon",
                        "heed.sources[0].instance-url=https://mastodon.social"))
                .hasStackTraceContaining("heed.sources[n].access-token")
                .hasStackTraceContaining("read:notifications");
        assertThatThrownBy(() -> start(
                        "heed.sources[0].id=sky",
                        "heed.sources[0].type=bluesky",
                        "heed.sources[0].handle=beanbloom.bsky.social"))
                .hasStackTraceContaining("heed.sources[n].app-password");
        assertThatThrownBy(() -> start(
                        "heed.sources[0].id=red",
                        "heed.sources[0].type=rss",
                        "heed.sources[0].preset=reddit",
                        "heed.sources[0].query=bean"))
                .hasStackTraceContaining("heed.sources[n].user-agent");
        assertThatThrownBy(() -> start(
                        "heed.sources[0].id=ios",
                        "heed.sources[0].type=rss",
                        "heed.sources[0].preset=app-store",
                        "heed.sources[0].app-id=abc"))
                .hasStackTraceContaining("heed.sources[n].app-id");
        assertThatThrownBy(() -> start(
                        "heed.sources[0].id=blog",
                        "heed.sources[0].type=rss",
                        "heed.sources[0].url=https://blog.example/feed",
                        "heed.sources[0].interval=1s"))
                .hasStackTraceContaining("heed.sources[n].interval");
    }
}
