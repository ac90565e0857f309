package dev.heed.app.web;

import dev.heed.app.HeedProperties;
import dev.heed.app.HeedProperties.SourceProperties;
import dev.heed.app.HeedProperties.SourceType;
import dev.heed.core.casework.IngestResult;
import dev.heed.core.casework.IngestService;
import dev.heed.core.model.Author;
import dev.heed.core.model.Kind;
import dev.heed.core.model.Post;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound webhook source: {@code POST /hooks/ingest/{source}} with a JSON object or a form body of flat keys
 * ({@code id, url, text, created_at, author_handle, author_name, author_followers, in_reply_to, kind}), the
 * source's bearer token, and a capped body. Answers 202 with the case id; the same post sent twice makes one case.
 */
@RestController
class WebhookController {
    private static final int MAX_FIELD = 2_000;
    /** The keys Heed reads; any other key in a body is ignored. */
    static final Set<String> FIELDS = Set.of(
            "id",
            "text",
            "author_handle",
            "author_name",
            "author_followers",
            "author_url",
            "url",
            "created_at",
            "in_reply_to",
            "conversation_id",
            "lang",
            "kind");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final HeedProperties properties;
    private final IngestService ingest;
    private final Clock clock;
    private final WebhookRateLimiter limiter;

    WebhookController(HeedProperties properties, IngestService ingest, Clock clock, WebhookRateLimiter limiter) {
        this.properties = properties;
        this.ingest = ingest;
        this.clock = clock;
        this.limiter = limiter;
    }

