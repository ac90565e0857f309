package dev.heed.core.model;

import java.util.Objects;

/**
 * A team member as a chat platform knows them.
 *
 * @param platform the chat platform ({@code slack}, {@code discord}, {@code console}, {@code api})
 * @param id the platform's user id, e.g. {@code U0123}
 * @param displayName the name to show; falls back to the id
 */
public record MemberRef(String platform, String id, String displayName) {
    public MemberRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        if (platform.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("member platform and id must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
    }

    /** Same person, whatever name was shown when they acted. */
    public boolean sameMember(MemberRef other) {
        return other != null && platform.equals(other.platform) && id.equals(other.id);
    }
}
