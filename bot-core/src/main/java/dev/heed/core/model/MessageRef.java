package dev.heed.core.model;

import java.util.Objects;

/**
 * A message a chat port posted, e.g. a case card (Slack: the message {@code ts}; Discord: the message id).
 *
 * @param channel where it is
 * @param id the platform's message id
 */
public record MessageRef(ChannelRef channel, String id) {
    public MessageRef {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("message id must not be blank");
        }
    }
}
