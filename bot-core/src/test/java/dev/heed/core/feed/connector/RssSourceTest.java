package dev.heed.core.feed.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.feed.FakeApi.Answer;
import dev.heed.core.feed.FeedHarness;
import dev.heed.core.feed.FeedHttp;
import dev.heed.core.feed.SourceSettings;
import dev.heed.core.model.Network;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RssSourceTest {
    private final FeedHarness h = new FeedHarness();
    private final List<String> items = new ArrayList<>();

    @AfterEach
    void close() {
        h.close();
    }

    /** An RSS 2.0 item; {@code hoursAgo} before the test clock's now. */
    private String item(String guid, String title, long hoursAgo) {
        Instant at = h.work.clock.instant().minus(Duration.ofHours(hoursAgo));
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title>"
                + "<link>https://blog.example/" + guid + "</link><description>&lt;p&gt;Body of " + title
                + " &amp;amp; more&lt;/p&gt;</description><author>writer@blog.example (Writer)</author><pubDate>"
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)) + "</pubDate></item>";
    }

    private String rss() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Blog</title>"
                + "<link>https://blog.example</link><description>d</description>" + String.join("", items)
                + "</channel></rss>";
    }

    private RssSource source(RssSource.Preset preset, String path, String userAgent) {
        return new RssSource(
                new RssSource.Settings("blog", h.api.uri(path), preset, Network.OTHER, userAgent),
                h.http,
                h.work.clock);
    }

    private void serveFeedWithEtag() {
        h.api.on("/feed.xml", request -> {
            String etag = "\"v" + items.size() + "\"";
            if (etag.equals(request.header("If-None-Match"))) {
                return Answer.status(304);
            }
            return Answer.xml(rss()).with("ETag", etag);
        });
    }

    @Test
    void deliversNewEntriesOnceAndUsesConditionalGet() {
        items.add(item("a1", "Cold coffee again", 2));
        items.add(item("a2", "Lovely staff", 1));
        serveFeedWithEtag();
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick();
        assertThat(h.nativeIds()).containsExactly("a1", "a2");
        assertThat(h.texts().get(0)).isEqualTo("Cold coffee again\nBody of Cold coffee again & more");

        h.work.advance(Duration.ofMinutes(5));
        h.engine.tick();
        assertThat(h.api.requests("/feed.xml").get(1).header("If-None-Match")).isEqualTo("\"v2\"");
        assertThat(h.nativeIds()).hasSize(2);

        items.add(item("a3", "Where is my order", 0));
        h.work.advance(Duration.ofMinutes(5));
        h.engine.tick();
        assertThat(h.nativeIds()).containsExactly("a1", "a2", "a3");
    }

    @Test
    void firstConnectSkipsEntriesOlderThanTheLookBack() {
        items.add(item("old", "Ancient post", 30));
        items.add(item("new", "Fresh post", 3));
        serveFeedWithEtag();
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick();

        assertThat(h.nativeIds()).containsExactly("new");
    }

    @Test
    void aRestartNeitherRepeatsNorMissesEntriesAndCatchesBackDatedOnes() {
        items.add(item("a1", "First", 2));
        serveFeedWithEtag();
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(5)));
        h.engine.tick();

        items.add(item("a2", "Second, published while Heed was down", 1));
        items.add(item("a0", "Back-dated but new", 5));
        h.engine = h.newEngine();
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(5)));
        h.work.advance(Duration.ofMinutes(30));
        h.engine.tick();

        assertThat(h.nativeIds()).containsExactly("a1", "a0", "a2");
    }

    @Test
    void googleAlertsLinksAreUnwrapped() {
        h.api.on("/alerts/feeds/1/2", Answer.xml("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
                  <id>tag:google.com,2005:reader/user/1/state/com.google/alerts/2</id>
                  <title>Google Alert - bean and bloom</title><updated>2026-11-23T08:30:00Z</updated>
                  <entry>
                    <id>tag:google.com,2013:googlealerts/feed:123</id>
                    <title type="html">Review: &lt;b&gt;Bean &amp;amp; Bloom&lt;/b&gt; disappoints</title>
                    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://news.example/review%3Fid%3D7&amp;ct=ga&amp;cd=CAE&amp;usg=AOv"/>
                    <published>2026-11-23T08:30:00Z</published><updated>2026-11-23T08:30:00Z</updated>
                    <content type="html">The new &lt;b&gt;Bean &amp;amp; Bloom&lt;/b&gt; branch was slow.</content>
                    <author><name></name></author>
                  </entry>
                </feed>
                """));
        h.engine.register(
                source(RssSource.Preset.GOOGLE_ALERTS, "/alerts/feeds/1/2", null),
                SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick();

        assertThat(h.column("SELECT permalink FROM post", String.class))
                .containsExactly("https://news.example/review?id=7");
        assertThat(h.texts())
                .containsExactly("Review: Bean & Bloom disappoints\nThe new Bean & Bloom branch was slow.");
        assertThat(h.column("SELECT author_handle FROM post", String.class)).containsExactly("news.example");
    }

    @Test
    void redditSearchSendsTheDescriptiveUserAgent() {
        h.api.on("/search.rss", Answer.xml("""
                <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">
                <title>search results</title><id>x</id><updated>2026-11-23T08:00:00Z</updated>
                <entry><author><name>/u/mara</name><uri>https://www.reddit.com/user/mara</uri></author>
                <id>t3_abc</id><link href="https://www.reddit.com/r/coffee/comments/abc/bean/"/>
                <updated>2026-11-23T08:40:00Z</updated><published>2026-11-23T08:40:00Z</published>
                <title>Anyone else get food poisoning at Bean and Bloom?</title></entry></feed>
                """));
        RssSource reddit = new RssSource(
                RssSource.Settings.reddit("reddit", h.api.url(), "bean and bloom", "server:heed:0.1 (by /u/beanbloom)"),
                h.http,
                h.work.clock);
        h.engine.register(reddit, SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick();

        var request = h.api.requests("/search.rss").get(0);
        assertThat(request.header("User-Agent")).isEqualTo("server:heed:0.1 (by /u/beanbloom)");
        assertThat(request.query()).isEqualTo("q=bean+and+bloom&sort=new");
        assertThat(h.column("SELECT author_url FROM post", String.class))
                .containsExactly("https://www.reddit.com/u/mara");
        assertThat(h.column("SELECT network FROM post", String.class)).containsExactly("REDDIT");
    }

    @Test
    void malformedXmlIsARecordedSourceErrorAndTheFeedRecovers() {
        h.api.on("/feed.xml", Answer.xml("<rss><channel><item><title>broken"));
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick();

        assertThat(h.status("blog").healthy()).isFalse();
        assertThat(h.status("blog").lastError()).startsWith("malformed: not well-formed XML");
        assertThat(h.notices()).singleElement().asString().contains("'blog'", "not working");

        items.add(item("a1", "Fine again", 1));
        serveFeedWithEtag();
        h.work.advance(Duration.ofMinutes(1));
        h.engine.tick();
        assertThat(h.nativeIds()).containsExactly("a1");
        assertThat(h.notices()).hasSize(2).last().asString().contains("works again");
    }

    @Test
    void invalidUtf8IsRejectedNotMangled() {
        byte[] start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>B"
                .getBytes(StandardCharsets.UTF_8);
        byte[] end = "</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + 2 + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        body[start.length] = (byte) 0xc3;
        body[start.length + 1] = (byte) 0x28; // not a continuation byte
        System.arraycopy(end, 0, body, start.length + 2, end.length);
        h.api.on("/feed.xml", new Answer(200, Map.of("Content-Type", "application/rss+xml"), body));
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick();

        assertThat(h.status("blog").lastError()).isEqualTo("malformed: invalid UTF-8 in the feed");
    }

    @Test
    void aDoctypeIsRefusedSoExternalEntitiesAreNeverRead() {
        h.api.on("/feed.xml", Answer.xml("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>
                <rss version="2.0"><channel><title>&xxe;</title><item><guid>x</guid><title>&lol;&xxe;</title></item>
                </channel></rss>
                """));
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(5)));

        h.engine.tick();

        assertThat(h.nativeIds()).isEmpty();
        assertThat(h.status("blog").lastError()).startsWith("malformed:").containsIgnoringCase("DOCTYPE");
    }

    @Test
    void aPayloadOverTheSizeCapIsAnError() {
        FeedHarness small = new FeedHarness(1024);
        try {
            small.api.on("/feed.xml", Answer.xml("<rss>" + "x".repeat(5000) + "</rss>"));
            small.engine.register(
                    new RssSource(
                            new RssSource.Settings(
                                    "blog", small.api.uri("/feed.xml"), RssSource.Preset.NONE, Network.OTHER, null),
                            small.http,
                            small.work.clock),
                    SourceSettings.every(Duration.ofMinutes(5)));

            small.engine.tick();

            assertThat(small.status("blog").lastError())
                    .isEqualTo("too large: the answer of 127.0.0.1 is larger than 1024 bytes");
        } finally {
            small.close();
        }
    }

    @Test
    void serverErrorsBackOffAndRetryAfterIsHonoured() {
        h.api.on("/feed.xml", Answer.status(503).with("Retry-After", "600"));
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();
        assertThat(h.status("blog").lastError()).isEqualTo("server error: HTTP 503");
        assertThat(h.status("blog").nextPollAt())
                .isEqualTo(h.work.clock.instant().plusSeconds(600));

        h.work.advance(Duration.ofMinutes(5));
        h.engine.tick();
        assertThat(h.api.requests("/feed.xml")).hasSize(1);
    }

    @Test
    void aHostOutOfRequestsIsNotCalledBeforeItsReset() {
        Instant reset = h.work.clock.instant().plusSeconds(300);
        items.add(item("a1", "First", 1));
        h.api.on(
                "/feed.xml",
                Answer.xml(rss()).with("X-RateLimit-Remaining", "0").with("X-RateLimit-Reset", reset.toString()));
        h.engine.register(
                source(RssSource.Preset.NONE, "/feed.xml", null), SourceSettings.every(Duration.ofMinutes(1)));

        h.engine.tick();
        h.work.advance(Duration.ofMinutes(1));
        h.engine.tick();
        assertThat(h.api.requests("/feed.xml")).hasSize(1);
        assertThat(h.status("blog").healthy()).isTrue();
        assertThat(h.status("blog").nextPollAt()).isEqualTo(reset);
        assertThat(h.http.blockedUntil(FeedHttp.hostKey(URI.create(h.api.url()))))
                .contains(reset);

        h.work.advance(Duration.ofMinutes(4));
        h.engine.tick();
        assertThat(h.api.requests("/feed.xml")).hasSize(2);
    }
}
