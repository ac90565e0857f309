package dev.heed.discord;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How Heed talks to Discord.
 *
 * @param token the bot token (a secret: never in {@link #toString()})
 * @param guildId the server Heed works in; its slash command is registered there
 * @param channelId the default channel for cards
 * @param managerRoleId role mentioned on a breach and allowed to use {@code /care assign} and {@code /care report};
 *     null: members with the Manage Server permission count as managers and breaches mention nobody extra
 * @param onDutyRoleId role mentioned by warnings while nobody owns a case; null: no mention
 * @param restUrl Discord's REST base, e.g. {@code https://discord.com/api/v10/} (or a proxy, or a test fake)
 * @param gatewayUrl the gateway WebSocket, e.g. {@code wss://gateway.discord.gg}
 * @param zone the business's time zone ("tomorrow" for a snooze starts at its 09:00)
 * @param requestTimeout the longest one send or edit may take before the outbox tries again later
 * @param messagesPerWindow per-channel pacing: at most this many messages ...
 * @param paceWindow ... in this window; more wait in the outbox
 */
public record DiscordSettings(
        String token,
        long guildId,
        long channelId,
        Long managerRoleId,
        Long onDutyRoleId,
        String restUrl,
        String gatewayUrl,
        ZoneId zone,
        Duration requestTimeout,
        int messagesPerWindow,
        Duration paceWindow) {

    public static final String DEFAULT_REST_URL = "https://discord.com/api/v10/";
    public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg";

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(paceWindow, "paceWindow");
        if (messagesPerWindow < 1) {
            throw new IllegalArgumentException("messagesPerWindow must be positive: " + messagesPerWindow);
        }
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=(secret), guildId=" + guildId + ", channelId=" + channelId + ", managerRoleId="
                + managerRoleId + ", onDutyRoleId=" + onDutyRoleId + ", restUrl=" + restUrl + ", gatewayUrl="
                + gatewayUrl + ", zone=" + zone + ", requestTimeout=" + requestTimeout + ", pace="
                + messagesPerWindow + "/" + paceWindow + "]";
    }
}
