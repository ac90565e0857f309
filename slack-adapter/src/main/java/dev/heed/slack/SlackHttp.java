package dev.heed.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;

/**
 * HTTP mode without a servlet adapter: hands one request's raw body and headers to Bolt, which checks the signature
 * (401 when it is wrong or older than five minutes) and runs the listeners. The body must be exactly the bytes Slack
 * sent; a web framework that re-encodes form parameters breaks the signature.
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
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .queryString(query)
                    .headers(new RequestHeaders(headers))
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
}
