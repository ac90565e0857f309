package dev.heed.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NudgeSettingsTest {

    @Test
    void defaultsRemindAtHalfTimeWarnAtEightyPercentOrTenMinutesAndRepeatTwiceEveryHalfHour() {
        assertThat(NudgeSettings.defaults())
                .isEqualTo(new NudgeSettings(0.5, 0.8, Duration.ofMinutes(10), Duration.ofMinutes(30), 2));
    }

    @Test
    void aReminderFractionOfZeroMeansNoReminderAndIsAllowed() {
        assertThatCode(() -> new NudgeSettings(0, 1.0, Duration.ZERO, Duration.ofMinutes(1), 0))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0},{1},{2},{3},{4} -> {5}")
    @CsvSource({
        "-0.1, 0.8, PT10M, PT30M,  2, reminderAt",
        " 0.8, 0.8, PT10M, PT30M,  2, warningAt",
        " 0.9, 0.8, PT10M, PT30M,  2, warningAt",
        " 0.5, 1.2, PT10M, PT30M,  2, warningAt",
        " 0.5, NaN, PT10M, PT30M,  2, warningAt",
        " 0.5, 0.8, -PT1M, PT30M,  2, warningBefore",
        " 0.5, 0.8, PT10M, PT0S,   2, repeatEvery",
        " 0.5, 0.8, PT10M, PT30M, -1, maxRepeats",
        " 0.5, 0.8, PT10M, PT30M, 21, maxRepeats"
    })
    void invalidSettingsAreRejectedNamingTheField(
            double reminderAt,
            double warningAt,
            Duration warningBefore,
            Duration repeatEvery,
            int maxRepeats,
            String field) {
        assertThatThrownBy(() -> new NudgeSettings(reminderAt, warningAt, warningBefore, repeatEvery, maxRepeats))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field);
    }
}
