package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.discord.fake.FakeDiscord;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscordConnectionTest {
    static DiscordHarness heed;

    @BeforeAll
    static void start() {
        heed = new DiscordHarness();
    }

    @AfterAll
    static void stop() {
        heed.close();
    }

    @Test
    void identifiesWithGuildReactionsAndNoPrivilegedIntent() {
        DataObject identify = heed.discord.gateway().received().stream()
                .filter(p -> p.getInt("op") == 2)
                .findFirst()
                .orElseThrow();
        int intents = identify.getObject("d").getInt("intents");
        assertThat(intents).isEqualTo(1 | 1 << 10); // GUILDS (JDA always asks for it) + GUILD_MESSAGE_REACTIONS
        assertThat(intents & (1 << 1 | 1 << 8 | 1 << 15))
                .as("no privileged intent")
                .isZero();
        assertThat(identify.getObject("d").getString("token")).isEqualTo("test-token");
    }

    @Test
    void registersCareInTheGuildWithTypedOptions() {
        var puts = heed.discord.calls(
                "PUT", "applications/" + FakeDiscord.APPLICATION + "/guilds/" + FakeDiscord.GUILD + "/commands");
        assertThat(puts).hasSize(1);
        DataArray commands = DataArray.fromJson(puts.get(0).raw());
        DataObject care = commands.getObject(0);
        assertThat(care.getString("name")).isEqualTo("care");
        DataArray subcommands = care.getArray("options");
        assertThat(subcommands.stream(DataArray::getObject).map(o -> o.getString("name")))
                .containsExactly("status", "queue", "mine", "report", "assign", "snooze", "find", "sources", "help");
        DataObject assign = subcommands.stream(DataArray::getObject)
                .filter(o -> o.getString("name").equals("assign"))
                .findFirst()
                .orElseThrow();
        assertThat(assign.getArray("options").stream(DataArray::getObject).map(o -> o.getInt("type")))
                .containsExactly(4, 6); // integer case number, user
    }

    @Test
    void inviteUrlAsksForTheBotAndCommandScopesAndOnlyWhatHeedUses() {
        String url = InviteUrl.of(FakeDiscord.APPLICATION, FakeDiscord.GUILD);
        assertThat(url)
                .startsWith("https://discord.com/oauth2/authorize?client_id=" + FakeDiscord.APPLICATION)
                .contains("scope=bot+applications.commands")
                .contains("permissions=" + (1L << 10 | 1L << 11 | 1L << 14 | 1L << 16 | 1L << 6 | 1L << 35 | 1L << 38))
                .contains("guild_id=" + FakeDiscord.GUILD);
    }
}
