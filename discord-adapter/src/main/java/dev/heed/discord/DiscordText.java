package dev.heed.discord;

/**
 * Makes untrusted text (post text, author names) safe to show on Discord: markdown and mention syntax are
 * backslash-escaped, {@code @everyone} and {@code @here} are broken with a zero-width space, and text is cut to a
 * length limit without breaking an escape. Together with restricted allowed mentions on every message, a post can
 * neither ping anyone nor change the card's formatting.
 */
public final class DiscordText {
    private static final String SPECIAL = "\\*_~`|>#-[]()<";
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private DiscordText() {}

    /** Escapes {@code raw} for Discord markdown (message content, embed descriptions and field values). */
    public static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '@') {
                out.append("\\@").append(ZERO_WIDTH_SPACE);
            } else if (c == '\r') {
                // keep line breaks simple
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes {@code raw} and cuts it (adding an ellipsis) so that the result has at most {@code limit} chars. */
    public static String fit(String raw, int limit) {
        String escaped = escape(raw);
        if (escaped.length() <= limit) {
            return escaped;
        }
        int low = 0;
        int high = raw.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (escape(cut(raw, mid)).length() + 1 <= limit) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return escape(cut(raw, low)) + "…";
    }

    /** Plain text (embed titles, author names, button labels: no markdown there) cut to {@code limit}. */
    public static String plain(String raw, int limit) {
        String text = raw == null ? "" : raw.replace('\n', ' ').strip();
        if (text.length() <= limit) {
            return text;
        }
        return cut(text, limit - 1) + "…";
    }

    private static String cut(String text, int length) {
        int end = Math.min(length, text.length());
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
