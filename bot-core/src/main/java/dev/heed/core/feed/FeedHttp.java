package dev.heed.core.feed;

import dev.heed.core.feed.SourceException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP for the connectors, with the engine's rules built in: a per-host rate limiter fed by the API's own headers
 * ({@code X-RateLimit-Remaining/Reset}, {@code RateLimit-*}, {@code Retry-After}), a body size cap, timeouts, and
 * every failure turned into a {@link SourceException} with a reason. It never waits: a host that asked for a pause
 * makes the next request fail at once as {@link SourceException#deferred() deferred}, and the engine polls again
 * when the pause is over.
 */
public final class FeedHttp {
    /** Largest response body read by default: 5 MB. */
    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int SPREAD_BELOW = 5;

    private final HttpClient client;
    private final Clock clock;
    private final int maxBytes;
    private final Duration timeout;
    private final String userAgent;
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    public FeedHttp(HttpClient client, Clock clock, int maxBytes, Duration timeout, String userAgent) {
        this.client = client;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** A client with a 10 s connect timeout that follows redirects (but never from https to http). */
    public static FeedHttp create(Clock clock, String userAgent) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new FeedHttp(client, clock, DEFAULT_MAX_BYTES, Duration.ofSeconds(30), userAgent);
    }

    /** An answer whose status was 2xx or 304. */
    public record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public boolean notModified() {
            return status == 304;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** GET {@code uri}; 2xx and 304 come back, everything else is a {@link SourceException}. */
    public Response get(URI uri, Map<String, String> headers) throws SourceException {
        return checked(exchange(request(uri, headers).GET()));
    }

    /** POST a JSON body; 2xx comes back, everything else is a {@link SourceException}. */
    public Response postJson(URI uri, Map<String, String> headers, String json) throws SourceException {
        return checked(exchange(request(uri, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))));
    }

    /**
     * Sends a request and returns the answer whatever its status (the rate-limit headers are read, the size cap
     * holds), for connectors that look at error bodies themselves, e.g. to tell an expired token.
     */
    public Response exchange(HttpRequest.Builder builder) throws SourceException {
        HttpRequest request = builder.build();
        String host = host(request.uri());
        ensureAllowed(host);
        HttpResponse<InputStream> answer = send(request, HttpResponse.BodyHandlers.ofInputStream());
        observe(host, answer.statusCode(), answer.headers());
        return new Response(request.uri(), answer.statusCode(), answer.headers(), capped(answer));
    }

    /** Opens a long-lived response (a server-sent event stream); the caller reads and closes its body. */
    public HttpResponse<InputStream> openStream(URI uri, Map<String, String> headers) throws SourceException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).setHeader("User-Agent", userAgent);
        headers.forEach(builder::setHeader);
        HttpRequest request =
                builder.header("Accept", "text/event-stream").GET().build();
        String host = host(request.uri());
        ensureAllowed(host);
        HttpResponse<InputStream> answer = send(request, HttpResponse.BodyHandlers.ofInputStream());
        observe(host, answer.statusCode(), answer.headers());
        if (answer.statusCode() / 100 != 2) {
            byte[] body = capped(answer);
            checked(new Response(uri, answer.statusCode(), answer.headers(), body));
        }
        return answer;
    }

    /** A request with the timeout, the User-Agent and {@code headers}. */
    public HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(timeout).setHeader("User-Agent", userAgent);
        headers.forEach(builder::setHeader);
        return builder;
    }

    /** Until when {@code host} asked not to be called, if it did and that time is still ahead. */
    public Optional<Instant> blockedUntil(String host) {
        Instant until = blockedUntil.get(host.toLowerCase(Locale.ROOT));
        return until != null && until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** Maps a non-2xx/304 answer to a failure; returns the answer otherwise. */
    public Response checked(Response response) throws SourceException {
        int status = response.status();
        if (status / 100 == 2 || status == 304) {
            return response;
        }
        Instant retryAt = retryAfter(response.headers()).orElse(null);
        String detail = "HTTP " + status + snippet(response.body());
        Instant blocked = blockedUntil(host(response.uri())).orElse(null);
        if (blocked != null && (retryAt == null || blocked.isAfter(retryAt))) {
            retryAt = blocked;
        }
        if (status == 429) {
            Instant at = retryAt != null ? retryAt : clock.instant().plus(DEFAULT_RETRY_AFTER);
            return fail(new SourceException(Reason.RATE_LIMITED, detail, at, false, null));
        }
        if (status >= 500) {
            return fail(new SourceException(Reason.SERVER_ERROR, detail, retryAt, false, null));
        }
        if (status == 401 || status == 403) {
            return fail(new SourceException(Reason.AUTH, detail));
        }
        return fail(new SourceException(Reason.CLIENT_ERROR, detail));
    }

    private static Response fail(SourceException e) throws SourceException {
        throw e;
    }

    private void ensureAllowed(String host) throws SourceException {
        Optional<Instant> until = blockedUntil(host);
        if (until.isPresent()) {
            throw SourceException.deferredUntil(host, until.get());
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws SourceException {
        try {
            return client.send(request, handler);
        } catch (HttpTimeoutException slow) {
            throw new SourceException(
                    Reason.TIMEOUT, "no answer from " + request.uri().getHost() + " in time", slow);
        } catch (IOException failed) {
            throw new SourceException(Reason.NETWORK, request.uri().getHost() + ": " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SourceException(Reason.NETWORK, "interrupted", interrupted);
        }
    }

    private byte[] capped(HttpResponse<InputStream> answer) throws SourceException {
        long declared = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = answer.body()) {
            if (declared > maxBytes) {
                throw tooLarge(answer.uri());
            }
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(answer.uri());
            }
            return body;
        } catch (HttpTimeoutException slow) {
            throw new SourceException(
                    Reason.TIMEOUT, "the answer of " + answer.uri().getHost() + " stalled", slow);
        } catch (IOException failed) {
            throw new SourceException(Reason.NETWORK, answer.uri().getHost() + ": " + failed, failed);
        }
    }

    private SourceException tooLarge(URI uri) {
        return new SourceException(
                Reason.TOO_LARGE, "the answer of " + uri.getHost() + " is larger than " + maxBytes + " bytes");
    }

    /** Reads the rate-limit headers of any answer and pauses the host when it is (nearly) out of requests. */
    private void observe(String host, int status, HttpHeaders headers) {
        Instant now = clock.instant();
        Instant until = null;
        Optional<Instant> retry = retryAfter(headers);
        if (retry.isPresent() && (status == 429 || status == 503)) {
            until = retry.get();
        } else if (status == 429) {
            until = now.plus(DEFAULT_RETRY_AFTER);
        }
        Optional<Long> remaining = number(headers, "X-RateLimit-Remaining", "RateLimit-Remaining");
        Optional<Instant> reset = reset(headers, now);
        if (remaining.isPresent() && reset.isPresent() && reset.get().isAfter(now)) {
            long left = remaining.get();
            Instant pace = null;
            if (left <= 0) {
                pace = reset.get();
            } else if (left < SPREAD_BELOW) {
                // Nearly out: spread what is left evenly over the time to the reset.
                pace = now.plus(Duration.between(now, reset.get()).dividedBy(left + 1));
            }
            if (pace != null && (until == null || pace.isAfter(until))) {
                until = pace;
            }
        }
        if (until != null && until.isAfter(now)) {
            blockedUntil.merge(host, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private static Optional<Long> number(HttpHeaders headers, String... names) {
        for (String name : names) {
            Optional<String> value = headers.firstValue(name);
            if (value.isPresent()) {
                try {
                    return Optional.of((long) Double.parseDouble(value.get().trim()));
                } catch (NumberFormatException ignored) {
                    // not a number: treat as absent
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The reset time: an ISO-8601 instant (Mastodon), epoch seconds (X, Bluesky) or seconds from now (Reddit,
     * IETF RateLimit-Reset).
     */
    private static Optional<Instant> reset(HttpHeaders headers, Instant now) {
        Optional<String> value =
                headers.firstValue("X-RateLimit-Reset").or(() -> headers.firstValue("RateLimit-Reset"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().trim();
        try {
            double number = Double.parseDouble(text);
            return Optional.of(
                    number > 1_000_000_000
                            ? Instant.ofEpochSecond((long) number)
                            : now.plusSeconds((long) Math.ceil(number)));
        } catch (NumberFormatException notNumber) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    private Optional<Instant> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().trim();
        try {
            return Optional.of(clock.instant().plusSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String host(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** The key under which {@link #blockedUntil} knows a URL's host. */
    public static String hostKey(URI uri) {
        return host(uri);
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        return text.isEmpty() ? "" : " " + text;
    }
}
