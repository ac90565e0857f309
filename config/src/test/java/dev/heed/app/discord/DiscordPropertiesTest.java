package dev.heed.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DiscordPropertiesTest {
    static DiscordProperties with(String token, String guild, String channel, String managerRole, String restUrl) {
        return new DiscordProperties(
                token,
                guild,
                channel,
                managerRole,
                "",
                restUrl,
                "wss://gateway.discord.gg",
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                5,
                Duration.ofSeconds(5));
    }

    @Test
    void withoutATokenDiscordIsOffAndNothingElseIsChecked() {
        assertThat(with("", "", "", "", "").enabled()).isFalse();
    }

    @Test
    void withATokenTheGuildAndChannelMustBeIds() {
        assertThatThrownBy(() -> with("t0ken", "", "123456789012345678", "", "https://discord.com/api/v10/"))
                .hasMessageStartingWith("heed.discord.guild must be the server's id");
        assertThatThrownBy(() -> with("t0ken", "123456789012345678", "#care", "", "https://discord.com/api/v10/"))
                .hasMessageStartingWith("heed.discord.channel must be the id");
        assertThatThrownBy(() -> with("t0ken", "123456789012345678", "123456789012345679", "managers", "https://x/"))
                .hasMessageStartingWith("heed.discord.manager-role must be empty or a role id");
        assertThatThrownBy(() -> with("t0ken", "123456789012345678", "123456789012345679", "", "ftp://x/"))
                .hasMessageStartingWith("heed.discord.rest-url must be an http(s) URL");
    }

    @Test
    void theTokenNeverShowsInToString() {
        DiscordProperties properties = with(
                "MTIz.secret-token", "123456789012345678", "123456789012345679", "", "https://discord.com/api/v10/");
        assertThat(properties.toString()).doesNotContain("secret-token").contains("(secret)");
        assertThat(properties.settings(ZoneOffset.UTC).toString()).doesNotContain("secret-token");
        assertThat(properties.settings(ZoneOffset.UTC).guildId()).isEqualTo(123456789012345678L);
    }
}
