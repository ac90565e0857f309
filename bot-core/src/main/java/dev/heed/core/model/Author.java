package dev.heed.core.model;

import java.util.Objects;

/**
 * Who wrote a post.
 *
 * @param handle the network handle, e.g. {@code @ana@example.social}; never blank
 * @param displayName the name shown on the profile, or null when unknown
 * @param followers follower count when the source reports it, else null
 * @param profileUrl link to the profile, or null
 */
public record Author(String handle, String displayName, Long followers, String profileUrl) {
    public Author {
        Objects.requireNonNull(handle, "handle");
        if (handle.isBlank()) {
            throw new IllegalArgumentException("author handle must not be blank");
        }
        if (followers != null && followers < 0) {
            throw new IllegalArgumentException("followers must not be negative: " + followers);
        }
    }

    public static Author of(String handle) {
        return new Author(handle, null, null, null);
    }

    /** The display name when known, else the handle: what a reply should call the person. */
    public String nameOrHandle() {
        return displayName == null || displayName.isBlank() ? handle : displayName;
    }
}
