package dev.heed.core.feed.connector;

import dev.heed.core.feed.SourceException;
import dev.heed.core.feed.SourceException.Reason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jackson for the JSON APIs: parse failures (including invalid UTF-8) become {@code MALFORMED} source errors. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(200)
                            .maxStringLength(1_000_000)
                            .build())
                    .build())
            .build();

    private Json() {}

    static JsonNode parse(byte[] body, String what) throws SourceException {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new SourceException(Reason.MALFORMED, what + " answered an empty body");
            }
            return node;
        } catch (JacksonException malformed) {
            throw new SourceException(
                    Reason.MALFORMED, what + " answered malformed JSON: " + malformed.getOriginalMessage(), malformed);
        }
    }

    /**
     * The text of a node, or null when it is missing, null, or an object or array where a value belongs (a payload
     * of the wrong shape then reads as a missing field, with a clear message where the field is required).
     */
    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isContainer() ? null : node.asString();
    }

    static String text(JsonNode node, String field) {
        return text(node.path(field));
    }

    static Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? Long.valueOf(value.asLong()) : null;
    }

    /** An ISO-8601 date-time field as an instant, or null when missing or unreadable. */
    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                return null;
            }
        }
    }

    /** A required field; its absence means the payload is not the documented shape. */
    static String required(JsonNode node, String field, String what) throws SourceException {
        String text = text(node, field);
        if (text == null || text.isBlank()) {
            throw new SourceException(Reason.MALFORMED, what + " lacks '" + field + "'");
        }
        return text;
    }
}
