package dev.heed.core.feed.connector;

import dev.heed.core.feed.Checkpoint;
import dev.heed.core.feed.FeedHttp;
import dev.heed.core.feed.FeedItem;
import dev.heed.core.feed.PollResult;
import dev.heed.core.feed.PollingSource;
import dev.heed.core.feed.SourceException;
import dev.heed.core.feed.SourceException.Reason;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bluesky (AT Protocol): mentions, replies and quotes from the account's notifications
 * ({@code app.bsky.notification.listNotifications}), with follower counts from {@code app.bsky.actor.getProfiles}.
 * Logs in once with an app password ({@code createSession}) and renews the short-lived access token with
 * {@code refreshSession}, logging in again only when the refresh token is refused too. Notifications come newest
 * first behind an opaque cursor, so a poll walks back page by page until it reaches the checkpoint (the newest
 * {@code indexedAt} seen, plus the URIs seen at that instant) and commits everything new at once.
 */
public final class BlueskySource implements PollingSource {
    static final int PAGE = 50;
    static final int MAX_PAGES = 20;
    static final Set<String> REASONS = Set.of("mention", "reply", "quote");

    /**
     * @param id the source id
     * @param serviceUrl the account's PDS, normally {@code https://bsky.social}
     * @param handle the account, e.g. {@code beanbloom.bsky.social}
     * @param appPassword an app password (Settings > App passwords), never the account password
     */
    public record Settings(String id, String serviceUrl, String handle, String appPassword) {
        public Settings {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(serviceUrl, "serviceUrl");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(appPassword, "appPassword");
        }

        @Override
        public String toString() {
            return "Bluesky[" + id + " as " + handle + " at " + serviceUrl + ", app password ****]";
        }
    }

    private record Session(String accessJwt, String refreshJwt) {}

    private final Settings settings;
    private final FeedHttp http;
    private final String base;
    private Session session;

    public BlueskySource(Settings settings, FeedHttp http) {
        this.settings = settings;
        this.http = http;
        this.base = RssSource.strip(settings.serviceUrl());
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String type() {
        return "bluesky";
    }

    @Override
    public synchronized PollResult poll(Checkpoint from) throws SourceException {
        Instant since = Instant.parse(from.get("since", Instant.EPOCH.toString()));
        Set<String> boundary = Text.split(from.get("uris"));
        List<JsonNode> fresh = new ArrayList<>();
        String cursor = null;
        pages:
        for (int page = 0; page < MAX_PAGES; page++) {
            StringBuilder query = new StringBuilder("?limit=" + PAGE);
            REASONS.stream().sorted().forEach(r -> query.append("&reasons=").append(r));
            if (cursor != null) {
                query.append("&cursor=").append(Text.enc(cursor));
            }
            JsonNode answer = get("app.bsky.notification.listNotifications", query.toString());
            JsonNode list = answer.path("notifications");
            if (!list.isArray()) {
                throw new SourceException(Reason.MALFORMED, "listNotifications answered no 'notifications' list");
            }
            for (JsonNode n : list) {
                Instant indexed = Json.instant(n, "indexedAt");
                String uri = Json.required(n, "uri", "a Bluesky notification");
                if (indexed == null) {
                    throw new SourceException(Reason.MALFORMED, "notification " + uri + " has no indexedAt");
                }
                if (indexed.isBefore(since)) {
                    break pages; // newest first: everything further back is older than the checkpoint
                }
                if (indexed.equals(since) && boundary.contains(uri)) {
                    continue;
                }
                if (REASONS.contains(Json.text(n, "reason"))) {
                    fresh.add(n);
                }
            }
            cursor = Json.text(answer, "cursor");
            if (cursor == null || list.isEmpty()) {
                break;
            }
        }
        Map<String, Long> followers = followers(fresh);
        List<FeedItem> items = new ArrayList<>();
        Instant newest = since;
        Set<String> newestUris = new LinkedHashSet<>(boundary);
        for (JsonNode n : fresh) {
            Instant indexed = Json.instant(n, "indexedAt");
            String uri = Json.text(n, "uri");
            if (indexed.isAfter(newest)) {
                newest = indexed;
                newestUris.clear();
            }
            if (indexed.equals(newest)) {
                newestUris.add(uri);
            }
            items.add(item(n, followers));
        }
        items.sort(Comparator.comparing((FeedItem i) -> i.post().createdAt()));
        Checkpoint next = from.with("since", newest.toString()).with("uris", String.join(",", newestUris));
        return new PollResult(items, next, false);
    }

    private FeedItem item(JsonNode n, Map<String, Long> followers) throws SourceException {
        String uri = Json.text(n, "uri");
        String cid = Json.text(n, "cid");
        JsonNode author = n.path("author");
        String did = Json.required(author, "did", "a Bluesky author");
        String handle = Json.text(author, "handle");
        boolean validHandle = handle != null && !handle.isBlank() && !handle.equals("handle.invalid");
        JsonNode record = n.path("record");
        String text = Json.text(record, "text");
        Instant created = Json.instant(record, "createdAt");
        if (created == null) {
            created = Json.instant(n, "indexedAt");
        }
        JsonNode reply = record.path("reply");
        String rootUri = Json.text(reply.path("root"), "uri");
        String rootCid = Json.text(reply.path("root"), "cid");
        String parentUri = Json.text(reply.path("parent"), "uri");
        JsonNode langs = record.path("langs");
        String language = langs.isArray() && !langs.isEmpty() ? Json.text(langs.get(0)) : null;
        String profile = "https://bsky.app/profile/" + (validHandle ? handle : did);
        Post post = new Post(
                settings.id(),
                uri,
                Network.BLUESKY,
                new Author(
                        "@" + (validHandle ? handle : did),
                        Json.text(author, "displayName"),
                        followers.get(did),
                        profile),
                text == null || text.isBlank() ? "(no text)" : text,
                language,
                created,
                permalink(uri, validHandle ? handle : did),
                rootUri,
                parentUri);
        // What a reply needs: the post as parent (uri, cid) and the thread's root (itself when it starts one).
        String replyRef =
                uri + " " + cid + " " + (rootUri != null ? rootUri : uri) + " " + (rootCid != null ? rootCid : cid);
        return new FeedItem(post, null, replyRef);
    }

    /** {@code at://did/app.bsky.feed.post/<rkey>} -> {@code https://bsky.app/profile/<handle>/post/<rkey>}. */
    static String permalink(String atUri, String actor) {
        if (atUri == null || !atUri.startsWith("at://")) {
            return null;
        }
        String[] parts = atUri.substring(5).split("/");
        if (parts.length != 3 || !parts[1].equals("app.bsky.feed.post")) {
            return null;
        }
        return "https://bsky.app/profile/" + actor + "/post/" + parts[2];
    }

    /** Follower counts of the authors, 25 per {@code getProfiles} call. */
    private Map<String, Long> followers(List<JsonNode> notifications) throws SourceException {
        List<String> dids = notifications.stream()
                .map(n -> Json.text(n.path("author"), "did"))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < dids.size(); i += 25) {
            StringBuilder query = new StringBuilder();
            for (String did : dids.subList(i, Math.min(dids.size(), i + 25))) {
                query.append(query.length() == 0 ? "?" : "&").append("actors=").append(Text.enc(did));
            }
            JsonNode profiles =
                    get("app.bsky.actor.getProfiles", query.toString()).path("profiles");
            for (JsonNode profile : profiles) {
                Long count = Json.number(profile, "followersCount");
                String did = Json.text(profile, "did");
                if (did != null && count != null && count >= 0) {
                    counts.put(did, count);
                }
            }
        }
        return counts;
    }

