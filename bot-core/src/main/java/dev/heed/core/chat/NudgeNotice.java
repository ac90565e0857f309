package dev.heed.core.chat;

import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.sla.NudgeLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A nudge to post in a card's thread. Adapters add the mentions their platform uses.
 *
 * @param caseId the case
 * @param kind the case's kind (for the wording)
 * @param level how loud: a quiet reminder, a warning that mentions someone, a breach notice, a repeat
 * @param dueAt the deadline
 * @param remaining time left until the deadline at the moment of rendering; negative when overdue
 * @param owner mention this member; null means nobody owns the case, so mention the on-duty group
 * @param mentionManagers the breach notice also mentions the managers
 * @param broadcast also show it in the channel, not only in the thread
 * @param text a platform-neutral sentence without mentions, e.g. "10 min left to answer this complaint."
 */
public record NudgeNotice(
        long caseId,
        Kind kind,
        NudgeLevel level,
        Instant dueAt,
        Duration remaining,
        MemberRef owner,
        boolean mentionManagers,
        boolean broadcast,
        String text) {

    public NudgeNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(text, "text");
    }

    /** Whether anyone should be mentioned at all (reminders are quiet). */
    public boolean mentions() {
        return level != NudgeLevel.REMINDER;
    }
}
