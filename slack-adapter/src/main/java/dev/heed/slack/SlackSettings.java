package dev.heed.slack;

import dev.heed.core.model.ChannelRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Slack adapter behaves, bound from {@code heed.slack.*} in the application.
 *
 * @param defaultChannel where cases go when no route says otherwise, or null
 * @param onDuty mentioned by warnings while nobody owns a case: user group ids ({@code S…}) or user ids; empty
 *     means {@code @here}
 * @param managers mentioned by breach notices: user group or user ids; may be empty
 * @param managersOnlyCommands {@code /care} subcommands only managers may use (e.g. {@code assign}, {@code report});
 *     a manager is a user listed in {@code managers} (user ids; groups cannot be checked without an extra scope)
 * @param claimReaction reaction name that claims a case ({@code eyes}); removing it releases
 * @param respondReaction reaction name that marks a case responded ({@code white_check_mark})
 * @param postEvery the pace of new messages per channel (Slack allows about one per second)
 * @param burst messages a channel may get at once before pacing starts
 */
public record SlackSettings(
        ChannelRef defaultChannel,
        List<String> onDuty,
        List<String> managers,
        List<String> managersOnlyCommands,
        String claimReaction,
        String respondReaction,
        Duration postEvery,
        int burst) {

    public static final String PLATFORM = "slack";

    public SlackSettings {
        onDuty = List.copyOf(onDuty);
        managers = List.copyOf(managers);
        managersOnlyCommands = List.copyOf(managersOnlyCommands);
        Objects.requireNonNull(claimReaction, "claimReaction");
        Objects.requireNonNull(respondReaction, "respondReaction");
        Objects.requireNonNull(postEvery, "postEvery");
        for (String id : onDuty) {
            if (!SlackText.isMentionable(id)) {
                throw new IllegalArgumentException("on-duty entry is not a Slack user or group id: " + id);
            }
        }
        for (String id : managers) {
            if (!SlackText.isMentionable(id)) {
                throw new IllegalArgumentException("manager entry is not a Slack user or group id: " + id);
            }
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
    }

    /** Defaults: no on-duty group ({@code @here}), no managers, 👀 claims, ✅ responds, one message a second. */
    public static SlackSettings defaults(ChannelRef defaultChannel) {
        return new SlackSettings(
                defaultChannel, List.of(), List.of(), List.of(), "eyes", "white_check_mark", Duration.ofSeconds(1), 3);
    }

    public SlackSettings withOnDuty(List<String> ids) {
        return new SlackSettings(
                defaultChannel, ids, managers, managersOnlyCommands, claimReaction, respondReaction, postEvery, burst);
    }

    public SlackSettings withManagers(List<String> ids, List<String> managersOnly) {
        return new SlackSettings(
                defaultChannel, onDuty, ids, managersOnly, claimReaction, respondReaction, postEvery, burst);
    }

    /** Whether {@code userId} counts as a manager for limited commands. */
    public boolean isManager(String userId) {
        return managers.contains(userId);
    }
}
