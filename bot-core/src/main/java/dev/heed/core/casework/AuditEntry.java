package dev.heed.core.casework;

import java.time.Instant;

/**
 * One line of a case's audit trail.
 *
 * @param at when it happened
 * @param actor who did it: a member as {@code platform:id (name)}, or {@code heed} for the bot itself
 * @param action what happened, e.g. {@code CLAIMED}, {@code NUDGE_QUEUED}
 * @param detail more words, or null
 */
public record AuditEntry(Instant at, String actor, String action, String detail) {}
