package dev.heed.app.slack;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack, under {@code heed.slack.}: on when {@code bot-token} is set. Each value is checked as it is bound; a wrong
 * one stops start-up with a message that names the property and the accepted form. Tokens and the signing secret
 * never appear in {@code toString()}.
 *
 * @param botToken the bot token ({@code xoxb-...}); empty: Slack is off
 * @param mode {@code socket} (default: no public URL needed) or {@code http} ({@code POST /slack/events})
 * @param appToken the app-level token ({@code xapp-...}, scope {@code connections:write}) for Socket Mode
 * @param signingSecret the app's signing secret, for HTTP mode
 * @param apiUrl the Web API base URL (a proxy, or a fake in tests)
 * @param channel the default channel id ({@code C0123ABCD}); routes can send cases elsewhere
 * @param onDuty user group ({@code S...}) or user ids mentioned while nobody owns a case; empty: {@code @here}
 * @param managers user group or user ids mentioned by breach notices
 * @param managersOnly {@code /care} subcommands only the user ids in {@code managers} may use, e.g. assign, report
 * @param claimReaction reaction that claims a case (removing it releases)
 * @param respondReaction reaction that marks a case responded
 * @param postEvery pace of new messages per channel
 */
@ConfigurationProperties("heed.slack")
public record SlackProperties(
        String botToken,
        @DefaultValue("socket") String mode,
        String appToken,
        String signingSecret,
        @DefaultValue("https://slack.com/api/") String apiUrl,
        String channel,
        @DefaultValue List<String> onDuty,
        @DefaultValue List<String> managers,
        @DefaultValue List<String> managersOnly,
        @DefaultValue("eyes") String claimReaction,
        @DefaultValue("white_check_mark") String respondReaction,
        @DefaultValue("1s") Duration postEvery) {

    static final Set<String> SUBCOMMANDS = Set.of("status", "queue", "mine", "report", "assign", "snooze", "find");
    private static final String ID = "[UWS][A-Z0-9]{2,}";

    public SlackProperties {
        // Fields are assigned at the end of a compact constructor: check the parameters, not enabled().
        if (botToken != null && !botToken.isBlank()) {
            check(botToken.strip().startsWith("xoxb-"), "heed.slack.bot-token", "must be a bot token (xoxb-...)");
            check(
                    mode.equals("socket") || mode.equals("http"),
                    "heed.slack.mode",
                    "must be socket or http, got '" + mode + "'");
            check(
                    !mode.equals("socket")
                            || (appToken != null && appToken.strip().startsWith("xapp-")),
                    "heed.slack.app-token",
                    "is required in Socket Mode: an app-level token (xapp-...) with connections:write");
            check(
                    !mode.equals("http") || (signingSecret != null && !signingSecret.isBlank()),
                    "heed.slack.signing-secret",
                    "is required in HTTP mode: the app's signing secret (Basic Information page)");
            check(
                    channel != null && channel.strip().matches("[CG][A-Z0-9]{2,}"),
                    "heed.slack.channel",
                    "must be a channel id such as C0123ABCD (channel details, at the bottom), got '" + channel + "'");
            check(apiUrl.matches("https?://\\S+"), "heed.slack.api-url", "must be an http(s) URL");
            check(
                    onDuty.stream().allMatch(id -> id.strip().matches(ID)),
                    "heed.slack.on-duty",
                    "must be user group ids (S0123) or user ids (U0123), got " + onDuty);
            check(
                    managers.stream().allMatch(id -> id.strip().matches(ID)),
                    "heed.slack.managers",
                    "must be user group ids (S0123) or user ids (U0123), got " + managers);
            check(
                    SUBCOMMANDS.containsAll(managersOnly),
                    "heed.slack.managers-only",
                    "must be /care subcommands (" + String.join(", ", new java.util.TreeSet<>(SUBCOMMANDS)) + "), got "
                            + managersOnly);
            check(
                    managersOnly.isEmpty()
                            || managers.stream().anyMatch(id -> id.strip().matches("[UW][A-Z0-9]+")),
                    "heed.slack.managers",
                    "must list at least one user id (U0123) when heed.slack.managers-only is set");
            check(
                    claimReaction.matches("[a-z0-9_+-]+") && respondReaction.matches("[a-z0-9_+-]+"),
                    "heed.slack.claim-reaction",
                    "and respond-reaction must be emoji names without colons, e.g. eyes, white_check_mark");
            check(
                    postEvery.compareTo(Duration.ofMillis(100)) >= 0 && postEvery.compareTo(Duration.ofMinutes(1)) <= 0,
                    "heed.slack.post-every",
                    "must be within 100ms .. 1m");
        }
    }

    /** Slack is on when a bot token is configured. */
    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    public boolean socketMode() {
        return mode.equals("socket");
    }

    private static void check(boolean ok, String property, String expectation) {
        if (!ok) {
            throw new IllegalArgumentException(property + " " + expectation);
        }
    }

    @Override
    public String toString() {
        return "SlackProperties[botToken=" + (enabled() ? "****" : "none") + ", mode=" + mode + ", appToken="
                + (appToken == null || appToken.isBlank() ? "none" : "****") + ", signingSecret="
                + (signingSecret == null || signingSecret.isBlank() ? "none" : "****") + ", apiUrl=" + apiUrl
                + ", channel=" + channel + ", onDuty=" + onDuty + ", managers=" + managers + ", managersOnly="
                + managersOnly + ", claimReaction=" + claimReaction + ", respondReaction=" + respondReaction
                + ", postEvery=" + postEvery + "]";
    }
}
