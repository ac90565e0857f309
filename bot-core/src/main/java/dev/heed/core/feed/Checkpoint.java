package dev.heed.core.feed;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a source resumes: a few named values the connector chooses (a {@code min_id}, a cursor, an ETag, a date
 * watermark, recently seen ids). Immutable; {@link #with} makes a changed copy. Stored as one text column.
 */
public final class Checkpoint {
    public static final Checkpoint EMPTY = new Checkpoint(Map.of());

    private final Map<String, String> values;

    private Checkpoint(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Checkpoint of(Map<String, String> values) {
        return new Checkpoint(values);
    }

    public String get(String key) {
        return values.get(key);
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public Map<String, String> values() {
        return values;
    }

    /** A copy with {@code key} set to {@code value}; a null value removes the key. */
    public Checkpoint with(String key, String value) {
        Map<String, String> changed = new TreeMap<>(values);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return new Checkpoint(changed);
    }

    /** The stored form: {@code key=value&key=value}, URL-encoded. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    public static Checkpoint decode(String text) {
        Map<String, String> values = new TreeMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new Checkpoint(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "Checkpoint" + values;
    }
}
