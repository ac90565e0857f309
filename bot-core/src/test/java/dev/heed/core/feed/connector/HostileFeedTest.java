package dev.heed.core.feed.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.heed.core.feed.FakeApi.Answer;
import dev.heed.core.feed.FeedHarness;
import dev.heed.core.feed.PollingSource;
import dev.heed.core.feed.SourceSettings;
import dev.heed.core.feed.SourceStatus;
import dev.heed.core.model.Network;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: whatever a feed's API answers (random bytes, cut-off or bit-flipped payloads, invalid UTF-8, wrong types,
 * huge fields, deep nesting, hostile XML), every connector, run by the real engine against the loopback fake, ends in
 * either a recorded source error with nothing written, or a successful poll whose every item is one post of a case.
 * No exception escapes the engine.
 */
class HostileFeedTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOLE = "\u0000hole\u0000";

    private static FeedHarness h;
    private static ExecutorService streams;
    private static int sources;

    @BeforeContainer
    static void start() {
        h = new FeedHarness();
        streams = Executors.newCachedThreadPool();
        h.api.on(
                "/xrpc/com.atproto.server.createSession",
                Answer.json("{\"did\":\"did:plc:biz\",\"handle\":\"beanbloom.bsky.social\",\"accessJwt\":\"a\","
                        + "\"refreshJwt\":\"r\"}"));
        h.api.on("/xrpc/app.bsky.actor.getProfiles", Answer.json("{\"profiles\":[]}"));
    }

    @AfterContainer
    static void stop() {
        h.close();
        streams.shutdownNow();
    }

    /** A connector, the path of its API that the fake garbles, and a valid answer to garble. */
    enum Connector {
        RSS(
                "/feed.xml",
                "application/rss+xml",
                Samples.RSS,
                (id, url) -> new RssSource(
                        new RssSource.Settings(
                                id, java.net.URI.create(url + "/feed.xml"), RssSource.Preset.NONE, Network.OTHER, null),
                        h.http,
                        h.work.clock)),
        ATOM(
                "/atom.xml",
                "application/atom+xml",
                Samples.ATOM,
                (id, url) -> new RssSource(
                        new RssSource.Settings(
                                id, java.net.URI.create(url + "/atom.xml"), RssSource.Preset.NONE, Network.OTHER, null),
                        h.http,
                        h.work.clock)),
        MASTODON(
                "/api/v1/notifications",
                "application/json",
                Samples.MASTODON,
                (id, url) -> new MastodonSource(
                        new MastodonSource.Settings(id, url, "secret-token", List.of(), false, null), h.http, streams)),
        BLUESKY(
                "/xrpc/app.bsky.notification.listNotifications",
                "application/json",
                Samples.BLUESKY,
                (id, url) -> new BlueskySource(
                        new BlueskySource.Settings(id, url, "beanbloom.bsky.social", "app-pass-1234"), h.http)),
        APP_STORE(
                "/us/rss/customerreviews/page=1/id=123/sortby=mostrecent/json",
                "application/json",
                Samples.APP_STORE,
                (id, url) ->
                        new AppStoreSource(new AppStoreSource.Settings(id, url, "123", "us"), h.http, h.work.clock)),
        HACKER_NEWS(
                "/api/v1/search_by_date",
                "application/json",
                Samples.HACKER_NEWS,
                (id, url) -> new HackerNewsSource(new HackerNewsSource.Settings(id, url, "bean and bloom"), h.http));

        final String path;
        final String contentType;
        final String sample;
        final BiFunction<String, String, PollingSource> source;

        Connector(String path, String contentType, String sample, BiFunction<String, String, PollingSource> source) {
            this.path = path;
            this.contentType = contentType;
            this.sample = sample;
            this.source = source;
        }

        boolean xml() {
            return contentType.contains("xml");
        }
    }

    record Garbled(Connector connector, String how, byte[] body) {
        @Override
        public String toString() {
            String shown = new String(body, StandardCharsets.UTF_8);
            return connector + " " + how + ": " + (shown.length() > 400 ? shown.substring(0, 400) + "..." : shown);
        }
    }

    @Property(tries = 300)
    void aGarbledAnswerIsARecordedErrorOrWholeItemsNeverAnEscapingException(@ForAll("answers") Garbled answer) {
        String id = "s" + (++sources);
        h.engine.close();
        h.engine = h.newEngine();
        h.api.on(
                answer.connector().path,
                new Answer(200, Map.of("Content-Type", answer.connector().contentType), answer.body()));
        h.engine.register(
                answer.connector().source.apply(id, h.api.url()), SourceSettings.every(Duration.ofMinutes(5)));

        assertThatCode(() -> h.engine.tick()).doesNotThrowAnyException();

        SourceStatus status = h.status(id);
        long posts = count("SELECT COUNT(*) FROM post WHERE source = '" + id + "'");
        long items = count("SELECT COUNT(*) FROM feed_item WHERE source_id = '" + id + "'");
        Statistics.collect(answer.connector(), status.healthy() ? (posts > 0 ? "items" : "empty") : "error");
        if (!status.healthy()) {
            assertThat(status.lastError()).isNotBlank().hasSizeLessThanOrEqualTo(1000);
            assertThat(posts).as("a failed poll writes nothing").isZero();
            assertThat(items).isZero();
            return;
        }
        assertThat(status.lastSuccessAt())
                .as("the poll neither failed visibly nor succeeded: %s", status)
                .isNotNull();
        assertThat(items).as("each item is one post").isEqualTo(posts);
        assertThat(count("SELECT COUNT(*) FROM feed_item f WHERE f.source_id = '" + id
                        + "' AND NOT EXISTS (SELECT 1 FROM care_case c WHERE c.id = f.case_id)"))
                .as("every item has its case")
                .isZero();
    }

    @Example
    void anOverlongIdFromTheApiIsARecordedErrorNotAStuckSource() {
        byte[] body = Samples.HACKER_NEWS
                .replace("\"13\"", "\"" + "9".repeat(400) + "\"")
                .getBytes(StandardCharsets.UTF_8);

        aGarbledAnswerIsARecordedErrorOrWholeItemsNeverAnEscapingException(
                new Garbled(Connector.HACKER_NEWS, "id of 400 digits", body));
    }

    @Example
    void externalEntitiesAreNeverResolvedAndNoFileContentAppears() throws Exception {
        String marker = "HEED-SECRET-" + java.util.UUID.randomUUID();
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("heed-xxe", ".txt");
        java.nio.file.Path dtd = java.nio.file.Files.createTempFile("heed-xxe", ".dtd");
        try {
            java.nio.file.Files.writeString(secret, marker);
            java.nio.file.Files.writeString(dtd, "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">");
            List<String> attacks = List.of(
                    "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                    "<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + dtd.toUri() + "\">%remote;]>",
                    "<!DOCTYPE rss SYSTEM \"" + dtd.toUri() + "\">");
            for (String doctype : attacks) {
                String feed = "<?xml version=\"1.0\"?>" + doctype + "<rss version=\"2.0\"><channel><title>t</title>"
                        + "<item><guid>x-" + sources
                        + "</guid><title>Leak &xxe;</title><description>&xxe;</description>"
                        + "<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>";
                byte[] body = feed.getBytes(StandardCharsets.UTF_8);

                aGarbledAnswerIsARecordedErrorOrWholeItemsNeverAnEscapingException(
                        new Garbled(Connector.RSS, "external entity", body));

                assertThat(h.texts()).as(doctype).noneMatch(t -> t.contains(marker));
                assertThat(h.column("SELECT last_error FROM source_health", String.class))
                        .noneMatch(e -> e != null && e.contains(marker));
                assertThat(h.notices()).noneMatch(n -> n.contains(marker));
                assertThat(h.status("s" + sources).lastError()).as(doctype).contains("DOCTYPE");
                assertThatCode(() -> SafeFeedParser.parse(body, "application/rss+xml"))
                        .isInstanceOf(dev.heed.core.feed.SourceException.class)
                        .hasMessageContaining("DOCTYPE")
                        .hasMessageNotContaining(marker);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(secret);
            java.nio.file.Files.deleteIfExists(dtd);
        }
    }

    @Example
    void entityExpansionIsNeverPerformed() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            doctype.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        String feed = "<?xml version=\"1.0\"?>" + doctype + "<rss version=\"2.0\"><channel><title>&lol12;</title>"
                + "<item><guid>b1</guid><title>&lol12;</title></item></channel></rss>";
        byte[] body = feed.getBytes(StandardCharsets.UTF_8);

        assertThatCode(() -> SafeFeedParser.parse(body, "application/rss+xml"))
                .isInstanceOf(dev.heed.core.feed.SourceException.class)
                .hasMessageContaining("DOCTYPE");
        aGarbledAnswerIsARecordedErrorOrWholeItemsNeverAnEscapingException(
                new Garbled(Connector.RSS, "billion laughs", body));
        assertThat(h.status("s" + sources).lastError()).contains("DOCTYPE");
        assertThat(h.texts()).noneMatch(t -> t.contains("lollollol"));
    }

    private static long count(String sql) {
        return h.work.db.sql().sql(sql).query(Long.class).single();
    }

    @Provide
    Arbitrary<Garbled> answers() {
        return Arbitraries.of(Connector.class).flatMap(c -> garbled(c).map(t -> new Garbled(c, t.get1(), t.get2())));
    }

    private static Arbitrary<Tuple.Tuple2<String, byte[]>> garbled(Connector c) {
        byte[] sample = c.sample.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Tuple.Tuple2<String, byte[]>> randomBytes =
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3000).map(b -> Tuple.of("random bytes", b));
        Arbitrary<Tuple.Tuple2<String, byte[]>> cut = Arbitraries.integers()
                .between(0, sample.length - 1)
                .map(n -> Tuple.of("cut at " + n, Arrays.copyOf(sample, n)));
        Arbitrary<Tuple.Tuple2<String, byte[]>> flipped = Arbitraries.integers()
                .between(0, sample.length - 1)
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(at -> {
                    byte[] copy = sample.clone();
                    at.forEach(i -> copy[i] = (byte) (copy[i] ^ (1 << (i % 8))));
                    return Tuple.of("bits flipped at " + at, copy);
                });
        Arbitrary<Tuple.Tuple2<String, byte[]>> invalidUtf8 = Arbitraries.integers()
                .between(0, sample.length)
                .map(at -> Tuple.of("invalid UTF-8 at " + at, splice(sample, at, new byte[] {(byte) 0xC3, 0x28})));
        Arbitrary<Tuple.Tuple2<String, byte[]>> spliced = c.xml() ? xmlSpliced(c.sample) : jsonSpliced(c.sample);
        return Arbitraries.frequencyOf(
                Tuple.of(1, randomBytes),
                Tuple.of(1, cut),
                Tuple.of(1, flipped),
                Tuple.of(1, invalidUtf8),
                Tuple.of(6, spliced));
    }

    /** One node of the sample replaced by a hostile JSON value (or a raw fragment that breaks the JSON). */
    private static Arbitrary<Tuple.Tuple2<String, byte[]>> jsonSpliced(String sample) {
        int nodes = holes(JSON.readTree(sample)).size();
        return Combinators.combine(Arbitraries.integers().between(0, nodes - 1), hostileJson())
                .as((index, value) -> {
                    JsonNode tree = JSON.readTree(sample);
                    holes(tree).get(index).run();
                    String text = JSON.writeValueAsString(tree).replace(JSON.writeValueAsString(HOLE), value);
                    return Tuple.of(
                            "node " + index + " := " + abbreviate(value), text.getBytes(StandardCharsets.UTF_8));
                });
    }

    /** Setters that put {@link #HOLE} in place of each node of the tree. */
    private static List<Runnable> holes(JsonNode node) {
        List<Runnable> out = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                out.add(() -> object.put(name, HOLE));
                out.addAll(holes(object.get(name)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int at = i;
                out.add(() -> array.set(at, JSON.getNodeFactory().textNode(HOLE)));
                out.addAll(holes(array.get(i)));
            }
        }
        return out;
    }

    private static Arbitrary<String> hostileJson() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "null",
                                "0",
                                "-1",
                                "1e309",
                                "123456789012345678901234567890",
                                "true",
                                "\"\"",
                                "[]",
                                "{}",
                                "[null]",
                                "\"not a date\"",
                                "\"2026-11-23T08:00:00Z\"",
                                "\"9999-12-31T23:59:59Z\"",
                                "\"-999999999-01-01T00:00:00Z\"",
                                "\"<!channel> @everyone <@U1>\"",
                                "\"\\ud800\"",
                                "\"\\u0000\"",
                                "\"x\",\"id\":[1]",
                                "1,",
                                "}")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(50).map(s -> JSON.writeValueAsString(s))),
                Tuple.of(
                        1,
                        Arbitraries.integers().between(250, 60_000).map(n -> JSON.writeValueAsString("é".repeat(n)))),
                Tuple.of(1, Arbitraries.integers().between(1, 1200).map(n -> "[".repeat(n) + "]".repeat(n))),
                Tuple.of(
                        1, Arbitraries.integers().between(1, 400).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n))));
    }

    /** The XML sample with a hostile fragment put in one of its text places or anywhere. */
    private static Arbitrary<Tuple.Tuple2<String, byte[]>> xmlSpliced(String sample) {
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "&amp;lt;!channel&amp;gt;",
                                "&lol;",
                                "&#0;",
                                "&#xD800;",
                                "<![CDATA[ <b>x</b> ]]>",
                                "]]>",
                                "<item>",
                                "</channel>",
                                "<?xml version=\"1.0\"?>",
                                "<!DOCTYPE rss [<!ENTITY lol \"lol\">]>",
                                "<!-- comment -->",
                                "not a date",
                                "\u0000",
                                "\uFFFE")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.integers().between(250, 60_000).map("x"::repeat)));
        Arbitrary<String> inPlace = Combinators.combine(Arbitraries.of(Samples.XML_PLACES), fragment)
                .as((place, f) -> sample.replace(place, place + f));
        Arbitrary<String> anywhere = Combinators.combine(Arbitraries.integers().between(0, sample.length()), fragment)
                .as((at, f) -> sample.substring(0, at) + f + sample.substring(at));
        return Arbitraries.oneOf(inPlace, anywhere)
                .map(text -> Tuple.of("spliced", text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] splice(byte[] into, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(into, 0, at);
        out.writeBytes(what);
        out.write(into, at, into.length - at);
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "...(" + text.length() + ")" : text;
    }

    /** Valid answers of each API, all within the first look-back of the harness clock (2026-11-23T09:00Z). */
    static final class Samples {
        static final String[] XML_PLACES = {
            "<guid>",
            "<title>",
            "<link>",
            "<description>",
            "<pubDate>",
            "<id>",
            "<updated>",
            "<name>",
            "<content type=\"html\">"
        };

        static final String RSS = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Blog</title><link>https://blog.example</link><description>d</description>
                <item><guid>a1</guid><title>Cold coffee again</title><link>https://blog.example/a1</link>
                <description>&lt;p&gt;The latte was cold &amp;amp; late&lt;/p&gt;</description>
                <author>w@blog.example (Writer)</author><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>
                <item><guid>a2</guid><title>Lovely cake</title><link>https://blog.example/a2</link>
                <description>Thanks!</description><pubDate>Mon, 23 Nov 2026 08:30:00 GMT</pubDate></item>
                </channel></rss>
                """;

        static final String ATOM = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Alerts</title><id>urn:feed</id>
                <updated>2026-11-23T08:30:00Z</updated>
                <entry><id>urn:e1</id><title type="html">Bean &amp;amp; Bloom review</title>
                <link href="https://news.example/e1"/><updated>2026-11-23T08:10:00Z</updated>
                <author><name>Press</name></author><content type="html">&lt;b&gt;Where is my order?&lt;/b&gt;</content></entry>
                </feed>
                """;

        static final String MASTODON = """
                [{"id":"1001","type":"mention","created_at":"2026-11-23T08:00:00.000Z","account":{"id":"7"},
                  "status":{"id":"1","created_at":"2026-11-23T08:00:00.000Z","in_reply_to_id":null,
                   "visibility":"public","language":"en","uri":"https://remote.example/users/ana/statuses/1",
                   "url":"https://remote.example/@ana/1","content":"<p>@beanbloom my order never arrived</p>",
                   "account":{"id":"7","username":"ana","acct":"ana@remote.example","display_name":"Ana",
                     "url":"https://remote.example/@ana","followers_count":1234,"bot":false}}}]
                """;

        static final String BLUESKY = """
                {"notifications":[{"uri":"at://did:plc:author1/app.bsky.feed.post/r1","cid":"cid1",
                  "author":{"did":"did:plc:author1","handle":"user1.bsky.social","displayName":"Author 1","labels":[]},
                  "reason":"mention","record":{"$type":"app.bsky.feed.post",
                    "text":"complaint: @beanbloom.bsky.social cold latte","createdAt":"2026-11-23T07:59:58Z",
                    "langs":["en"],"facets":[],"reply":{"root":{"uri":"at://did:plc:biz/app.bsky.feed.post/root1",
                    "cid":"c"},"parent":{"uri":"at://did:plc:biz/app.bsky.feed.post/p1","cid":"c"}}},
                  "isRead":false,"indexedAt":"2026-11-23T08:00:00Z","labels":[]}],"priority":false}
                """;

        static final String APP_STORE = """
                {"feed":{"entry":[
                 {"im:name":{"label":"Bean & Bloom"},"id":{"label":"https://apps.apple.com/us/app/id123"}},
                 {"author":{"uri":{"label":"https://itunes.apple.com/us/reviews/id91"},"name":{"label":"rev"},"label":""},
                  "updated":{"label":"2026-11-23T01:10:00-07:00"},"im:rating":{"label":"1"},"im:version":{"label":"4.2"},
                  "id":{"label":"r1"},"title":{"label":"Crashes"},"content":{"label":"Lost my order","attributes":{"type":"text"}},
                  "link":{"attributes":{"rel":"related","href":"https://itunes.apple.com/us/review?id=123"}}}]}}
                """;

        static final String HACKER_NEWS = """
                {"hits":[{"objectID":"13","created_at_i":1795420800,"author":"pg","title":null,
                  "comment_text":"Bean &amp; Bloom <i>rocks</i>","story_id":100,"parent_id":100,"url":null,
                  "_tags":["comment"]}],"nbPages":1,"page":0}
                """;

        private Samples() {}
    }
}
