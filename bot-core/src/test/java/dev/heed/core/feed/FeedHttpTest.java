package dev.heed.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.core.feed.FakeApi.Answer;
import dev.heed.core.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedHttpTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
    private final FakeApi api = new FakeApi();
    private final FeedHttp http =
            new FeedHttp(HttpClient.newHttpClient(), clock, 4096, Duration.ofSeconds(5), "Heed-test");
    private final String host = FeedHttp.hostKey(URI.create(api.url()));

    @AfterEach
    void close() {
        api.close();
    }

    private SourceException failure(String path) {
        try {
            http.get(api.uri(path), Map.of());
        } catch (SourceException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        Instant at = clock.instant().plusSeconds(120);
        api.on(
                "/x",
                Answer.status(429)
                        .with("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))));

        SourceException e = failure("/x");

        assertThat(e.reason()).isEqualTo(SourceException.Reason.RATE_LIMITED);
        assertThat(e.retryAt()).isEqualTo(at);
        assertThat(http.blockedUntil(host)).contains(at);
        SourceException next = failure("/x");
        assertThat(next.deferred()).isTrue();
        assertThat(api.requests("/x")).hasSize(1);
    }

    @Test
    void resetAsEpochSecondsOrAsSecondsFromNowBothWork() throws SourceException {
        api.on(
                "/epoch",
                Answer.json("[]")
                        .with("X-RateLimit-Remaining", "0")
                        .with(
                                "X-RateLimit-Reset",
                                Long.toString(clock.instant().plusSeconds(300).getEpochSecond())));
        http.get(api.uri("/epoch"), Map.of());
        assertThat(http.blockedUntil(host)).contains(clock.instant().plusSeconds(300));

        clock.advance(Duration.ofSeconds(301));
        api.on("/delta", Answer.json("[]").with("X-Ratelimit-Remaining", "0").with("X-Ratelimit-Reset", "42"));
        http.get(api.uri("/delta"), Map.of());
        assertThat(http.blockedUntil(host)).contains(clock.instant().plusSeconds(42));
    }

    @Test
    void nearlyOutOfRequestsSpreadsTheRestUntilTheReset() throws SourceException {
        api.on(
                "/x",
                Answer.json("[]")
                        .with("X-RateLimit-Remaining", "3")
                        .with(
                                "X-RateLimit-Reset",
                                clock.instant().plusSeconds(400).toString()));

        http.get(api.uri("/x"), Map.of());

        assertThat(http.blockedUntil(host)).contains(clock.instant().plusSeconds(100));
    }

    @Test
    void plentyLeftMeansNoPause() throws SourceException {
        api.on(
                "/x",
                Answer.json("[]")
                        .with("X-RateLimit-Remaining", "299")
                        .with(
                                "X-RateLimit-Reset",
                                clock.instant().plusSeconds(300).toString()));

        http.get(api.uri("/x"), Map.of());

        assertThat(http.blockedUntil(host)).isEmpty();
    }

    @Test
    void aBodyOverTheCapFailsWhateverTheContentLengthSays() {
        api.on("/big", Answer.json("[" + "1,".repeat(3000) + "1]"));

        assertThatThrownBy(() -> http.get(api.uri("/big"), Map.of()))
                .isInstanceOf(SourceException.class)
                .hasMessage("too large: the answer of 127.0.0.1 is larger than 4096 bytes");
    }

    @Test
    void aClosedPortIsANetworkFailure() {
        URI nowhere = api.uri("/x");
        api.close();

        assertThatThrownBy(() -> http.get(nowhere, Map.of()))
                .isInstanceOfSatisfying(
                        SourceException.class,
                        e -> assertThat(e.reason())
                                .isIn(SourceException.Reason.NETWORK, SourceException.Reason.TIMEOUT));
    }
}
