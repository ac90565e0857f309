package dev.heed.discord;

import java.util.Optional;

/**
 * The custom ids of Heed's buttons, menus and modals: {@code heed:<action>:<case>[:<index>]}. Everything a click
 * needs is in the id (well under Discord's 100 characters), so cards keep working across restarts.
 *
 * @param action what to do, e.g. {@code claim}
 * @param caseId the case
 * @param index a suggestion index for {@code reply}, else -1
 */
public record CustomId(String action, long caseId, int index) {
    static final String PREFIX = "heed:";

    public static String of(String action, long caseId) {
        return PREFIX + action + ":" + caseId;
    }

    public static String of(String action, long caseId, int index) {
        return PREFIX + action + ":" + caseId + ":" + index;
    }

    /** Parses a custom id; empty for one that is not Heed's or is malformed. */
    public static Optional<CustomId> parse(String customId) {
        if (customId == null || !customId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = customId.substring(PREFIX.length()).split(":");
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(parts[1]);
            int index = parts.length == 3 ? Integer.parseInt(parts[2]) : -1;
            return Optional.of(new CustomId(parts[0], id, index));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
