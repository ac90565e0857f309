package dev.heed.core.feed.connector;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Any RSS or Atom feed, parsed by ROME, fetched with conditional GET ({@code ETag} / {@code Last-Modified}).
 * Feeds have no cursor, so the checkpoint keeps the look-back floor, the validators and a bounded set of the ids
 * seen (hashed): an entry is new when its id was not seen and it is not older than the floor, which also catches
 * back-dated entries. Presets: Google Alerts (redirect links unwrapped) and Reddit search (descriptive User-Agent).
 */
public final class RssSource implements PollingSource {
    /** How many seen ids the checkpoint keeps (at least every entry of the current feed). */
    static final int SEEN = 500;
    /** The most the checkpoint can hold (16 hex digits and a comma each); longer feeds rely on the unique key. */
    static final int MAX_SEEN = 1_000;

    /** Ready-made flavours of the generic feed. */
    public enum Preset {
        NONE,
        /** Google Alerts Atom feeds: entry links are {@code google.com/url?...&url=<target>} redirects. */
        GOOGLE_ALERTS,
        /** Reddit search as RSS: {@code <base-url>/search.rss?q=<query>&sort=new}; needs a descriptive User-Agent. */
        REDDIT
    }

    /**
     * @param id the source id
     * @param url the feed URL
     * @param preset the flavour
     * @param network where the posts were written (sets the reply length)
     * @param userAgent sent instead of the default, or null (Reddit wants {@code <platform>:<app>:<version> (by
     *     /u/<user>)})
     */
    public record Settings(String id, URI url, Preset preset, Network network, String userAgent) {
        public Settings {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(preset, "preset");
            Objects.requireNonNull(network, "network");
        }

        /** The Reddit search feed of {@code query} at {@code baseUrl} (normally {@code https://www.reddit.com}). */
        public static Settings reddit(String id, String baseUrl, String query, String userAgent) {
            URI url = URI.create(strip(baseUrl) + "/search.rss?q=" + Text.enc(query) + "&sort=new");
            return new Settings(id, url, Preset.REDDIT, Network.REDDIT, userAgent);
        }
    }

    private final Settings settings;
    private final FeedHttp http;
    private final Clock clock;

    public RssSource(Settings settings, FeedHttp http, Clock clock) {
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
        return "rss";
    }

    @Override
    public PollResult poll(Checkpoint from) throws SourceException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
        if (from.get("etag") != null) {
            headers.put("If-None-Match", from.get("etag"));
        }
        if (from.get("modified") != null) {
            headers.put("If-Modified-Since", from.get("modified"));
        }
        if (settings.userAgent() != null) {
            headers.put("User-Agent", settings.userAgent());
        }
        FeedHttp.Response response = http.get(settings.url(), headers);
        if (response.notModified()) {
            return new PollResult(List.of(), from, false);
        }
        SyndFeed feed = SafeFeedParser.parse(
                response.body(), response.header("Content-Type").orElse(null));
        Instant floor = Instant.parse(from.get("since", Instant.EPOCH.toString()));
        Set<String> seen = Text.split(from.get("seen"));
        Set<String> current = new LinkedHashSet<>();
        List<SyndEntry> entries = new ArrayList<>(feed.getEntries());
        entries.sort(Comparator.comparing(e -> date(e) == null ? Instant.MIN : date(e)));
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : entries) {
            String id = entryId(entry);
            if (id == null) {
                continue;
            }
            String key = Text.hash(id);
            current.add(key);
            if (seen.contains(key)) {
                continue;
            }
            Instant date = date(entry);
            boolean tooOld = date != null ? date.isBefore(floor) : from.get("seen") == null;
            if (!tooOld) {
                items.add(FeedItem.of(post(feed, entry, id, date)));
            }
        }
        Set<String> remembered = new LinkedHashSet<>(seen);
        remembered.removeAll(current);
        remembered.addAll(current);
        Checkpoint next = from.with(
                        "seen", Text.joinNewest(remembered, Math.min(MAX_SEEN, Math.max(SEEN, current.size()))))
                .with("etag", response.header("ETag").orElse(null))
                .with("modified", response.header("Last-Modified").orElse(null));
        return new PollResult(items, next, false);
    }

    private Post post(SyndFeed feed, SyndEntry entry, String id, Instant date) {
        String title = Text.plain(entry.getTitle());
        String body = Text.plain(body(entry));
        String text = title.isEmpty() ? body : body.isEmpty() || body.startsWith(title) ? title : title + "\n" + body;
        if (text.isEmpty()) {
            text = "(no text)";
        }
        String link = link(entry.getLink());
        String authorName = entry.getAuthor() == null || entry.getAuthor().isBlank()
                ? null
                : entry.getAuthor().strip();
        String handle = authorName != null ? authorName : host(link, feed);
        String profile = settings.preset() == Preset.REDDIT && authorName != null && authorName.startsWith("/u/")
                ? "https://www.reddit.com" + authorName
                : null;
        return new Post(
                settings.id(),
                Text.nativeId(id),
                settings.network(),
                new Author(handle, authorName, null, profile),
                text,
                null,
                date != null ? date : clock.instant(),
                link,
                null,
                null);
    }

    private static String body(SyndEntry entry) {
        if (entry.getDescription() != null && entry.getDescription().getValue() != null) {
            return entry.getDescription().getValue();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null) {
                return content.getValue();
            }
        }
        return "";
    }

    /** The entry's link; for Google Alerts the target of the redirect. */
    String link(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (settings.preset() == Preset.GOOGLE_ALERTS) {
            return unwrapGoogle(link);
        }
        return link.strip();
    }

    /** {@code https://www.google.com/url?rct=j&sa=t&url=<target>&ct=ga...} -> {@code <target>}. */
    static String unwrapGoogle(String link) {
        try {
            URI uri = URI.create(link.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.matches("(www\\.)?google\\.[a-z.]+")
                    && "/url".equals(uri.getPath())
                    && uri.getRawQuery() != null) {
                for (String part : uri.getRawQuery().split("&")) {
                    if (part.startsWith("url=") || part.startsWith("q=")) {
                        String target =
                                URLDecoder.decode(part.substring(part.indexOf('=') + 1), StandardCharsets.UTF_8);
                        if (target.startsWith("http://") || target.startsWith("https://")) {
                            return target;
                        }
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            // keep the link as it is
        }
        return link.strip();
    }

    private static String entryId(SyndEntry entry) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return entry.getUri().strip();
        }
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        String title = entry.getTitle();
        return title == null || title.isBlank() ? null : "title:" + title.strip();
    }

    private static Instant date(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static String host(String link, SyndFeed feed) {
        if (link != null) {
            try {
                String host = URI.create(link).getHost();
                if (host != null) {
                    return host;
                }
            } catch (IllegalArgumentException ignored) {
                // fall back to the feed's title
            }
        }
        return feed.getTitle() == null || feed.getTitle().isBlank()
                ? "feed"
                : feed.getTitle().strip();
    }

    static String strip(String baseUrl) {
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }
}
