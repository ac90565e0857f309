package dev.heed.core.model;

/**
 * The public network a post was written on, with the length limit a reply there must respect (see
 * social-care.md: X 280 characters, Bluesky 300 graphemes, Mastodon 500 characters, Google Play 350).
 */
public enum Network {
    X(280),
    BLUESKY(300),
    MASTODON(500),
    GOOGLE_PLAY(350),
    REDDIT(10_000),
    REVIEW_SITE(1_000),
    OTHER(280);

    private final int replyLimit;

    Network(int replyLimit) {
        this.replyLimit = replyLimit;
    }

    /** Longest reply, in user-perceived characters (grapheme clusters), this network accepts. */
    public int replyLimit() {
        return replyLimit;
    }
}
