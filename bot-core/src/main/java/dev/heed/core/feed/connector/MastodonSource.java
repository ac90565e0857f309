package dev.heed.core.feed.connector;

import dev.heed.core.feed.Checkpoint;
import dev.heed.core.feed.FeedHttp;
import dev.heed.core.feed.FeedItem;
import dev.heed.core.feed.PollResult;
import dev.heed.core.feed.SourceException;
import dev.heed.core.feed.SourceException.Reason;
import dev.heed.core.feed.StreamingSource;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Mastodon: mentions of the account ({@code GET /api/v1/notifications?types[]=mention}) and any number of hashtag
 * timelines ({@code GET /api/v1/timelines/tag/<tag>}), each with its own {@code min_id} in the checkpoint. Paging
 * follows the documented forward cursor: ask with {@code min_id}, take the page in ascending id order, continue
 * from the {@code Link rel="prev"} cursor until a page comes back empty. First connect walks back ({@code max_id},
 * {@code rel="next"}) to the look-back. Optional streaming ({@code GET /api/v1/streaming/user/notification}, server
 * sent events) cuts the delay to seconds; the engine catches up by REST after every (re)connect.
 */
public final class MastodonSource implements StreamingSource {
    static final int NOTIFICATION_LIMIT = 80;
    static final int TAG_LIMIT = 40;
    static final int FIRST_CONNECT_PAGES = 5;
    private static final Pattern LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?([a-z]+)\"?");
    private static final Comparator<String> ID_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    /**
     * @param id the source id
     * @param instanceUrl e.g. {@code https://mastodon.social}
     * @param accessToken a user token with {@code read:notifications} and {@code read:statuses}
     * @param hashtags tags to follow, without '#'
     * @param streaming whether to keep a streaming connection open for near-instant mentions
     * @param streamingUrl the streaming host when the instance has a separate one, else null (the instance)
     */
    public record Settings(
            String id,
            String instanceUrl,
            String accessToken,
            List<String> hashtags,
            boolean streaming,
            String streamingUrl) {
        public Settings {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(instanceUrl, "instanceUrl");
            Objects.requireNonNull(accessToken, "accessToken");
            hashtags = hashtags.stream()
                    .map(t -> t.startsWith("#") ? t.substring(1) : t)
                    .toList();
        }

        @Override
        public String toString() {
            return "Mastodon[" + id + " at " + instanceUrl + ", token ****, tags " + hashtags + "]";
        }
    }

    private final Settings settings;
    private final FeedHttp http;
    private final Executor streams;
    private final String base;
    private final String host;

    public MastodonSource(Settings settings, FeedHttp http, Executor streams) {
        this.settings = settings;
        this.http = http;
        this.streams = streams;
        this.base = RssSource.strip(settings.instanceUrl());
        this.host = URI.create(base).getHost();
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String type() {
        return "mastodon";
    }

    @Override
    public boolean streaming() {
        return settings.streaming();
    }

    @Override
    public PollResult poll(Checkpoint from) throws SourceException {
        List<FeedItem> items = new ArrayList<>();
        Checkpoint next = from;
        boolean more = false;
        Instant since = Instant.parse(from.get("since", Instant.EPOCH.toString()));
        List<String> keys = new ArrayList<>();
        keys.add("n");
        settings.hashtags().forEach(tag -> keys.add("t:" + tag));
        for (String key : keys) {
            String path = key.equals("n")
                    ? "/api/v1/notifications?types%5B%5D=mention&limit=" + NOTIFICATION_LIMIT
                    : "/api/v1/timelines/tag/" + Text.enc(key.substring(2)) + "?limit=" + TAG_LIMIT;
            String minId = from.get(key);
            if (minId == null) {
                Stream first = firstConnect(path, key.equals("n"), since);
                items.addAll(first.items);
                next = next.with(key, first.cursor);
            } else {
                Page page = page(path + "&min_id=" + Text.enc(minId), key.equals("n"));
                items.addAll(page.items);
                String cursor = page.prevMinId != null ? page.prevMinId : page.newestId;
                if (!page.items.isEmpty()) {
                    more = true;
                    next = next.with(key, cursor != null ? cursor : minId);
                }
            }
        }
        items.sort(Comparator.comparing((FeedItem i) -> i.post().createdAt()));
        return new PollResult(items, next, more);
    }

    private record Page(List<FeedItem> items, String newestId, String oldestId, String prevMinId, String nextMaxId) {}

    private record Stream(List<FeedItem> items, String cursor) {}

    /** First connect: the newest pages back to the look-back; the cursor is the newest id (null: nothing yet). */
    private Stream firstConnect(String path, boolean notifications, Instant since) throws SourceException {
        List<FeedItem> items = new ArrayList<>();
        String newest = null;
        String maxId = null;
        for (int n = 0; n < FIRST_CONNECT_PAGES; n++) {
            Page page = page(maxId == null ? path : path + "&max_id=" + Text.enc(maxId), notifications);
            if (newest == null) {
                newest = page.newestId;
            }
            boolean reachedFloor = false;
            for (FeedItem item : page.items) {
                if (item.post().createdAt().isBefore(since)) {
                    reachedFloor = true;
                } else {
                    items.add(item);
                }
            }
            if (page.items.isEmpty() || reachedFloor || page.oldestId == null) {
                break;
            }
            maxId = page.oldestId;
        }
        return new Stream(items, newest);
    }

    private Page page(String pathAndQuery, boolean notifications) throws SourceException {
        FeedHttp.Response response = http.get(
                URI.create(base + pathAndQuery),
                Map.of("Authorization", "Bearer " + settings.accessToken(), "Accept", "application/json"));
        JsonNode list = Json.parse(response.body(), "Mastodon");
        if (!list.isArray()) {
            throw new SourceException(Reason.MALFORMED, "Mastodon answered " + list.getNodeType() + ", not a list");
        }
        List<FeedItem> items = new ArrayList<>();
        String newest = null;
        String oldest = null;
        for (JsonNode entry : list) {
            String entryId = Json.required(entry, "id", "a Mastodon " + (notifications ? "notification" : "status"));
            newest = newest == null || ID_ORDER.compare(entryId, newest) > 0 ? entryId : newest;
            oldest = oldest == null || ID_ORDER.compare(entryId, oldest) < 0 ? entryId : oldest;
            JsonNode status = notifications ? entry.path("status") : entry;
            if (notifications && !"mention".equals(Json.text(entry, "type"))) {
                continue;
            }
            if (status.isMissingNode() || status.isNull()) {
                continue;
            }
            items.add(item(status));
        }
        String prev = null;
        String nextMax = null;
        for (String header : response.headers().allValues("Link")) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                String param = query(m.group(1), m.group(2).equals("prev") ? "min_id" : "max_id");
                if (m.group(2).equals("prev")) {
                    prev = param;
                } else if (m.group(2).equals("next")) {
                    nextMax = param;
                }
            }
        }
        return new Page(items, newest, oldest, prev, nextMax);
    }

    private static String query(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        return m.find() ? java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    FeedItem item(JsonNode status) throws SourceException {
        String statusId = Json.required(status, "id", "a Mastodon status");
        JsonNode account = status.path("account");
        String acct = Json.required(account, "acct", "a Mastodon account");
        String handle = "@" + (acct.contains("@") ? acct : acct + "@" + host);
        String html = Json.text(status, "content");
        String spoiler = Json.text(status, "spoiler_text");
        String text = Text.plain(html);
        if (spoiler != null && !spoiler.isBlank()) {
            text = "CW: " + spoiler.strip() + "\n" + text;
        }
        Instant created = Json.instant(status, "created_at");
        if (created == null) {
            throw new SourceException(Reason.MALFORMED, "Mastodon status " + statusId + " has no created_at");
        }
        String url = Json.text(status, "url") != null ? Json.text(status, "url") : Json.text(status, "uri");
        Post post = new Post(
                settings.id(),
                statusId,
                Network.MASTODON,
                new Author(
                        handle,
                        Json.text(account, "display_name"),
                        Json.number(account, "followers_count"),
                        Json.text(account, "url")),
                text.isEmpty() ? "(no text)" : text,
                Json.text(status, "language"),
                created,
                url,
                null,
                Json.text(status, "in_reply_to_id"));
        return new FeedItem(post, null, statusId);
    }

    @Override
    public StreamHandle open(StreamListener listener) {
        String streamBase = settings.streamingUrl() == null ? base : RssSource.strip(settings.streamingUrl());
        URI uri = URI.create(streamBase + "/api/v1/streaming/user/notification");
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicBoolean closedByUs = new AtomicBoolean(false);
        AtomicReference<InputStream> body = new AtomicReference<>();
        StreamHandle handle = new StreamHandle() {
            @Override
            public boolean isOpen() {
                return open.get();
            }

            @Override
            public void close() {
                closedByUs.set(true);
                InputStream in = body.get();
                if (in != null) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        };
        streams.execute(() -> {
            SourceException failure = null;
            try {
                HttpResponse<InputStream> response =
                        http.openStream(uri, Map.of("Authorization", "Bearer " + settings.accessToken()));
                body.set(response.body());
                if (closedByUs.get()) {
                    response.body().close();
                    return;
                }
                listener.opened();
                read(response.body(), listener);
                failure = new SourceException(Reason.NETWORK, "the stream ended");
            } catch (SourceException e) {
                failure = e;
            } catch (IOException | RuntimeException e) {
                failure = new SourceException(Reason.NETWORK, "the stream broke: " + e, e);
            } finally {
                open.set(false);
                listener.closed(closedByUs.get() ? null : failure);
            }
        });
        return handle;
    }

    /** Reads server-sent events: {@code event:} and {@code data:} lines, a blank line ends an event. */
    private void read(InputStream in, StreamListener listener) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if ("notification".equals(event) && data.length() > 0) {
                    dispatch(data.toString(), listener);
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                continue; // heartbeat (":thump")
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }
    }

    private void dispatch(String json, StreamListener listener) {
        try {
            JsonNode notification = Json.parse(json.getBytes(StandardCharsets.UTF_8), "the Mastodon stream");
            if ("mention".equals(Json.text(notification, "type"))
                    && notification.path("status").isObject()) {
                listener.items(List.of(item(notification.path("status"))));
            }
        } catch (SourceException malformed) {
            // one bad event: the catch-up poll after the next reconnect covers it
        }
    }
}
