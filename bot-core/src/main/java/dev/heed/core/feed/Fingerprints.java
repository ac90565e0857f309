package dev.heed.core.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Keys that recognise the same post seen twice under different ids: its link without tracking parameters, and its
 * text when it is long enough to be distinctive.
 */
final class Fingerprints {
    /** Shorter texts ("Thanks!") are too common to prove two posts are the same. */
    static final int MIN_TEXT = 40;

    private Fingerprints() {}

    /** A key for {@code link}, or null when there is none. */
    static String link(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.strip());
            if (uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            StringJoiner query = new StringJoiner("&");
            if (uri.getRawQuery() != null) {
                for (String part : uri.getRawQuery().split("&")) {
                    String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (!name.startsWith("utm_") && !name.equals("ref") && !name.equals("fbclid")) {
                        query.add(part);
                    }
                }
            }
            String key = host + path + (query.length() == 0 ? "" : "?" + query);
            return "u:" + sha(key);
        } catch (URISyntaxException malformed) {
            return null;
        }
    }

    /** A key for {@code text}, or null when it is too short to be distinctive. */
    static String text(String text) {
        if (text == null) {
            return null;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("https?://\\S+", " ")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return plain.length() < MIN_TEXT ? null : "t:" + sha(plain);
    }

    /**
     * A native id that fits the 300-character columns: as it is, or, when an API sends a longer one, a stable hash of
     * it (the same long id always maps to the same short one, so repeats are still recognised).
     */
    static String nativeId(String id) {
        return id.length() <= 300 ? id : "sha:" + sha(id);
    }

    private static String sha(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
