package dev.heed.core.feed.connector;

import dev.heed.core.feed.Checkpoint;
import dev.heed.core.feed.FeedHttp;
import dev.heed.core.feed.FeedItem;
import dev.heed.core.feed.PollResult;
import dev.heed.core.feed.PollingSource;
import dev.heed.core.feed.SourceException;
import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Apple App Store customer reviews through the (undocumented) JSON feed
 * {@code <base-url>/<country>/rss/customerreviews/page=1/id=<app-id>/sortby=mostrecent/json}: the 50 newest reviews,
 * newest first. The star rating leads the post's text ("Rating: 1/5") and sets its kind: 1-2 stars a complaint, 4-5
 * a compliment, 3 left to the classifier. Resume: the seen review ids plus the look-back floor.
 */
public final class AppStoreSource implements PollingSource {
    /**
     * @param id the source id
     * @param baseUrl normally {@code https://itunes.apple.com}
     * @param appId the numeric app id
     * @param country the store's two-letter country code, e.g. {@code us}, {@code gb}
     */
    public record Settings(String id, String baseUrl, String appId, String country) {}

    private final Settings settings;
    private final FeedHttp http;
    private final Clock clock;

    public AppStoreSource(Settings settings, FeedHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String type() {
        return "rss/app-store";
    }

    @Override
    public PollResult poll(Checkpoint from) throws SourceException {
        URI url = URI.create(RssSource.strip(settings.baseUrl()) + "/" + settings.country()
                + "/rss/customerreviews/page=1/id=" + settings.appId() + "/sortby=mostrecent/json");
        FeedHttp.Response response = http.get(url, Map.of("Accept", "application/json"));
        JsonNode feed = Json.parse(response.body(), "the App Store").path("feed");
        if (feed.isMissingNode()) {
            throw new SourceException(SourceException.Reason.MALFORMED, "the App Store answer has no 'feed'");
        }
        JsonNode entries = feed.path("entry");
        List<JsonNode> list = new ArrayList<>();
        if (entries.isArray()) {
            entries.forEach(list::add);
        } else if (entries.isObject()) {
            list.add(entries);
        }
        Instant floor = Instant.parse(from.get("since", Instant.EPOCH.toString()));
        Set<String> seen = Text.split(from.get("seen"));
        Set<String> current = new LinkedHashSet<>();
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode entry : list) {
            String rating = Json.text(entry.path("im:rating"), "label");
            String reviewId = Json.text(entry.path("id"), "label");
            if (rating == null || reviewId == null) {
                continue; // the first entry can be the app itself, not a review
            }
            current.add(reviewId);
            Instant updated = Json.instant(entry.path("updated"), "label");
            if (seen.contains(reviewId) || (updated != null && updated.isBefore(floor))) {
                continue;
            }
            items.add(item(entry, reviewId, rating, updated));
        }
        items.sort(Comparator.comparing(i -> i.post().createdAt()));
        Set<String> remembered = new LinkedHashSet<>(seen);
        remembered.addAll(current);
        return new PollResult(items, from.with("seen", Text.joinNewest(remembered, 500)), false);
    }

    private FeedItem item(JsonNode entry, String reviewId, String rating, Instant updated) {
        int stars;
        try {
            stars = Integer.parseInt(rating.strip());
        } catch (NumberFormatException notNumber) {
            stars = 0;
        }
        String title = Json.text(entry.path("title"), "label");
        String content = Json.text(entry.path("content"), "label");
        String version = Json.text(entry.path("im:version"), "label");
        StringBuilder text = new StringBuilder("Rating: " + stars + "/5");
        if (title != null && !title.isBlank()) {
            text.append(" - ").append(title.strip());
        }
        if (content != null && !content.isBlank()) {
            text.append('\n').append(content.strip());
        }
        if (version != null) {
            text.append("\n(app version ").append(version).append(')');
        }
        String name = Json.text(entry.path("author").path("name"), "label");
        String profile = Json.text(entry.path("author").path("uri"), "label");
        String link = Json.text(entry.path("link").path("attributes"), "href");
        Kind kind = stars >= 1 && stars <= 2 ? Kind.COMPLAINT : stars >= 4 ? Kind.COMPLIMENT : null;
        Post post = new Post(
                settings.id(),
                reviewId,
                Network.REVIEW_SITE,
                new Author(name == null || name.isBlank() ? "app-store-reviewer" : name, name, null, profile),
                text.toString(),
                null,
                updated != null ? updated : clock.instant(),
                link,
                null,
                null);
        return new FeedItem(post, kind, null, false);
    }
}
