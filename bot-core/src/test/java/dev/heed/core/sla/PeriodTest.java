package dev.heed.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void parsesOpeningAndClosingTimes() {
        Period period = Period.parse("09:00-17:30");

        assertThat(period).isEqualTo(new Period(LocalTime.of(9, 0), LocalTime.of(17, 30)));
        assertThat(period.crossesMidnight()).isFalse();
        assertThat(period).hasToString("09:00-17:30");
    }

    @Test
    void endAtOrBeforeStartCrossesMidnightAnd24MeansMidnight() {
        assertThat(Period.parse("22:00-02:00").crossesMidnight()).isTrue();
        assertThat(Period.parse("09:00-00:00").crossesMidnight()).isTrue();
        assertThat(Period.parse(" 09:00 - 24:00 ")).isEqualTo(new Period(LocalTime.of(9, 0), LocalTime.MIDNIGHT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9-5", "09:00", "nine to five", "25:00-26:00", "09:60-17:00", "24:00-09:00", ""})
    void rejectsTextThatIsNotHoursAndMinutesWithTheAcceptedForm(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HH:mm-HH:mm");
    }

    @Test
    void rejectsAPeriodThatStartsAndEndsAtTheSameTime() {
        assertThatThrownBy(() -> new Period(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same time");
        assertThatThrownBy(() -> Period.parse("00:00-24:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("00:00-24:00");
    }
}
