package dev.heed.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * HTTP mode without a servlet adapter: hands one request's raw body and headers to Bolt, which checks the signature
 * (401 when it is wrong or older than five minutes) and runs the listeners. The body must be exactly the bytes Slack
 * sent; a web framework that re-encodes form parameters breaks the signature. The signature is first compared here in
 * constant time ({@link MessageDigest#isEqual}), because Bolt's own check compares with {@code String.equals}; Bolt
 * then checks it again together with the timestamp.
 */
public final class SlackHttp {
    private final App app;
    private final SlackRequestParser parser;

    public SlackHttp(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    public Response handle(
            String rawBody, Map<String, List<String>> headers, Map<String, List<String>> query, String remoteAddress)
            throws Exception {
        RequestHeaders requestHeaders = new RequestHeaders(headers);
        if (!signatureMatches(requestHeaders, rawBody)) {
            return Response.builder()
                    .statusCode(401)
                    .contentType("application/json")
                    .body("{\"error\":\"invalid request\"}")
                    .build();
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .queryString(query)
                    .headers(requestHeaders)
                    .requestBody(rawBody)
                    .remoteAddress(remoteAddress)
                    .build());
        } catch (RuntimeException malformed) {
            // Bolt builds the request (and may trip over a malformed payload) before it checks the signature.
            request = null;
        }
        if (request == null) {
            return Response.builder()
                    .statusCode(400)
                    .contentType("text/plain")
                    .body("Not a Slack request")
                    .build();
        }
        return app.run(request);
    }

    private boolean signatureMatches(RequestHeaders headers, String rawBody) {
        String secret = app.config().getSigningSecret();
        if (secret == null || secret.isBlank()) {
            return true; // Socket Mode: no signed HTTP requests; Bolt refuses them itself
        }
        String timestamp = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String given = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || given == null) {
            return false;
        }
        String expected = new SlackSignature.Generator(secret).generate(timestamp, rawBody == null ? "" : rawBody);
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
