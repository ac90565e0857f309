package dev.heed.app.feed;

import dev.heed.app.ChatPorts;
import dev.heed.app.HeedProperties;
import dev.heed.app.HeedProperties.SourceProperties;
import dev.heed.app.HeedProperties.SourceType;
import dev.heed.core.casework.IngestService;
import dev.heed.core.casework.TeamNotices;
import dev.heed.core.chat.RouteTable;
import dev.heed.core.feed.FeedEngine;
import dev.heed.core.feed.FeedHttp;
import dev.heed.core.feed.PollingSource;
import dev.heed.core.feed.SourceSettings;
import dev.heed.core.feed.SourceStatusQuery;
import dev.heed.core.feed.connector.AppStoreSource;
import dev.heed.core.feed.connector.BlueskySource;
import dev.heed.core.feed.connector.HackerNewsSource;
import dev.heed.core.feed.connector.MastodonSource;
import dev.heed.core.feed.connector.RssSource;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.support.Db;
import dev.heed.core.support.Leases;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Builds the feed engine and one connector per {@code heed.sources[n]} of type rss, mastodon or bluesky. */
@Configuration(proxyBeanMethods = false)
class FeedWiring {
    private static final Logger log = LoggerFactory.getLogger(FeedWiring.class);
    static final String USER_AGENT = "Heed/0.1 (social care bot; +https://github.com/heed-dev/heed)";

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService feedStreams() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "heed-stream-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Lazy: building the HTTP client loads the JDK's TLS stack and trust store (about 300 classes, a few hundred
     * ms of CPU), which only polled sources need; a webhook-only or demo instance never pays for it.
     */
    @Bean
    @Lazy
    FeedHttp feedHttp(Clock clock) {
        return FeedHttp.create(clock, USER_AGENT);
    }

    @Bean
    FeedEngine feedEngine(
            Db db,
            Clock clock,
            IngestService ingest,
            ChatPorts chatPorts,
            RouteTable routes,
            HeedProperties properties,
            ObjectProvider<FeedHttp> http,
            ExecutorService feedStreams,
            Leases leases) {
        List<ChannelRef> team = chatPorts.defaultChannels().isEmpty()
                ? new ArrayList<>(routes.allChannels())
                : chatPorts.defaultChannels();
        FeedEngine engine = new FeedEngine(
                db,
                clock,
                ingest,
                new TeamNotices(db, team),
                FeedEngine.Settings.defaults(properties.businessHours().zone()),
                () -> ThreadLocalRandom.current().nextDouble(),
                leases);
        for (SourceProperties source : properties.sources()) {
            if (source.type() == SourceType.WEBHOOK) {
                continue;
            }
            engine.register(connector(source, http.getObject(), clock, feedStreams), settings(source));
            log.info("Source '{}' ({}) polls every {}", source.id(), describe(source), source.pollInterval());
        }
        return engine;
    }

    @Bean
    SourceStatusQuery sourceStatusQuery(FeedEngine engine, Db db, Clock clock, HeedProperties properties) {
        List<String> webhooks = properties.sources().stream()
                .filter(s -> s.type() == SourceType.WEBHOOK)
                .map(SourceProperties::id)
                .toList();
        return new SourceStatusQuery(
                engine, db, clock, properties.businessHours().zone(), webhooks);
    }

    static SourceSettings settings(SourceProperties source) {
        return new SourceSettings(source.pollInterval(), source.lookBack(), source.silentAfter(), 10);
    }

    static PollingSource connector(SourceProperties s, FeedHttp http, Clock clock, ExecutorService streams) {
        return switch (s.type()) {
            case MASTODON ->
                new MastodonSource(
                        new MastodonSource.Settings(
                                s.id(),
                                s.instanceUrl(),
                                s.accessToken(),
                                s.hashtags(),
                                s.streaming(),
                                s.streamingUrl()),
                        http,
                        streams);
            case BLUESKY ->
                new BlueskySource(
                        new BlueskySource.Settings(s.id(), s.serviceUrl(), s.handle(), s.appPassword()), http);
            case RSS ->
                switch (s.preset()) {
                    case NONE ->
                        new RssSource(
                                new RssSource.Settings(
                                        s.id(), URI.create(s.url()), RssSource.Preset.NONE, s.network(), s.userAgent()),
                                http,
                                clock);
                    case GOOGLE_ALERTS ->
                        new RssSource(
                                new RssSource.Settings(
                                        s.id(),
                                        URI.create(s.url()),
                                        RssSource.Preset.GOOGLE_ALERTS,
                                        s.network(),
                                        s.userAgent()),
                                http,
                                clock);
                    case REDDIT ->
                        new RssSource(
                                RssSource.Settings.reddit(
                                        s.id(),
                                        orDefault(s.baseUrl(), "https://www.reddit.com"),
                                        s.query(),
                                        s.userAgent()),
                                http,
                                clock);
                    case APP_STORE ->
                        new AppStoreSource(
                                new AppStoreSource.Settings(
                                        s.id(),
                                        orDefault(s.baseUrl(), "https://itunes.apple.com"),
                                        s.appId(),
                                        s.country()),
                                http,
                                clock);
                    case HACKER_NEWS ->
                        new HackerNewsSource(
                                new HackerNewsSource.Settings(
                                        s.id(), orDefault(s.baseUrl(), "https://hn.algolia.com"), s.query()),
                                http);
                };
            case WEBHOOK -> throw new IllegalArgumentException("a webhook source is not polled");
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String describe(SourceProperties s) {
        return s.type() == SourceType.RSS && s.preset() != HeedProperties.Preset.NONE
                ? "rss, " + s.preset().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : s.type().name().toLowerCase(java.util.Locale.ROOT);
    }
}
