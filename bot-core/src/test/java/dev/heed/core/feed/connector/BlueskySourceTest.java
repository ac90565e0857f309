package dev.heed.core.feed.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.feed.FakeApi;
import dev.heed.core.feed.FakeApi.Answer;
import dev.heed.core.feed.FeedHarness;
import dev.heed.core.feed.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueskySourceTest {
    private final FeedHarness h = new FeedHarness();
    /** Notifications on the fake PDS: rkey, reason, indexedAt, author number, parent rkey or null. */
    private final List<Object[]> notifications = new ArrayList<>();

    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile String validAccess = "access-1";
    private volatile String validRefresh = "refresh-1";

    @AfterEach
    void close() {
        h.close();
    }

    private Instant ago(Duration d) {
        return h.work.clock.instant().minus(d);
    }

    private void add(String rkey, String reason, Instant indexed, int author, String parent) {
        notifications.add(new Object[] {rkey, reason, indexed, author, parent});
    }

    private static String did(int author) {
        return "did:plc:author" + author;
    }

    private static String json(Object[] n) {
        String rkey = (String) n[0];
        Instant indexed = (Instant) n[2];
        int author = (Integer) n[3];
        String parent = (String) n[4];
        String reply = parent == null
                ? ""
                : ",\"reply\":{\"root\":{\"uri\":\"at://did:plc:biz/app.bsky.feed.post/root1\",\"cid\":\"cidroot\"},"
                        + "\"parent\":{\"uri\":\"at://did:plc:biz/app.bsky.feed.post/" + parent
                        + "\",\"cid\":\"cidp\"}}";
        return """
                {"uri":"at://%s/app.bsky.feed.post/%s","cid":"cid%s",
                 "author":{"did":"%s","handle":"%s","displayName":"Author %d","labels":[]},
                 "reason":"%s","record":{"$type":"app.bsky.feed.post","text":"complaint: @beanbloom.bsky.social cold latte %s",
                 "createdAt":"%s","langs":["en"],"facets":[]%s},
                 "isRead":false,"indexedAt":"%s","labels":[]}
                """.formatted(
                        did(author),
                        rkey,
                        rkey,
                        did(author),
                        author == 9 ? "handle.invalid" : "user" + author + ".bsky.social",
                        author,
                        n[1],
                        rkey,
                        indexed.minusSeconds(2),
                        reply,
                        indexed);
    }

    private boolean authorized(FakeApi.Request r) {
        return ("Bearer " + validAccess).equals(r.header("Authorization"));
    }

    private static Answer error(int status, String error) {
        return new Answer(
                status,
                Map.of("Content-Type", "application/json"),
                ("{\"error\":\"" + error + "\",\"message\":\"x\"}").getBytes(StandardCharsets.UTF_8));
    }

    private void serve() {
        h.api.on("/xrpc/com.atproto.server.createSession", r -> {
            if (!r.body().contains("\"identifier\":\"beanbloom.bsky.social\"")
                    || !r.body().contains("\"password\":\"app-pass-1234\"")) {
                return error(401, "AuthenticationRequired");
            }
            int n = logins.incrementAndGet();
            validAccess = "access-login" + n;
            validRefresh = "refresh-login" + n;
            return Answer.json("{\"did\":\"did:plc:biz\",\"handle\":\"beanbloom.bsky.social\",\"accessJwt\":\""
                    + validAccess + "\",\"refreshJwt\":\"" + validRefresh + "\"}");
        });
        h.api.on("/xrpc/com.atproto.server.refreshSession", r -> {
            if (!("Bearer " + validRefresh).equals(r.header("Authorization"))) {
                return error(400, "ExpiredToken");
            }
            int n = refreshes.incrementAndGet();
            validAccess = "access-refreshed" + n;
            validRefresh = "refresh-refreshed" + n;
            return Answer.json("{\"did\":\"did:plc:biz\",\"handle\":\"beanbloom.bsky.social\",\"accessJwt\":\""
                    + validAccess + "\",\"refreshJwt\":\"" + validRefresh + "\"}");
        });
        h.api.on("/xrpc/app.bsky.notification.listNotifications", r -> {
            if (!authorized(r)) {
                return error(400, "ExpiredToken");
            }
            List<Object[]> sorted = new ArrayList<>(notifications);
            sorted.sort(Comparator.comparing((Object[] n) -> (Instant) n[2]).reversed());
            int start = r.query().contains("cursor=")
                    ? Integer.parseInt(r.query().replaceAll(".*cursor=(\\d+).*", "$1"))
                    : 0;
            int end = Math.min(sorted.size(), start + 50);
            List<String> page = sorted.subList(start, end).stream()
                    .map(BlueskySourceTest::json)
                    .toList();
            String cursor = end < sorted.size() ? ",\"cursor\":\"" + end + "\"" : "";
            return Answer.json("{\"notifications\":[" + String.join(",", page) + "]" + cursor + ",\"priority\":false}");
        });
        h.api.on("/xrpc/app.bsky.actor.getProfiles", r -> {
            if (!authorized(r)) {
                return error(400, "ExpiredToken");
            }
            List<String> profiles = new ArrayList<>();
            for (String part : r.query().split("&")) {
                String did = java.net.URLDecoder.decode(part.substring("actors=".length()), StandardCharsets.UTF_8);
                int number = Integer.parseInt(did.replace("did:plc:author", ""));
                profiles.add("{\"did\":\"" + did + "\",\"handle\":\"user" + number
                        + ".bsky.social\",\"followersCount\":" + number * 1000 + "}");
            }
            return Answer.json("{\"profiles\":[" + String.join(",", profiles) + "]}");
        });
    }

    private BlueskySource source(String password) {
        return new BlueskySource(
                new BlueskySource.Settings("bsky", h.api.url(), "beanbloom.bsky.social", password), h.http);
    }

    @Test
    void readsMentionsRepliesAndQuotesBackToTheLookBackWithFollowersAndPermalinks() {
        add("old", "mention", ago(Duration.ofHours(25)), 1, null);
        for (int i = 0; i < 60; i++) {
            add("m" + i, "mention", ago(Duration.ofMinutes(120 - i)), 1 + i % 30, null);
        }
        add("r1", "reply", ago(Duration.ofMinutes(10)), 2, "p1");
        add("q1", "quote", ago(Duration.ofMinutes(5)), 3, null);
        add("l1", "like", ago(Duration.ofMinutes(4)), 4, null);
        add("x1", "mention", ago(Duration.ofMinutes(3)), 9, null);
        serve();
        h.engine.register(source("app-pass-1234"), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();

        assertThat(h.nativeIds()).hasSize(63).doesNotContain("at://did:plc:author1/app.bsky.feed.post/old");
        assertThat(h.nativeIds().get(0)).isEqualTo("at://did:plc:author1/app.bsky.feed.post/m0");
        assertThat(h.api.requests("/xrpc/app.bsky.notification.listNotifications")
                        .get(0)
                        .query())
                .contains("reasons=mention", "reasons=quote", "reasons=reply");
        assertThat(h.api.requests("/xrpc/app.bsky.actor.getProfiles")).hasSize(2); // 31 authors, 25 per call
        var reply = h.work.db
                .sql()
                .sql(
                        "SELECT permalink, author_followers, author_handle, in_reply_to, conversation_ref FROM post WHERE native_id LIKE '%/r1'")
                .query((rs, n) ->
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        assertThat(reply)
                .containsExactly(
                        "https://bsky.app/profile/user2.bsky.social/post/r1",
                        "2000",
                        "@user2.bsky.social",
                        "at://did:plc:biz/app.bsky.feed.post/p1",
                        "at://did:plc:biz/app.bsky.feed.post/root1");
        assertThat(h.column("SELECT reply_ref FROM feed_item WHERE native_id LIKE '%/r1'", String.class))
                .containsExactly(
                        "at://did:plc:author2/app.bsky.feed.post/r1 cidr1 at://did:plc:biz/app.bsky.feed.post/root1 cidroot");
        assertThat(h.column("SELECT permalink FROM post WHERE native_id LIKE '%/x1'", String.class))
                .containsExactly("https://bsky.app/profile/did:plc:author9/post/x1");
        assertThat(logins.get()).isEqualTo(1);
    }

    @Test
    void resumesAtTheCheckpointWithoutRepeatsAcrossARestart() {
        Instant same = ago(Duration.ofMinutes(30));
        add("a", "mention", same, 1, null);
        add("b", "mention", same, 2, null);
        serve();
        h.engine.register(source("app-pass-1234"), SourceSettings.every(Duration.ofMinutes(1)));
        h.engine.tick();

        add("c", "mention", same, 3, null); // indexed at the very same instant as the checkpoint
        add("d", "reply", ago(Duration.ofMinutes(1)), 4, "a");
        h.engine = h.newEngine();
        h.engine.register(source("app-pass-1234"), SourceSettings.every(Duration.ofMinutes(1)));
        h.work.advance(Duration.ofMinutes(1));
        h.engine.tick();
        h.work.advance(Duration.ofMinutes(1));
        h.engine.tick();

        assertThat(h.nativeIds())
                .extracting(id -> id.substring(id.lastIndexOf('/') + 1))
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedNotLoggedInAgain() {
        add("a", "mention", ago(Duration.ofMinutes(30)), 1, null);
        serve();
        h.engine.register(source("app-pass-1234"), SourceSettings.every(Duration.ofMinutes(1)));
        h.engine.tick();

        validAccess = "expired-meanwhile";
        add("b", "mention", ago(Duration.ofMinutes(20)), 2, null);
        h.work.advance(Duration.ofMinutes(1));
        h.engine.tick();

        assertThat(h.nativeIds()).hasSize(2);
        assertThat(refreshes.get()).isEqualTo(1);
        assertThat(logins.get()).isEqualTo(1);
        assertThat(h.api.requests("/xrpc/com.atproto.server.refreshSession")
                        .get(0)
                        .header("Authorization"))
                .isEqualTo("Bearer refresh-login1");

        // Both tokens expired (e.g. after days): log in again.
        validAccess = "gone";
        validRefresh = "gone-too";
        add("c", "mention", ago(Duration.ofMinutes(10)), 3, null);
        h.work.advance(Duration.ofMinutes(1));
        h.engine.tick();
        assertThat(h.nativeIds()).hasSize(3);
        assertThat(logins.get()).isEqualTo(2);
        assertThat(h.status("bsky").healthy()).isTrue();
    }

    @Test
    void aWrongAppPasswordIsAnAuthFailureWithOneAlert() {
        serve();
        h.engine.register(source("wrong"), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();

        assertThat(h.status("bsky").lastError())
                .isEqualTo(
                        "auth: login as beanbloom.bsky.social refused (HTTP 401): check heed.sources[n].handle and app-password");
        assertThat(h.notices()).singleElement().asString().contains("'bsky'");
    }

    @Test
    void aRateLimitedPdsIsLeftAloneUntilItsReset() {
        serve();
        Instant reset = h.work.clock.instant().plusSeconds(240);
        h.api.on(
                "/xrpc/app.bsky.notification.listNotifications",
                r -> error(429, "RateLimitExceeded")
                        .with("RateLimit-Limit", "3000")
                        .with("RateLimit-Remaining", "0")
                        .with("RateLimit-Reset", Long.toString(reset.getEpochSecond())));
        h.engine.register(source("app-pass-1234"), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();
        h.work.advance(Duration.ofMinutes(2));
        h.engine.tick();

        assertThat(h.status("bsky").nextPollAt()).isEqualTo(reset);
        assertThat(h.api.requests("/xrpc/app.bsky.notification.listNotifications"))
                .hasSize(1);
        assertThat(h.status("bsky").lastError()).startsWith("rate limited: HTTP 429");
    }
}
