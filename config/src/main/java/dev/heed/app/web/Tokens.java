package dev.heed.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Bearer-token checks that take the same time whatever the token's content and length. */
final class Tokens {
    private Tokens() {}

    /**
     * True when {@code authorization} is {@code Bearer <expected>}. Both sides are hashed first (SHA-256) and the
     * digests compared with {@link MessageDigest#isEqual}, so neither a wrong byte nor a wrong length answers sooner.
     */
    static boolean bearerMatches(String authorization, String expected) {
        if (authorization == null || expected == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = sha256(authorization.substring(7).strip());
        return MessageDigest.isEqual(given, sha256(expected.strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
