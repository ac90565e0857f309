package dev.heed.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.model.Kind;
import dev.heed.core.sla.NudgeLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NudgeTextsTest {

    @Test
    void eachLevelSaysHowMuchTimeIsLeftOrHowLate() {
        assertThat(NudgeTexts.text(NudgeLevel.REMINDER, Kind.QUESTION, Duration.ofMinutes(30)))
                .isEqualTo("Reminder: this question is waiting for a response, due in 30 min.");
        assertThat(NudgeTexts.text(NudgeLevel.WARNING, Kind.COMPLAINT, Duration.ofMinutes(10)))
                .isEqualTo("10 min left to answer this complaint.");
        assertThat(NudgeTexts.text(NudgeLevel.WARNING, Kind.COMPLAINT, Duration.ofSeconds(-5)))
                .isEqualTo("This complaint is past its deadline.");
        assertThat(NudgeTexts.text(NudgeLevel.BREACH, Kind.COMPLAINT, Duration.ofSeconds(-8)))
                .isEqualTo("Deadline missed: this complaint has had no response.");
        assertThat(NudgeTexts.text(NudgeLevel.BREACH, Kind.COMPLAINT, Duration.ofMinutes(-3)))
                .isEqualTo("Deadline missed: this complaint has had no response, 3 min past its deadline.");
        assertThat(NudgeTexts.text(NudgeLevel.REPEAT, Kind.COMPLIMENT, Duration.ofMinutes(-95)))
                .isEqualTo("Still no response to this compliment, 1 h 35 min past its deadline.");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(NudgeTexts.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(NudgeTexts.human(Duration.ofMinutes(60))).isEqualTo("1 h");
        assertThat(NudgeTexts.human(Duration.ofHours(50))).isEqualTo("2 d 2 h");
        assertThat(NudgeTexts.human(Duration.ofSeconds(-5))).isEqualTo("5 s");
    }
}
