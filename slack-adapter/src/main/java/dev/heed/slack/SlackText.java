package dev.heed.slack;

import java.text.BreakIterator;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text for Slack messages. Untrusted text (a post, an author's name) goes through {@link #escape} before it is put
 * in any field: {@code &}, {@code <} and {@code >} become entities, so the text can never form {@code <!channel>},
 * {@code <!here>}, {@code <@U123>}, {@code <!subteam^S1>} or a link with a forged label. Messages are never sent
 * with {@code link_names}, so a bare {@code @channel} stays plain text. Markdown control characters are left as
 * they are (they can only change emphasis), except at the start of a quoted line.
 */
public final class SlackText {
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|\r|\n");

    private SlackText() {}

    /** Escapes the three characters Slack's message formatting gives a meaning to. */
    public static String escape(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(untrusted.length() + 16);
        for (int i = 0; i < untrusted.length(); i++) {
            char c = untrusted.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Untrusted text on a single line: line breaks become spaces, then escaped; the result is at most {@code max}
     * characters (cut with an ellipsis, never inside an entity).
     */
    public static String inline(String untrusted, int max) {
        String flat = LINE_BREAKS.matcher(untrusted == null ? "" : untrusted).replaceAll(" ");
        return escapeWithin(flat, max);
    }

    /** {@link #escape} of {@code untrusted}, cut so that the escaped text is at most {@code max} characters. */
    public static String escapeWithin(String untrusted, int max) {
        String text = untrusted == null ? "" : untrusted;
        String escaped = escape(text);
        if (escaped.length() <= max) {
            return escaped;
        }
        return escape(cutToEscapedLength(text, max - 1)) + "…";
    }

    /**
     * Untrusted text as a mrkdwn block quote of at most {@code max} characters (after escaping): every line starts
     * with {@code >}, so a line break in the post cannot leave the quote. Returns whether it had to be cut.
     */
    public static Quote quote(String untrusted, int max) {
        String text = untrusted == null ? "" : untrusted.strip();
        // Each line gains "> " and escaping can grow a character to 5: cut the raw text so the result fits.
        String[] lines = LINE_BREAKS.split(text, -1);
        StringBuilder out = new StringBuilder();
        boolean cut = false;
        for (String line : lines) {
            String rendered = "> " + escape(line) + "\n";
            if (out.length() + rendered.length() > max - 2) {
                int room = max - 2 - out.length() - 3;
                if (room > 0) {
                    String part = cutToEscapedLength(line, room);
                    out.append("> ").append(escape(part)).append("…\n");
                }
                cut = true;
                break;
            }
            out.append(rendered);
        }
        return new Quote(out.toString().stripTrailing(), cut);
    }

    /** A quoted post and whether it was shortened. */
    public record Quote(String mrkdwn, boolean cut) {}

    /** At most {@code max} chars, cut at a grapheme boundary with an ellipsis. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int end = it.preceding(Math.max(1, max - 1));
        if (end == BreakIterator.DONE || end <= 0) {
            end = Math.max(0, max - 1);
        }
        return text.substring(0, end) + "…";
    }

    private static String cutToEscapedLength(String raw, int maxEscaped) {
        int length = 0;
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(raw);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            length += escape(raw.substring(start, end)).length();
            if (length > maxEscaped) {
                return raw.substring(0, start);
            }
        }
        return raw;
    }

    /** User-perceived characters, as a person counts them for a network's length limit. */
    public static int graphemes(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text == null ? "" : text);
        int n = 0;
        it.first();
        while (it.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    /**
     * A Slack date token: each reader sees {@code instant} in their own time zone. The fallback (for clients that
     * cannot render tokens) is UTC.
     */
    public static String date(Instant instant) {
        long epoch = instant.getEpochSecond();
        return "<!date^" + epoch + "^{date_short_pretty} {time}|"
                + instant.truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + ">";
    }

    /** A mention of a user ({@code U…}/{@code W…}) or a user group ({@code S…}); anything else is refused. */
    public static String mention(String id) {
        if (id.matches("[UW][A-Z0-9]{2,}")) {
            return "<@" + id + ">";
        }
        if (id.matches("S[A-Z0-9]{2,}")) {
            return "<!subteam^" + id + ">";
        }
        if (id.equals("here") || id.equals("channel")) {
            return "<!" + id + ">";
        }
        throw new IllegalArgumentException("not a Slack user, user group, 'here' or 'channel': " + id);
    }

    /**
     * A link with a label, or just the escaped label when {@code url} is not a plain http(s) URL. The URL's
     * {@code |} and {@code >} are percent-encoded so that an untrusted URL cannot change the label or end the link.
     */
    public static String link(String url, String trustedLabel) {
        if (url == null || !url.matches("(?i)https?://[^\\s]+")) {
            return trustedLabel;
        }
        String safe = url.replace("&", "&amp;")
                .replace("<", "%3C")
                .replace(">", "%3E")
                .replace("|", "%7C");
        return "<" + safe + "|" + trustedLabel + ">";
    }

    /** Whether {@link #mention} accepts {@code id}. */
    public static boolean isMentionable(String id) {
        return id != null && id.matches("[UW][A-Z0-9]{2,}|S[A-Z0-9]{2,}|here|channel");
    }
}
