package dev.heed.app.slack;

import com.slack.api.bolt.response.Response;
import dev.heed.slack.SlackHttp;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP mode: {@code POST /slack/events} takes events, slash commands and interactivity. The body is read as the
 * exact bytes Slack sent (never through request parameters, which Spring would re-encode and so break the
 * signature); Bolt checks the signature and answers 401 to a wrong or stale one.
 */
@RestController
@Conditional(SlackEnabled.HttpMode.class)
class SlackEventsController {
    private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);
    private static final int MAX_BODY = 1024 * 1024;

    private final SlackHttp slack;

    SlackEventsController(SlackHttp slack) {
        this.slack = slack;
    }

    @PostMapping("/slack/events")
    ResponseEntity<String> events(HttpServletRequest request) throws IOException {
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            return ResponseEntity.status(413).body("Too large");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        Response answer;
        try {
            answer = slack.handle(new String(raw, StandardCharsets.UTF_8), headers, Map.of(), request.getRemoteAddr());
        } catch (Exception e) {
            log.warn("A Slack request failed: {}", e.toString(), e);
            return ResponseEntity.status(500).body("");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.getStatusCode());
        if (answer.getContentType() != null) {
            response.header(HttpHeaders.CONTENT_TYPE, answer.getContentType());
        }
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.header(name, v)));
        }
        return response.body(answer.getBody() == null ? "" : answer.getBody());
    }
}
