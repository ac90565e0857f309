package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.testing.MutableClock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Small mapping units: escaping, custom ids, snooze choices. */
class DiscordTextTest {

    @Test
    void escapingDefusesMentionsAndMarkdown() {
        String escaped = DiscordText.escape("@everyone @here <@123> <@&456> <#789> **bold** __u__ `code` > quote # h");
        assertThat(escaped)
                .doesNotContain("@everyone", "@here", "<@123>", "<@&456>", "<#789>", "**bold**", "`code`")
                .contains("\\@\u200Beveryone", "\\<\\@\u200B123\\>", "\\*\\*bold\\*\\*", "\\> quote", "\\# h");
    }

    @Test
    void fittingNeverCutsAnEscapeInHalf() {
        String raw = "*".repeat(100);
        String fitted = DiscordText.fit(raw, 51);
        assertThat(fitted).hasSizeLessThanOrEqualTo(51).endsWith("…");
        assertThat(fitted.substring(0, fitted.length() - 1)).matches("(\\\\\\*)+");
    }

    @Test
    void customIdsRoundTripAndForeignIdsAreIgnored() {
        assertThat(CustomId.parse(CustomId.of("reply", 42, 2))).contains(new CustomId("reply", 42, 2));
        assertThat(CustomId.parse(CustomId.of("claim", 7))).contains(new CustomId("claim", 7, -1));
        assertThat(CustomId.parse("other-bot:claim:7")).isEmpty();
        assertThat(CustomId.parse("heed:claim:x")).isEmpty();
        assertThat(CustomId.of("replymodal", Long.MAX_VALUE, 9)).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void snoozeChoicesBecomeDurationsAndTomorrowMeansNineInTheBusinessZone() {
        MutableClock clock = MutableClock.at("2026-11-23T21:30:00Z"); // 22:30 in Paris
        assertThat(CareCommand.snooze("15m", clock, ZoneId.of("Europe/Paris"))).isEqualTo(Duration.ofMinutes(15));
        assertThat(CareCommand.snooze("tomorrow", clock, ZoneId.of("Europe/Paris")))
                .isEqualTo(Duration.ofMinutes(10 * 60 + 30));
        assertThat(CareCommand.snooze("forever", clock, ZoneId.of("Europe/Paris")))
                .isNull();
    }
}
