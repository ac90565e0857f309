package dev.heed.core.feed.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.feed.FakeApi.Answer;
import dev.heed.core.feed.FeedHarness;
import dev.heed.core.feed.SourceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppStoreAndHackerNewsTest {
    private final FeedHarness h = new FeedHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private static String review(String id, int stars, String title, String content, String updated) {
        return """
                {"author":{"uri":{"label":"https://itunes.apple.com/us/reviews/id9%s"},"name":{"label":"reviewer%s"},"label":""},
                 "updated":{"label":"%s"},"im:rating":{"label":"%d"},"im:version":{"label":"4.2"},
                 "id":{"label":"%s"},"title":{"label":"%s"},
                 "content":{"label":"%s","attributes":{"type":"text"}},
                 "link":{"attributes":{"rel":"related","href":"https://itunes.apple.com/us/review?id=123&type=Purple%%20Software"}},
                 "im:voteSum":{"label":"0"},"im:voteCount":{"label":"0"}}
                """.formatted(id, id, updated, stars, id, title, content);
    }

    @Test
    void appStoreReviewsCarryTheirRatingAndSkipTheAppEntry() {
        List<String> entries = new ArrayList<>();
        entries.add("""
                {"im:name":{"label":"Bean & Bloom"},"id":{"label":"https://apps.apple.com/us/app/id123","attributes":{"im:id":"123"}}}
                """);
        entries.add(review("r2", 1, "Crashes", "App crashes at checkout, lost my order", "2026-11-23T01:10:00-07:00"));
        entries.add(review("r1", 5, "Love it", "Best coffee app", "2026-11-22T22:00:00-07:00"));
        entries.add(review("r0", 2, "Old", "Too old to show", "2026-11-20T10:00:00-07:00"));
        h.api.on(
                "/us/rss/customerreviews/page=1/id=123/sortby=mostrecent/json",
                request -> Answer.json("{\"feed\":{\"entry\":[" + String.join(",", entries) + "]}}"));
        h.engine.register(
                new AppStoreSource(new AppStoreSource.Settings("ios", h.api.url(), "123", "us"), h.http, h.work.clock),
                SourceSettings.every(Duration.ofMinutes(15)));

        h.engine.tick();
        h.work.advance(Duration.ofMinutes(15));
        h.engine.tick();

        assertThat(h.nativeIds()).containsExactly("r1", "r2");
        assertThat(h.texts().get(1))
                .isEqualTo("Rating: 1/5 - Crashes\nApp crashes at checkout, lost my order\n(app version 4.2)");
        assertThat(h.column("SELECT kind FROM care_case ORDER BY id", String.class))
                .containsExactly("COMPLIMENT", "COMPLAINT");
        assertThat(h.column("SELECT network FROM post", String.class)).containsOnly("REVIEW_SITE");
    }

    @Test
    void appStoreAnswerWithoutFeedIsMalformed() {
        h.api.on("/gb/rss/customerreviews/page=1/id=9/sortby=mostrecent/json", Answer.json("{\"nope\":1}"));
        h.engine.register(
                new AppStoreSource(new AppStoreSource.Settings("ios", h.api.url(), "9", "gb"), h.http, h.work.clock),
                SourceSettings.every(Duration.ofMinutes(15)));

        h.engine.tick();

        assertThat(h.status("ios").lastError()).isEqualTo("malformed: the App Store answer has no 'feed'");
    }

    private static String hit(String id, long created, String title, String comment) {
        return """
                {"objectID":"%s","created_at_i":%d,"author":"pg%s","title":%s,"comment_text":%s,"story_id":100,
                 "parent_id":100,"url":null,"_tags":["comment"]}
                """.formatted(
                        id,
                        created,
                        id,
                        title == null ? "null" : "\"" + title + "\"",
                        comment == null ? "null" : "\"" + comment + "\"");
    }

    @Test
    void hackerNewsPagesBackToTheCheckpointAndResumesAtTheBoundarySecond() {
        long now = h.work.clock.instant().getEpochSecond();
        List<List<String>> pages = new ArrayList<>();
        pages.add(List.of(
                hit("13", now - 10, null, "Bean &amp; Bloom <i>rocks</i>"),
                hit("12", now - 60, "Bean and Bloom launches", null)));
        pages.add(List.of(hit("11", now - 60, "Same second", null)));
        h.api.on("/api/v1/search_by_date", request -> {
            int page = Integer.parseInt(request.query().replaceAll(".*page=(\\d+).*", "$1"));
            return Answer.json("{\"hits\":[" + String.join(",", pages.get(page)) + "],\"nbPages\":" + pages.size()
                    + ",\"page\":" + page + "}");
        });
        h.engine.register(
                new HackerNewsSource(new HackerNewsSource.Settings("hn", h.api.url(), "bean and bloom"), h.http),
                SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick();
        assertThat(h.nativeIds()).containsExactlyInAnyOrder("11", "12", "13");
        assertThat(h.nativeIds().get(2)).isEqualTo("13");
        assertThat(h.api.requests("/api/v1/search_by_date").get(0).query())
                .contains("query=bean+and+bloom", "numericFilters=created_at_i%3E%3D" + (now - 86_400));
        assertThat(h.column("SELECT permalink FROM post WHERE native_id = '13'", String.class))
                .containsExactly("https://news.ycombinator.com/item?id=13");
        assertThat(h.column("SELECT text FROM post WHERE native_id = '13'", String.class))
                .containsExactly("Bean & Bloom rocks");

        // Next poll: the API returns the boundary second again (>=); nothing repeats, a new hit at it is taken.
        pages.clear();
        pages.add(List.of(hit("14", now - 10, "Also at the boundary", null), hit("13", now - 10, null, "Bean")));
        h.work.advance(Duration.ofMinutes(5));
        h.engine.tick();

        assertThat(h.nativeIds()).hasSize(4).last().isEqualTo("14");
        assertThat(h.api.requests("/api/v1/search_by_date").get(2).query())
                .contains("numericFilters=created_at_i%3E%3D" + (now - 10));
    }
}
