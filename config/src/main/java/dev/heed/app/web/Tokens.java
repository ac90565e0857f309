package dev.heed.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Bearer-token checks that take the same time whatever the token's content. */
final class Tokens {
    private Tokens() {}

    /** True when {@code authorization} is {@code Bearer <expected>}, compared in constant time. */
    static boolean bearerMatches(String authorization, String expected) {
        if (authorization == null || expected == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected.strip().getBytes(StandardCharsets.UTF_8));
    }
}
