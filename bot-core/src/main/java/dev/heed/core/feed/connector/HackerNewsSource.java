package dev.heed.core.feed.connector;

import dev.heed.core.feed.Checkpoint;
import dev.heed.core.feed.FeedHttp;
import dev.heed.core.feed.FeedItem;
import dev.heed.core.feed.PollResult;
import dev.heed.core.feed.PollingSource;
import dev.heed.core.feed.SourceException;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Hacker News stories and comments that mention a query, through the Algolia search API
 * ({@code <base-url>/api/v1/search_by_date?query=..&tags=(story,comment)&numericFilters=created_at_i>=X}), newest
 * first. The checkpoint is the newest {@code created_at_i} plus the ids seen at that second; one poll reads the
 * pages back to the checkpoint (at most {@link #MAX_PAGES}) and commits them together.
 */
public final class HackerNewsSource implements PollingSource {
    static final int MAX_PAGES = 10;

    /**
     * @param id the source id
     * @param baseUrl normally {@code https://hn.algolia.com}
     * @param query what to search for, e.g. the business's name
     */
    public record Settings(String id, String baseUrl, String query) {}

    private final Settings settings;
    private final FeedHttp http;

    public HackerNewsSource(Settings settings, FeedHttp http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String type() {
        return "rss/hacker-news";
    }

    @Override
    public Checkpoint initial(Instant since) {
        return Checkpoint.EMPTY.with("after", Long.toString(since.getEpochSecond()));
    }

    @Override
    public PollResult poll(Checkpoint from) throws SourceException {
        long after = Long.parseLong(from.get("after", "0"));
        Set<String> boundary = Text.split(from.get("ids"));
        List<JsonNode> hits = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            URI url = URI.create(RssSource.strip(settings.baseUrl()) + "/api/v1/search_by_date?query="
                    + Text.enc(settings.query()) + "&tags=" + Text.enc("(story,comment)") + "&numericFilters="
                    + Text.enc("created_at_i>=" + after) + "&hitsPerPage=100&page=" + page);
            JsonNode answer = Json.parse(
                    http.get(url, Map.of("Accept", "application/json")).body(), "HN Algolia");
            JsonNode pageHits = answer.path("hits");
            if (!pageHits.isArray()) {
                throw new SourceException(SourceException.Reason.MALFORMED, "HN Algolia answer has no 'hits' list");
            }
            pageHits.forEach(hits::add);
            long pages = answer.path("nbPages").asLong(0);
            if (pageHits.isEmpty() || page + 1 >= pages) {
                break;
            }
        }
        long newest = after;
        Set<String> newestIds = new LinkedHashSet<>(boundary);
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode hit : hits) {
            String id = Json.required(hit, "objectID", "an HN hit");
            long created = hit.path("created_at_i").asLong(0);
            if (created < after || (created == after && boundary.contains(id))) {
                continue;
            }
            items.add(FeedItem.of(post(hit, id, created)));
            if (created > newest) {
                newest = created;
                newestIds.clear();
            }
            if (created == newest) {
                newestIds.add(id);
            }
        }
        items.sort(Comparator.comparing(i -> i.post().createdAt()));
        Checkpoint next = from.with("after", Long.toString(newest)).with("ids", String.join(",", newestIds));
        return new PollResult(items, next, false);
    }

    private Post post(JsonNode hit, String id, long created) {
        String title = Json.text(hit, "title");
        String body = Text.plain(
                Json.text(hit, "comment_text") != null ? Json.text(hit, "comment_text") : Json.text(hit, "story_text"));
        String text = title == null || title.isBlank() ? body : body.isEmpty() ? title : title + "\n" + body;
        String author = Json.text(hit, "author");
        Long story = Json.number(hit, "story_id");
        Long parent = Json.number(hit, "parent_id");
        boolean comment = Json.text(hit, "comment_text") != null;
        return new Post(
                settings.id(),
                id,
                Network.OTHER,
                new Author(
                        author == null ? "hn-user" : author,
                        author,
                        null,
                        author == null ? null : "https://news.ycombinator.com/user?id=" + author),
                text.isEmpty() ? "(no text)" : text,
                "en",
                Instant.ofEpochSecond(created),
                "https://news.ycombinator.com/item?id=" + id,
                comment && story != null ? story.toString() : null,
                comment && parent != null ? parent.toString() : null);
    }
}
