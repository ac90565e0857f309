package dev.heed.core.classification;

import java.util.Objects;

/**
 * What replies may say about the brand.
 *
 * @param name the business's name, e.g. {@code Corner Café}
 * @param signOff appended to replies, e.g. {@code – Sam}; may be empty
 * @param supportContact the easy private channel offered to complainers: a DM hint, an email or a link; may be empty
 * @param reviewLink where happy customers can leave a review; empty when the brand does not ask for reviews
 */
public record BrandSettings(String name, String signOff, String supportContact, String reviewLink) {
    public BrandSettings {
        Objects.requireNonNull(name, "name");
        signOff = signOff == null ? "" : signOff;
        supportContact = supportContact == null ? "" : supportContact;
        reviewLink = reviewLink == null ? "" : reviewLink;
    }
}
