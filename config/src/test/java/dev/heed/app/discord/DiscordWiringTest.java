package dev.heed.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.app.ChatPorts;
import dev.heed.app.HeedApplication;
import dev.heed.core.casework.IngestService;
import dev.heed.core.delivery.OutboxDispatcher;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.discord.fake.FakeDiscord;
import java.time.Instant;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application with {@code heed.discord.*} set, talking to the fake Discord through the real JDA. */
@ExtendWith(OutputCaptureExtension.class)
class DiscordWiringTest {
    static final String TOKEN = "MTIz.fake-discord-token-for-tests";

    @Test
    void aTokenTurnsDiscordOnInsteadOfTheConsoleAndCardsReachTheChannel(CapturedOutput output) {
        try (FakeDiscord discord = new FakeDiscord();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(HeedApplication.class)
                        // Command-line arguments: they override application.yml (default properties would not).
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:heed-discord-" + System.nanoTime(),
                                "--heed.scheduling.enabled=false",
                                "--heed.demo.enabled=false",
                                "--heed.discord.token=" + TOKEN,
                                "--heed.discord.guild=" + FakeDiscord.GUILD,
                                "--heed.discord.channel=" + FakeDiscord.CHANNEL,
                                "--heed.discord.manager-role=" + FakeDiscord.MANAGER_ROLE,
                                "--heed.discord.on-duty-role=" + FakeDiscord.ON_DUTY_ROLE,
                                "--heed.discord.rest-url=" + discord.restUrl(),
                                "--heed.discord.gateway-url=" + discord.gatewayUrl())) {
            assertThat(app.getBean(ChatPorts.class).ports())
                    .extracting(p -> p.platform())
                    .containsExactly("discord");

            app.getBean(IngestService.class)
                    .ingest(new Post(
                            "zapier",
                            "discord-wiring-1",
                            Network.BLUESKY,
                            new Author("@mara.bsky.social", "Mara", 1200L, null),
                            "Still waiting for my refund, 3 weeks now. Really disappointed.",
                            "en",
                            Instant.now(),
                            "https://bsky.app/profile/mara.bsky.social/post/w1",
                            null,
                            null));
            app.getBean(OutboxDispatcher.class).deliverDue();

            assertThat(discord.messages(FakeDiscord.CHANNEL)).hasSize(1);
            DataObject embed = discord.messages(FakeDiscord.CHANNEL)
                    .get(0)
                    .getArray("embeds")
                    .getObject(0);
            assertThat(embed.getString("description")).contains("Still waiting for my refund");
            assertThat(output)
                    .contains("https://discord.com/oauth2/authorize?client_id=" + FakeDiscord.APPLICATION)
                    .doesNotContain("fake-discord-token-for-tests");
        }
    }
}
