package dev.heed.core.model;

import java.util.Objects;

/**
 * A chat channel on one platform, e.g. {@code slack:C0123} or {@code discord:9876}.
 *
 * @param platform the chat platform's name as its port reports it ({@code slack}, {@code discord}, {@code console})
 * @param id the platform's own channel id
 */
public record ChannelRef(String platform, String id) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        if (platform.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("channel platform and id must not be blank");
        }
        if (platform.contains(":")) {
            throw new IllegalArgumentException("platform must not contain ':': " + platform);
        }
    }

    /** Parses {@code platform:id}, e.g. {@code slack:C0123}. */
    public static ChannelRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(
                    "expected a channel as platform:id (e.g. slack:C0123), got '" + text + "'");
        }
        return new ChannelRef(
                text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return platform + ":" + id;
    }
}
