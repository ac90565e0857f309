package dev.heed.core.chat;

import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a card, a command answer or the REST API shows about one case, read in one go.
 *
 * @param id the case number
 * @param kind complaint, question, compliment or other
 * @param confidence how sure the classifier was (0..1)
 * @param kindReasons why it has that kind
 * @param priority the tier
 * @param priorityReasons why it has that priority, most important first
 * @param state where it is in the workflow
 * @param owner who owns it, or null
 * @param snoozedUntil nudges are silent until then, or null
 * @param post the post that opened the case
 * @param followUps how many later posts by the same author in the same conversation attached to it
 * @param detectedAt when Heed saw the post
 * @param postedAt when its card first reached chat, or null
 * @param claimedAt when it was last claimed, or null
 * @param firstResponseAt when the first response was recorded, or null
 * @param resolvedAt when it was resolved or dismissed, or null
 * @param firstDueAt the first-response deadline, or null when the kind has none
 * @param dueAt the current deadline (a follow-up sets a next-response deadline), or null
 * @param replyText the reply the team recorded, or null
 * @param dismissReason why it was dismissed, or null
 * @param suggestions suggested replies
 * @param version increases with every change; cards use it to skip stale edits
 */
public record CaseView(
        long id,
        Kind kind,
        double confidence,
        List<String> kindReasons,
        Priority priority,
        List<String> priorityReasons,
        CaseState state,
        MemberRef owner,
        Instant snoozedUntil,
        Post post,
        int followUps,
        Instant detectedAt,
        Instant postedAt,
        Instant claimedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant firstDueAt,
        Instant dueAt,
        String replyText,
        String dismissReason,
        List<SuggestedReply> suggestions,
        int version) {

    public CaseView {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(post, "post");
        kindReasons = List.copyOf(kindReasons);
        priorityReasons = List.copyOf(priorityReasons);
        suggestions = List.copyOf(suggestions);
    }

    /** True while nudges may go out for this case at {@code now}. */
    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }
}