    /** An authenticated XRPC query; an expired access token is refreshed once and the call repeated. */
    private JsonNode get(String method, String query) throws SourceException {
        if (session == null) {
            session = login();
        }
        URI uri = URI.create(base + "/xrpc/" + method + query);
        FeedHttp.Response response =
                http.exchange(authorized(uri, session.accessJwt()).GET());
        if (expired(response)) {
            session = refresh();
            response = http.exchange(authorized(uri, session.accessJwt()).GET());
        }
        return Json.parse(http.checked(response).body(), method);
    }

    private HttpRequest.Builder authorized(URI uri, String token) {
        return http.request(uri, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
    }

    private static boolean expired(FeedHttp.Response response) {
        if (response.status() != 400 && response.status() != 401) {
            return false;
        }
        try {
            String error = Json.text(Json.parse(response.body(), "Bluesky"), "error");
            return "ExpiredToken".equals(error) || "InvalidToken".equals(error);
        } catch (SourceException notJson) {
            return response.status() == 401;
        }
    }

    private Session refresh() throws SourceException {
        FeedHttp.Response response = http.exchange(
                authorized(URI.create(base + "/xrpc/com.atproto.server.refreshSession"), session.refreshJwt())
                        .POST(HttpRequest.BodyPublishers.noBody()));
        if (expired(response)) {
            return login(); // the refresh token expired or was revoked too
        }
        return session(http.checked(response), "refreshSession");
    }

    private Session login() throws SourceException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("identifier", settings.handle());
        body.put("password", settings.appPassword());
        FeedHttp.Response response = http.exchange(http.request(
                        URI.create(base + "/xrpc/com.atproto.server.createSession"),
                        Map.of("Accept", "application/json"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (response.status() == 401
                || (response.status() == 400 && !response.text().contains("RateLimit"))) {
            throw new SourceException(
                    Reason.AUTH,
                    "login as " + settings.handle() + " refused (HTTP " + response.status()
                            + "): check heed.sources[n].handle and app-password");
        }
        return session(http.checked(response), "createSession");
    }

    private static Session session(FeedHttp.Response response, String method) throws SourceException {
        JsonNode json = Json.parse(response.body(), method);
        return new Session(Json.required(json, "accessJwt", method), Json.required(json, "refreshJwt", method));
    }
}
