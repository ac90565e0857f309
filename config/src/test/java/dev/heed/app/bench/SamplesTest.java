package dev.heed.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void percentilesAreNearestRank() {
        Samples samples = new Samples();
        for (int i = 100; i >= 1; i--) {
            samples.add(i);
        }

        assertThat(samples.median()).isEqualTo(50);
        assertThat(samples.p99()).isEqualTo(99);
        assertThat(samples.max()).isEqualTo(100);
        assertThat(samples.percentile(0.5)).isEqualTo(1);
    }

    @Test
    void aSmallSampleTakesItsLargestValueAsP99() {
        Samples samples = Samples.of(3, 1, 2);

        assertThat(samples.median()).isEqualTo(2);
        assertThat(samples.p99()).isEqualTo(3);
    }

    @Test
    void durationsBecomeRates() {
        Samples rates = Samples.of(500, 250).perSecond(1_000);

        assertThat(rates.median()).isEqualTo(2_000);
        assertThat(rates.max()).isEqualTo(4_000);
    }

    @Test
    void anEmptySampleHasNoPercentileAndPercentilesStayInRange() {
        assertThatThrownBy(() -> new Samples().median()).hasMessageContaining("no samples");
        assertThatThrownBy(() -> Samples.of(1).percentile(0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Samples.of(1).percentile(101)).hasMessageContaining("(0, 100]");
    }
}
