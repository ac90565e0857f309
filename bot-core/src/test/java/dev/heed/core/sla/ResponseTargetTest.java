package dev.heed.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.core.sla.ResponseTarget.CloseOfBusiness;
import dev.heed.core.sla.ResponseTarget.NextBusinessDay;
import dev.heed.core.sla.ResponseTarget.None;
import dev.heed.core.sla.ResponseTarget.Within;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseTargetTest {

    @ParameterizedTest
    @CsvSource({"PT30M, PT30M", "pt2h, PT2H", "30m, PT30M", "2h, PT2H", "1h30m, PT1H30M", "45s, PT45S", "1d, PT24H"})
    void parsesIsoAndShortDurationsAsWithin(String text, String expected) {
        assertThat(ResponseTarget.parse(text)).isEqualTo(new Within(Duration.parse(expected)));
    }

    @Test
    void parsesTheNamedTargetsCaseInsensitively() {
        assertThat(ResponseTarget.parse("close-of-business")).isEqualTo(new CloseOfBusiness());
        assertThat(ResponseTarget.parse(" None ")).isEqualTo(new None());
        assertThat(ResponseTarget.parse("Next-Business-Day")).isEqualTo(new NextBusinessDay(Duration.ofMinutes(90)));
        assertThat(ResponseTarget.parse("next-business-day+2h")).isEqualTo(new NextBusinessDay(Duration.ofHours(2)));
        assertThat(ResponseTarget.parse("next-business-day+PT45M"))
                .isEqualTo(new NextBusinessDay(Duration.ofMinutes(45)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "30 minutes", "m30", "next-business-day+", "next-business-day+later", "P", ""})
    void unknownTextIsRejectedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> ResponseTarget.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accepted forms")
                .hasMessageContaining("PT30M")
                .hasMessageContaining("1h30m")
                .hasMessageContaining("close-of-business")
                .hasMessageContaining("next-business-day+2h")
                .hasMessageContaining("none");
    }

    @Test
    void aZeroOrNegativeDurationIsNotADeadline() {
        assertThatThrownBy(() -> ResponseTarget.parse("0m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new Within(Duration.ofMinutes(-5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NextBusinessDay(Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("afterOpening");
    }

    @Test
    void describesTargetsForHumans() {
        assertThat(new Within(Duration.ofMinutes(30)).describe()).isEqualTo("30 min");
        assertThat(new Within(Duration.ofMinutes(90)).describe()).isEqualTo("1 h 30 min");
        assertThat(new Within(Duration.ofHours(2)).describe()).isEqualTo("2 h");
        assertThat(new Within(Duration.ofSeconds(45)).describe()).isEqualTo("45 s");
        assertThat(new Within(Duration.ofDays(1)).describe()).isEqualTo("1 day");
        assertThat(new CloseOfBusiness().describe()).isEqualTo("close of business");
        assertThat(new NextBusinessDay().describe()).isEqualTo("next business day, 1 h 30 min after opening");
        assertThat(new None().describe()).isEqualTo("no deadline");
    }
}
