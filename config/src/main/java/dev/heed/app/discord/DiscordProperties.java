package dev.heed.app.discord;

import dev.heed.discord.DiscordSettings;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Discord, under {@code heed.discord.}: on when {@code token} is set. Ids are Discord snowflakes (turn on Developer
 * Mode in Discord, then right-click a server, channel or role and "Copy ID"). A wrong value stops start-up with a
 * message that names the property. The token never appears in {@link #toString()}.
 *
 * @param token the bot token from the Developer Portal (Bot, Reset Token); empty: Discord is off
 * @param guild the server's id
 * @param channel the id of the text channel that gets the cards (routes can send some cases elsewhere)
 * @param managerRole id of the role mentioned on a breach and allowed {@code /care assign} and {@code /care report};
 *     empty: members with Manage Server are managers
 * @param onDutyRole id of the role mentioned while nobody owns a case; empty: no mention
 * @param restUrl Discord's REST API (change it for a REST proxy, or a test fake)
 * @param gatewayUrl Discord's gateway WebSocket
 * @param requestTimeout the longest a send or edit may take before the outbox tries it again later
 * @param readyTimeout how long start-up waits for Discord
 * @param messagesPerWindow per-channel pacing: at most this many messages ...
 * @param paceWindow ... in this window
 */
@ConfigurationProperties("heed.discord")
public record DiscordProperties(
        @DefaultValue("") String token,
        @DefaultValue("") String guild,
        @DefaultValue("") String channel,
        @DefaultValue("") String managerRole,
        @DefaultValue("") String onDutyRole,
        @DefaultValue(DiscordSettings.DEFAULT_REST_URL) String restUrl,
        @DefaultValue(DiscordSettings.DEFAULT_GATEWAY_URL) String gatewayUrl,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("60s") Duration readyTimeout,
        @DefaultValue("5") int messagesPerWindow,
        @DefaultValue("5s") Duration paceWindow) {

    private static final String SNOWFLAKE = "\\d{15,20}";

    public DiscordProperties {
        if (token != null && !token.isBlank()) { // the parameter: fields are not assigned yet here
            check(
                    guild.matches(SNOWFLAKE),
                    "heed.discord.guild",
                    "must be the server's id (15 to 20 digits; Developer Mode, right-click the server, Copy Server ID)");
            check(
                    channel.matches(SNOWFLAKE),
                    "heed.discord.channel",
                    "must be the id of the cards' text channel (15 to 20 digits; right-click the channel, Copy "
                            + "Channel ID)");
            check(
                    managerRole.isEmpty() || managerRole.matches(SNOWFLAKE),
                    "heed.discord.manager-role",
                    "must be empty or a role id (15 to 20 digits; Server Settings, Roles, right-click, Copy Role ID)");
            check(
                    onDutyRole.isEmpty() || onDutyRole.matches(SNOWFLAKE),
                    "heed.discord.on-duty-role",
                    "must be empty or a role id (15 to 20 digits)");
            check(
                    restUrl.matches("https?://\\S+"),
                    "heed.discord.rest-url",
                    "must be an http(s) URL such as " + DiscordSettings.DEFAULT_REST_URL);
            check(
                    gatewayUrl.matches("wss?://\\S+"),
                    "heed.discord.gateway-url",
                    "must be a ws(s) URL such as " + DiscordSettings.DEFAULT_GATEWAY_URL);
            check(
                    requestTimeout.compareTo(Duration.ofSeconds(1)) >= 0
                            && requestTimeout.compareTo(Duration.ofMinutes(1)) <= 0,
                    "heed.discord.request-timeout",
                    "must be within 1s .. 60s");
            check(
                    readyTimeout.compareTo(Duration.ofSeconds(5)) >= 0,
                    "heed.discord.ready-timeout",
                    "must be at least 5s");
            check(
                    messagesPerWindow >= 1 && messagesPerWindow <= 50,
                    "heed.discord.messages-per-window",
                    "must be within 1 .. 50");
            check(
                    paceWindow.compareTo(Duration.ofSeconds(1)) >= 0
                            && paceWindow.compareTo(Duration.ofMinutes(10)) <= 0,
                    "heed.discord.pace-window",
                    "must be within 1s .. 10m");
        }
    }

    /** Discord is on when a token is set. */
    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    public DiscordSettings settings(ZoneId zone) {
        return new DiscordSettings(
                token.strip(),
                Long.parseUnsignedLong(guild),
                Long.parseUnsignedLong(channel),
                managerRole.isEmpty() ? null : Long.parseUnsignedLong(managerRole),
                onDutyRole.isEmpty() ? null : Long.parseUnsignedLong(onDutyRole),
                restUrl,
                gatewayUrl,
                zone,
                requestTimeout,
                messagesPerWindow,
                paceWindow);
    }

    @Override
    public String toString() {
        return "DiscordProperties[token=" + (enabled() ? "(secret)" : "") + ", guild=" + guild + ", channel=" + channel
                + ", managerRole=" + managerRole + ", onDutyRole=" + onDutyRole + ", restUrl=" + restUrl
                + ", gatewayUrl=" + gatewayUrl + ", requestTimeout=" + requestTimeout + ", readyTimeout="
                + readyTimeout + ", messagesPerWindow=" + messagesPerWindow + ", paceWindow=" + paceWindow + "]";
    }

    private static void check(boolean ok, String property, String expectation) {
        if (!ok) {
            throw new IllegalArgumentException(property + " " + expectation);
        }
    }
}