    @PostMapping("/hooks/ingest/{sourceKey}")
    ResponseEntity<Map<String, Object>> ingest(@PathVariable String sourceKey, HttpServletRequest request)
            throws IOException {
        SourceProperties source = properties.sources().stream()
                .filter(s -> s.type() == SourceType.WEBHOOK && s.id().equals(sourceKey))
                .findFirst()
                .orElseThrow(() -> new BadRequest(
                        HttpStatus.NOT_FOUND,
                        "unknown_source",
                        "No webhook source '" + sourceKey + "' is configured.",
                        null));
        if (!Tokens.bearerMatches(request.getHeader(HttpHeaders.AUTHORIZATION), source.token())) {
            throw new BadRequest(
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Send the source's token as 'Authorization: Bearer <token>'.",
                    null);
        }
        Optional<Duration> wait = limiter.acquire(source.id());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            HeedProperties.RateLimit limit = properties.webhook().rateLimit();
            throw new BadRequest(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate_limited",
                    "Source '" + source.id() + "' sent more than " + limit.requests() + " requests per " + limit.per()
                            + " (heed.webhook.rate-limit); retry in " + seconds + " s.",
                    null,
                    seconds);
        }
        byte[] body = readCapped(request, properties.webhook().maxBodyBytes());
        Map<String, String> fields = parse(request.getContentType(), body);
        Post post = toPost(source, fields, request.getHeader("webhook-id"));
        Kind declared = kind(fields.get("kind"));
        IngestResult result = ingest.ingest(post, declared);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("caseId", result.caseId());
        answer.put("status", result.status().name().toLowerCase(Locale.ROOT));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    private static byte[] readCapped(HttpServletRequest request, int cap) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            throw tooLarge(cap);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(cap + 1);
            if (body.length > cap) {
                throw tooLarge(cap);
            }
            return body;
        }
    }

    private static BadRequest tooLarge(int cap) {
        return new BadRequest(
                HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "The body is larger than " + cap + " bytes.", null);
    }

    private static Map<String, String> parse(String contentType, byte[] body) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (RuntimeException malformed) {
            type = null;
        }
        if (type != null
                && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.getSubtype().endsWith("+json"))) {
            return parseJson(body);
        }
        if (type != null && type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return parseForm(body);
        }
        throw new BadRequest(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Send application/json or application/x-www-form-urlencoded (got " + contentType + ").",
                null);
    }

    private static Map<String, String> parseJson(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException malformed) {
            throw new BadRequest(
                    HttpStatus.BAD_REQUEST,
                    "malformed_json",
                    "The body is not valid JSON: " + firstLine(malformed),
                    null);
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest(HttpStatus.BAD_REQUEST, "malformed_json", "The body must be one JSON object.", null);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull() || !FIELDS.contains(entry.getKey())) {
                continue; // unknown keys are ignored, whatever their type
            }
            if (!value.isValueNode()) {
                throw BadRequest.field(entry.getKey(), "must be a string or a number, not an object or an array");
            }
            fields.put(entry.getKey(), value.asString());
        }
        return fields;
    }

    private static Map<String, String> parseForm(byte[] body) {
        String text = utf8(body, "the form body");
        Map<String, String> fields = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (FIELDS.contains(key) && fields.putIfAbsent(key, value) != null) {
                throw BadRequest.field(key, "appears twice in the form");
            }
        }
        return fields;
    }

    private static String decode(String part) {
        try {
            byte[] raw = java.net.URLDecoder.decode(part, StandardCharsets.ISO_8859_1)
                    .getBytes(StandardCharsets.ISO_8859_1);
            return utf8(raw, "a form field");
        } catch (IllegalArgumentException malformed) {
            throw new BadRequest(
                    HttpStatus.BAD_REQUEST,
                    "malformed_form",
                    "Bad percent-encoding in the form body: " + malformed.getMessage(),
                    null);
        }
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException invalid) {
            throw new BadRequest(HttpStatus.BAD_REQUEST, "invalid_utf8", what + " is not valid UTF-8.", null);
        }
    }

    private Post toPost(SourceProperties source, Map<String, String> fields, String webhookId) {
        String text = required(fields, "text", IngestService.MAX_TEXT);
        String handle = required(fields, "author_handle", 300);
        String url = optional(fields, "url", MAX_FIELD);
        if (url != null) {
            checkUrl(url);
        }
        String id = optional(fields, "id", 300);
        if (id == null && webhookId != null && !webhookId.isBlank()) {
            id = webhookId.strip().length() > 300 ? null : "wh-" + webhookId.strip();
        }
        if (id == null) {
            id = "h-" + sha256((url == null ? "" : url) + "\n" + text);
        }
        Long followers = null;
        String followersText = optional(fields, "author_followers", 30);
        if (followersText != null) {
            try {
                followers = Long.parseLong(followersText.strip());
            } catch (NumberFormatException notANumber) {
                throw BadRequest.field("author_followers", "must be a whole number, got '" + followersText + "'");
            }
            if (followers < 0) {
                throw BadRequest.field("author_followers", "must not be negative");
            }
        }
        Instant createdAt = Optional.ofNullable(optional(fields, "created_at", 60))
                .map(WebhookController::instant)
                .orElseGet(clock::instant);
        String inReplyTo = optional(fields, "in_reply_to", 500);
        String language = optional(fields, "lang", 16);
        return new Post(
                source.id(),
                id,
                source.network(),
                new Author(
                        handle,
                        optional(fields, "author_name", 300),
                        followers,
                        optional(fields, "author_url", MAX_FIELD)),
                text,
                language,
                createdAt,
                url,
                optional(fields, "conversation_id", 500) != null
                        ? fields.get("conversation_id").strip()
                        : inReplyTo,
                inReplyTo);
    }

    private static String required(Map<String, String> fields, String name, int max) {
        String value = optional(fields, name, max);
        if (value == null) {
            throw BadRequest.field(name, "is required");
        }
        return value;
    }

    private static String optional(Map<String, String> fields, String name, int max) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw BadRequest.field(name, "is longer than " + max + " characters");
        }
        return value.strip();
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw BadRequest.field("url", "must be an absolute http(s) URL");
            }
        } catch (URISyntaxException malformed) {
            throw BadRequest.field("url", "is not a valid URL: " + malformed.getReason());
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(text));
            } catch (NumberFormatException notEpoch) {
                throw BadRequest.field(
                        "created_at",
                        "must be an ISO-8601 time such as 2026-11-23T09:15:00Z or epoch seconds, got '" + text + "'");
            }
        }
    }

    private static Kind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Kind kind = Kind.parseOrNull(text);
        if (kind == null) {
            throw BadRequest.field("kind", "must be one of complaint, question, compliment, other; got '" + text + "'");
        }
        return kind;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String firstLine(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
