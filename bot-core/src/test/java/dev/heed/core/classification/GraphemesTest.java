package dev.heed.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphemesTest {

    @Test
    void countsUserPerceivedCharacters() {
        assertThat(Graphemes.count("café")).isEqualTo(4);
        assertThat(Graphemes.count("cafe\u0301")).isEqualTo(4);
        assertThat(Graphemes.count("👏👏")).isEqualTo(2);
        assertThat(Graphemes.count("")).isZero();
    }

    @Test
    void cutsAfterTheLastWholeWordAndAddsAnEllipsis() {
        assertThat(Graphemes.cutOnWord("thanks for the lovely visit", 15)).isEqualTo("thanks for the…");
        assertThat(Graphemes.cutOnWord("sorry, please write to us", 10)).isEqualTo("sorry…");
        assertThat(Graphemes.cutOnWord("short", 10)).isEqualTo("short");
    }

    @Test
    void aSingleLongWordIsCutInside() {
        assertThat(Graphemes.cutOnWord("abcdefghijklmnop", 6)).isEqualTo("abcde…");
        assertThat(Graphemes.cut("Bartholomew", 5)).isEqualTo("Bart…");
    }

    @Test
    void neverSplitsAnEmoji() {
        String cut = Graphemes.cutOnWord("😍😍😍😍😍", 3);

        assertThat(cut).isEqualTo("😍😍…");
        assertThat(Graphemes.count(cut)).isEqualTo(3);
    }
}
