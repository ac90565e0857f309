package dev.heed.core.model;

/** What a post asks of the team. The order is the precedence used when a post is several things at once. */
public enum Kind {
    COMPLAINT,
    QUESTION,
    COMPLIMENT,
    OTHER;

    /** Parses a kind case-insensitively ({@code complaint}, {@code Complaint}); null for an unknown word. */
    public static Kind parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        for (Kind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        return null;
    }

    /** Capitalised for headings: {@code Complaint}. */
    public String label() {
        return name().charAt(0) + word().substring(1);
    }

    /** Lower case for sentences: {@code complaint}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
