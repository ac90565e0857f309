package dev.heed.app.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.app.HeedApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong Slack setting stops start-up with a message that names the property, and never prints a token. */
@ExtendWith(OutputCaptureExtension.class)
class SlackConfigurationErrorsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "heed.slack.bot-token=xoxp-user-token-secret|heed.slack.bot-token|must be a bot token (xoxb-...)",
                "heed.slack.mode=carrier-pigeon|heed.slack.mode|must be socket or http",
                "heed.slack.mode=socket|heed.slack.app-token|is required in Socket Mode",
                "heed.slack.signing-secret=|heed.slack.signing-secret|is required in HTTP mode",
                "heed.slack.channel=#care|heed.slack.channel|must be a channel id such as C0123ABCD",
                "heed.slack.on-duty=@team|heed.slack.on-duty|must be user group ids (S0123) or user ids",
                "heed.slack.managers-only=deploy|heed.slack.managers-only|must be /care subcommands",
            })
    void aWrongSlackValueNamesTheProperty(String setting, String property, String hint, CapturedOutput output) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=jdbc:h2:mem:heed-slack-errors-" + System.nanoTime(),
                "heed.scheduling.enabled=false",
                "heed.slack.bot-token=xoxb-0000-secret-bot-token",
                "heed.slack.channel=C0CARE",
                "heed.slack.mode=http",
                "heed.slack.signing-secret=secret-signing-value"));
        String key = setting.substring(0, setting.indexOf('='));
        properties.removeIf(p -> p.startsWith(key + "="));
        properties.add(setting);

        assertThatThrownBy(() -> new SpringApplicationBuilder(HeedApplication.class)
                        .properties(properties.toArray(String[]::new))
                        .run("--server.port=0"))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains(property)
                .contains(hint)
                .doesNotContain("secret-bot-token", "secret-signing-value", "user-token-secret");
    }
}
