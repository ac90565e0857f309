package dev.heed.app;

import static dev.heed.app.PropertyChecks.check;

import dev.heed.core.classification.ReplyTemplate;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Network;
import dev.heed.core.model.Priority;
import dev.heed.core.sla.ClockMode;
import dev.heed.core.sla.ResponseTarget;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything Heed reads from configuration, under {@code heed.}. Each record checks its values as it is bound: a
 * wrong value stops start-up with a message that names the property and the accepted form. Environment variables
 * work as usual ({@code HEED_BRAND_NAME}, {@code HEED_API_TOKEN}, ...). Secrets never appear in {@code toString()}.
 */
@ConfigurationProperties("heed")
public record HeedProperties(
        @DefaultValue Brand brand,
        @DefaultValue BusinessHours businessHours,
        @DefaultValue Deadlines deadlines,
        @DefaultValue Nudges nudges,
        @DefaultValue PriorityProperties priority,
        @DefaultValue Replies replies,
        @DefaultValue ClassifierProperties classifier,
        @DefaultValue Llm llm,
        @DefaultValue List<RouteProperties> routes,
        @DefaultValue List<SourceProperties> sources,
        @DefaultValue Demo demo,
        @DefaultValue Webhook webhook,
        @DefaultValue Api api,
        @DefaultValue Console console,
        @DefaultValue Scheduling scheduling,
        @DefaultValue Instance instance,
        @DefaultValue Retention retention,
        @DefaultValue Storms storms) {

    public HeedProperties {
        long distinct = sources.stream().map(SourceProperties::id).distinct().count();
        check(distinct == sources.size(), "heed.sources", "each source needs its own id; two share one");
    }

    /** What replies may say about the business. */
    public record Brand(
            @DefaultValue("our team") String name,
            @DefaultValue("") String signOff,
            @DefaultValue("") String supportContact,
            @DefaultValue("") String reviewLink) {

        public Brand {
            check(!name.isBlank() && name.length() <= 80, "heed.brand.name", "must be 1 to 80 characters");
            check(signOff.length() <= 80, "heed.brand.sign-off", "must be at most 80 characters");
            check(supportContact.length() <= 200, "heed.brand.support-contact", "must be at most 200 characters");
            check(
                    reviewLink.isEmpty() || reviewLink.matches("https?://\\S+"),
                    "heed.brand.review-link",
                    "must be empty or an http(s) URL, got '" + reviewLink + "'");
        }
    }

    /**
     * Opening hours. {@code hours} maps a weekday ({@code monday} ... {@code sunday}) to periods such as
     * {@code 09:00-12:30,13:30-17:30}, or {@code closed}; a day left out keeps its default (Monday to Friday
     * 09:00-17:30, weekend closed).
     */
    public record BusinessHours(
            @DefaultValue("UTC") ZoneId zone,
            @DefaultValue Map<String, String> hours,
            @DefaultValue List<LocalDate> holidays) {

        public static final Set<String> DAYS =
                Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

        public BusinessHours {
            hours.forEach((day, periods) -> {
                String property = "heed.business-hours.hours." + day;
                check(DAYS.contains(day.toLowerCase(Locale.ROOT)), property, "is not a weekday; use monday ... sunday");
                check(
                        BusinessHoursFactory.periodsOrNull(periods) != null,
                        property,
                        "must be periods 'HH:mm-HH:mm' separated by commas (09:00-12:30,13:30-17:30) or 'closed', got '"
                                + periods + "'");
            });
        }
    }

    /**
     * Response deadlines. {@code clock}: {@code arrival} (the target depends on whether the post arrived in business
     * hours) or {@code business-time} (the clock only runs in business hours). {@code rules} override the defaults
     * of social-care.md for a kind, optionally from a priority up.
     */
    public record Deadlines(
            @DefaultValue("arrival") ClockMode clock,
            @DefaultValue List<DeadlineRule> rules) {}

    /** A deadline for a kind (and optionally a priority and up); out-of-hours defaults to in-hours. */
    public record DeadlineRule(Kind kind, Priority priority, ResponseTarget inHours, ResponseTarget outOfHours) {
        public DeadlineRule {
            check(
                    kind != null,
                    "heed.deadlines.rules[n].kind",
                    "is required: complaint, question, compliment or other");
            check(
                    inHours != null,
                    "heed.deadlines.rules[n].in-hours",
                    "is required, e.g. 30m, 2h, close-of-business, next-business-day+2h or none");
        }
    }

    /** The nudge ladder: a quiet reminder, a warning that mentions someone, the breach notice, capped repeats. */
    public record Nudges(
            @DefaultValue("0.5") double reminderAt,
            @DefaultValue("0.8") double warningAt,
            @DefaultValue("10m") Duration warningBefore,
            @DefaultValue("30m") Duration repeatEvery,
            @DefaultValue("2") int maxRepeats) {

        public Nudges {
            check(
                    reminderAt >= 0 && reminderAt < 1,
                    "heed.nudges.reminder-at",
                    "must be a fraction in 0 .. 0.95 (0 = no reminder)");
            check(warningAt > 0 && warningAt <= 1, "heed.nudges.warning-at", "must be a fraction in 0.05 .. 1");
            check(reminderAt < warningAt, "heed.nudges.reminder-at", "must be below heed.nudges.warning-at");
            check(!warningBefore.isNegative(), "heed.nudges.warning-before", "must not be negative, e.g. 10m");
            check(repeatEvery.compareTo(Duration.ofMinutes(1)) >= 0, "heed.nudges.repeat-every", "must be at least 1m");
            check(
                    maxRepeats >= 0 && maxRepeats <= 20,
                    "heed.nudges.max-repeats",
                    "must be within 0 .. 20, got " + maxRepeats);
        }
    }

    /**
     * Suggested-reply templates that replace the English defaults of a kind, e.g.
     * {@code heed.replies.templates.complaint[0].label} and {@code .text}. Placeholders: {@code {name}},
     * {@code {brand}}, {@code {signoff}}, {@code {support}}, {@code {review}}, {@code {topic}}.
     */
    public record Replies(@DefaultValue Map<Kind, List<TemplateProperties>> templates) {}

    /** One reply template; checked for unknown placeholders as it is bound. */
    public record TemplateProperties(String label, String text) {
        public TemplateProperties {
            try {
                new ReplyTemplate(label == null ? "" : label, text == null ? "" : text);
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException(
                        "heed.replies.templates.<kind>[n]: " + invalid.getMessage(), invalid);
            }
        }
    }

    /**
     * Learning from the team: the classifier is refitted with the team's corrections once at least
     * {@code refit-after} new ones came in (checked every {@code refit-check}).
     */
    public record ClassifierProperties(
            @DefaultValue("5") int refitAfter,
            @DefaultValue("60s") Duration refitCheck) {
        public ClassifierProperties {
            check(refitAfter >= 1 && refitAfter <= 10_000, "heed.classifier.refit-after", "must be within 1 .. 10000");
            check(
                    refitCheck.compareTo(Duration.ofSeconds(5)) >= 0,
                    "heed.classifier.refit-check",
                    "must be at least 5s");
        }
    }

    /**
     * Optional reply drafting by a language model behind an OpenAI-compatible chat-completions endpoint; off
     * unless {@code base-url} is set (e.g. {@code https://api.openai.com/v1/} or {@code http://localhost:11434/v1/}).
     */
    public record Llm(
            java.net.URI baseUrl,
            String model,
            String apiKey,
            @DefaultValue("4s") Duration timeout) {
        public Llm {
            check(
                    baseUrl == null || ("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())),
                    "heed.llm.base-url",
                    "must be an http(s) URL such as https://api.openai.com/v1/");
            check(
                    baseUrl == null || (model != null && !model.isBlank()),
                    "heed.llm.model",
                    "is required with heed.llm.base-url");
            check(
                    timeout.compareTo(Duration.ofMillis(100)) >= 0 && timeout.compareTo(Duration.ofSeconds(20)) <= 0,
                    "heed.llm.timeout",
                    "must be within 100ms .. 20s");
        }

        public boolean enabled() {
            return baseUrl != null;
        }

        @Override
        public String toString() {
            return "Llm[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "****")
                    + ", timeout=" + timeout + "]";
        }
    }

    /** Priority inputs: authors whose posts always count as important (handles, case-insensitive, '@' optional). */
    public record PriorityProperties(@DefaultValue List<String> vipHandles) {
        public PriorityProperties {
            check(
                    vipHandles.stream().noneMatch(String::isBlank),
                    "heed.priority.vip-handles",
                    "must not contain blank handles");
        }
    }

    /** Sends the cases of some sources and kinds to some channels ({@code platform:id}, e.g. {@code slack:C0123}). */
    public record RouteProperties(
            @DefaultValue Set<String> sources,
            @DefaultValue Set<Kind> kinds,
            @DefaultValue List<ChannelRef> channels) {
        public RouteProperties {
            check(
                    !channels.isEmpty(),
                    "heed.routes[n].channels",
                    "needs at least one channel as platform:id, e.g. slack:C0123");
        }
    }

    /**
     * A configured source under {@code heed.sources[n]}. Types: {@code webhook} (posts are pushed to
     * {@code /hooks/ingest/<id>}), {@code rss} (any RSS or Atom URL; presets {@code google-alerts}, {@code reddit},
     * {@code app-store}, {@code hacker-news}), {@code mastodon} and {@code bluesky}. Each type checks the settings it
     * needs as it is bound; secrets never appear in {@code toString()}.
     */
    public record SourceProperties(
            String id,
            SourceType type,
            String token,
            @DefaultValue("other") Network network,
            String url,
            @DefaultValue("none") Preset preset,
            String query,
            String appId,
            @DefaultValue("us") String country,
            String baseUrl,
            String userAgent,
            String instanceUrl,
            String accessToken,
            @DefaultValue List<String> hashtags,
            @DefaultValue("false") boolean streaming,
            String streamingUrl,
            @DefaultValue("https://bsky.social") String serviceUrl,
            String handle,
            String appPassword,
            Duration interval,
            @DefaultValue("24h") Duration lookBack,
            Duration silentAfter) {

        public SourceProperties {
            check(
                    id != null && id.matches("[a-z0-9][a-z0-9-]{0,62}"),
                    "heed.sources[n].id",
                    "must be 1-63 characters of a-z, 0-9 and '-', got '" + id + "'");
            check(
                    type != null,
                    "heed.sources[n].type",
                    "is required for source '" + id + "': webhook, rss, mastodon or bluesky");
            check(
                    type != SourceType.WEBHOOK
                            || (token != null && token.strip().length() >= 16),
                    "heed.sources[n].token",
                    "webhook source '" + id + "' needs a token of at least 16 characters");
            if (type == SourceType.RSS) {
                switch (preset) {
                    case NONE, GOOGLE_ALERTS ->
                        check(
                                isHttp(url),
                                "heed.sources[n].url",
                                "rss source '" + id + "' needs the feed's http(s) URL, got '" + url + "'");
                    case REDDIT -> {
                        check(notBlank(query), "heed.sources[n].query", "reddit source '" + id + "' needs a query");
                        check(
                                userAgent != null && userAgent.contains("(by /u/"),
                                "heed.sources[n].user-agent",
                                "reddit source '" + id
                                        + "' needs a descriptive User-Agent like 'server:heed:0.1 (by /u/yourname)'");
                    }
                    case APP_STORE ->
                        check(
                                appId != null && appId.matches("[0-9]{1,20}"),
                                "heed.sources[n].app-id",
                                "app-store source '" + id + "' needs the numeric app id, got '" + appId + "'");
                    case HACKER_NEWS ->
                        check(
                                notBlank(query),
                                "heed.sources[n].query",
                                "hacker-news source '" + id + "' needs a query");
                }
                check(
                        country.matches("[a-z]{2}"),
                        "heed.sources[n].country",
                        "must be a two-letter store country such as us or gb, got '" + country + "'");
                check(
                        baseUrl == null || isHttp(baseUrl),
                        "heed.sources[n].base-url",
                        "must be an http(s) URL, got '" + baseUrl + "'");
            }
            if (type == SourceType.MASTODON) {
                check(
                        isHttp(instanceUrl),
                        "heed.sources[n].instance-url",
                        "mastodon source '" + id + "' needs the instance's URL, e.g. https://mastodon.social");
                check(
                        notBlank(accessToken),
                        "heed.sources[n].access-token",
                        "mastodon source '" + id + "' needs an access token with read:notifications and read:statuses");
                check(
                        hashtags.stream().allMatch(t -> t.matches("#?[\\p{L}\\p{N}_]+")),
                        "heed.sources[n].hashtags",
                        "must be hashtags such as beanbloom or #beanbloom, got " + hashtags);
                check(
                        streamingUrl == null || isHttp(streamingUrl),
                        "heed.sources[n].streaming-url",
                        "must be an http(s) URL, got '" + streamingUrl + "'");
            }
            if (type == SourceType.BLUESKY) {
                check(
                        isHttp(serviceUrl),
                        "heed.sources[n].service-url",
                        "must be an http(s) URL, got '" + serviceUrl + "'");
                check(
                        notBlank(handle),
                        "heed.sources[n].handle",
                        "bluesky source '" + id + "' needs the account's handle, e.g. yourname.bsky.social");
                check(
                        notBlank(appPassword),
                        "heed.sources[n].app-password",
                        "bluesky source '" + id
                                + "' needs an app password (Settings > Privacy and security > App passwords)");
            }
            check(
                    interval == null || interval.compareTo(Duration.ofSeconds(10)) >= 0,
                    "heed.sources[n].interval",
                    "must be at least 10s, got " + interval);
            check(
                    !lookBack.isNegative() && lookBack.compareTo(Duration.ofDays(30)) <= 0,
                    "heed.sources[n].look-back",
                    "must be within 0 .. 30d, got " + lookBack);
            check(
                    silentAfter == null || silentAfter.compareTo(Duration.ofMinutes(1)) >= 0,
                    "heed.sources[n].silent-after",
                    "must be at least 1m (or left out: never), got " + silentAfter);
        }

        /** The polling interval: the configured one, else a default that suits the API's limits. */
        public Duration pollInterval() {
            if (interval != null) {
                return interval;
            }
            return switch (type) {
                case MASTODON, BLUESKY -> Duration.ofMinutes(1);
                case RSS -> preset == Preset.APP_STORE ? Duration.ofMinutes(30) : Duration.ofMinutes(5);
                case WEBHOOK -> Duration.ofMinutes(5);
            };
        }

        private static boolean isHttp(String value) {
            return value != null && value.matches("https?://\\S+");
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "SourceProperties[id=" + id + ", type=" + type + ", preset=" + preset + ", token="
                    + (token == null ? "none" : "****") + ", access-token=" + (accessToken == null ? "none" : "****")
                    + ", app-password=" + (appPassword == null ? "none" : "****") + ", network=" + network + "]";
        }
    }

    public enum SourceType {
        WEBHOOK,
        RSS,
        MASTODON,
        BLUESKY
    }

    /** Ready-made flavours of the {@code rss} source. */
    public enum Preset {
        NONE,
        GOOGLE_ALERTS,
        REDDIT,
        APP_STORE,
        HACKER_NEWS
    }

    /**
     * The bundled demo source: about 20 realistic posts over the first minute, with short deadlines so that nudges
     * and a breach show within minutes. {@code enabled}: {@code auto} (on while no source is configured),
     * {@code true} or {@code false}.
     */
    public record Demo(
            @DefaultValue("auto") String enabled,
            @DefaultValue("60s") Duration spread,
            @DefaultValue("3m") Duration complaintDeadline,
            @DefaultValue("4m") Duration questionDeadline,
            @DefaultValue("5m") Duration complimentDeadline) {

        public Demo {
            check(
                    enabled.matches("auto|true|false"),
                    "heed.demo.enabled",
                    "must be auto, true or false, got '" + enabled + "'");
            check(!spread.isNegative(), "heed.demo.spread", "must not be negative");
            for (Duration deadline : List.of(complaintDeadline, questionDeadline, complimentDeadline)) {
                check(deadline.compareTo(Duration.ofMinutes(1)) >= 0, "heed.demo.*-deadline", "must be at least 1m");
            }
        }
    }

    /** The inbound webhook {@code POST /hooks/ingest/{source}}. */
    public record Webhook(
            @DefaultValue("65536") int maxBodyBytes,
            @DefaultValue RateLimit rateLimit) {
        public Webhook {
            check(
                    maxBodyBytes >= 1024 && maxBodyBytes <= 1_048_576,
                    "heed.webhook.max-body-bytes",
                    "must be within 1024 .. 1048576, got " + maxBodyBytes);
        }
    }

    /**
     * Per webhook source, at most {@code requests} accepted requests in any {@code per} window (a token bucket that
     * refills continuously); more get 429 with {@code Retry-After}.
     */
    public record RateLimit(
            @DefaultValue("1200") int requests,
            @DefaultValue("1m") Duration per) {
        public RateLimit {
            check(
                    requests >= 1 && requests <= 1_000_000,
                    "heed.webhook.rate-limit.requests",
                    "must be within 1 .. 1000000, got " + requests);
            check(
                    per.compareTo(Duration.ofSeconds(1)) >= 0 && per.compareTo(Duration.ofDays(1)) <= 0,
                    "heed.webhook.rate-limit.per",
                    "must be a duration within 1s .. 1d such as 1m or PT1M, got " + per);
        }
    }

    /** The read-only REST API under {@code /api}; off unless a token is set. */
    public record Api(String token) {
        public Api {
            check(
                    token == null || token.isBlank() || token.strip().length() >= 16,
                    "heed.api.token",
                    "must be empty (API off) or at least 16 characters");
        }

        public boolean enabled() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Api[token=" + (enabled() ? "****" : "none") + "]";
        }
    }

    /** The console chat port, active when no chat platform is configured: cards and nudges go to the log. */
    public record Console(@DefaultValue("care") String channel) {
        public Console {
            check(!channel.isBlank(), "heed.console.channel", "must not be blank");
        }
    }

    /**
     * Storm mode: a source sending one channel more than {@code threshold} new cases within {@code window} gets one
     * storm card there instead of a card per case, until no case found it above the threshold for {@code quietAfter}.
     */
    public record Storms(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") int threshold,
            @DefaultValue("5m") Duration window,
            @DefaultValue("10m") Duration quietAfter) {

        public Storms {
            check(
                    threshold >= 1 && threshold <= 100_000,
                    "heed.storms.threshold",
                    "must be within 1 .. 100000 new cases, got " + threshold);
            check(
                    window.compareTo(Duration.ofSeconds(10)) >= 0 && window.compareTo(Duration.ofDays(1)) <= 0,
                    "heed.storms.window",
                    "must be within 10s .. 1d, e.g. 5m; got " + window);
            check(
                    quietAfter.compareTo(window) >= 0 && quietAfter.compareTo(Duration.ofDays(7)) <= 0,
                    "heed.storms.quiet-after",
                    "must be at least heed.storms.window (" + window + ") and at most 7d, e.g. 10m; got " + quietAfter);
        }

        dev.heed.core.casework.StormSettings settings() {
            return new dev.heed.core.casework.StormSettings(enabled, threshold, window, quietAfter);
        }
    }

    /**
     * How often the time-driven work runs. The sweep runs at least every 15 seconds. {@code deliveryLease}: how long
     * a chat delivery that was started (and never finished, e.g. the process was killed) blocks its case before it
     * is retried, with the adapter told to look for the message first. {@code deliverEvery} is how long a new card
     * can wait before its delivery starts: an idle tick is one indexed query on the outbox, so it runs often.
     */
    public record Scheduling(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10s") Duration sweepEvery,
            @DefaultValue("100ms") Duration deliverEvery,
            @DefaultValue("1s") Duration pollEvery,
            @DefaultValue("45s") Duration deliveryLease) {

        public Scheduling {
            check(
                    sweepEvery.compareTo(Duration.ofSeconds(1)) >= 0
                            && sweepEvery.compareTo(Duration.ofSeconds(15)) <= 0,
                    "heed.scheduling.sweep-every",
                    "must be within 1s .. 15s, so that a nudge is never more than 15 s late; got " + sweepEvery);
            check(
                    deliverEvery.compareTo(Duration.ofMillis(10)) >= 0
                            && deliverEvery.compareTo(Duration.ofSeconds(10)) <= 0,
                    "heed.scheduling.deliver-every",
                    "must be within 10ms .. 10s");
            check(
                    pollEvery.compareTo(Duration.ofMillis(100)) >= 0,
                    "heed.scheduling.poll-every",
                    "must be at least 100ms");
            check(
                    deliveryLease.compareTo(Duration.ofSeconds(5)) >= 0
                            && deliveryLease.compareTo(Duration.ofHours(1)) <= 0,
                    "heed.scheduling.delivery-lease",
                    "must be within 5s .. 1h (longer than one chat call may take); got " + deliveryLease);
        }
    }

    /**
     * This instance among several sharing one PostgreSQL database. {@code id} names it in leases and logs (default:
     * host name and process id); {@code lease} is how long a job it holds (polling a source, Discord's events)
     * stays with it without renewal, which is also how soon another instance takes over when it dies.
     */
    public record Instance(String id, @DefaultValue("30s") Duration lease) {
        public Instance {
            check(
                    id == null || id.matches("[A-Za-z0-9._:-]{1,100}"),
                    "heed.instance.id",
                    "must be 1 to 100 letters, digits or . _ : -, got '" + id + "'");
            check(
                    lease.compareTo(Duration.ofSeconds(5)) >= 0 && lease.compareTo(Duration.ofMinutes(5)) <= 0,
                    "heed.instance.lease",
                    "must be within 5s .. 5m, got " + lease);
        }

        /** The configured id, or this machine's host name and the process id. */
        public String name() {
            if (id != null) {
                return id;
            }
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException unknown) {
                host = "heed";
            }
            return host + "-" + ProcessHandle.current().pid();
        }
    }

    /**
     * How long post texts and author details are kept: cases that arrived more than {@code days} ago and no longer
     * await a response lose them (counts and timings stay). 0 keeps them forever.
     */
    public record Retention(
            @DefaultValue("365") int days,
            @DefaultValue("1h") Duration checkEvery) {
        public Retention {
            check(days >= 0 && days <= 36_500, "heed.retention.days", "must be 0 (keep forever) to 36500, got " + days);
            check(
                    checkEvery.compareTo(Duration.ofMinutes(1)) >= 0,
                    "heed.retention.check-every",
                    "must be at least 1m, got " + checkEvery);
        }
    }
}
