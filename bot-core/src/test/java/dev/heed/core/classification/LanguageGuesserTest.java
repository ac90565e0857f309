package dev.heed.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {
    private final LanguageGuesser guesser = new LanguageGuesser();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|My order still hasn't arrived and nobody answers the phone",
                "en|Do you have vegan options on the menu?",
                "es|Llevo dos semanas esperando mi pedido y nadie me contesta",
                "es|¿Tienen opciones sin gluten para los niños?",
                "fr|Toujours pas de réponse du service client, c'est très décevant",
                "fr|Merci pour le gâteau, vous êtes les meilleurs !",
                "de|Meine Bestellung ist immer noch nicht da, sehr ärgerlich",
                "de|Danke für den tollen Service heute!",
                "pt|O meu pedido ainda não chegou e ninguém responde",
                "pt|Vocês têm opções vegetarianas?",
                "it|Il mio ordine non è ancora arrivato, nessuno risponde",
                "it|Grazie mille per la torta, siete fantastici!",
                "nl|Mijn bestelling is nog steeds niet geleverd",
                "nl|Bedankt voor de snelle hulp vandaag!"
            })
    void recognisesEverydayPostsInTheSevenLanguages(String language, String text) {
        assertThat(guesser.guess(text)).isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"🔥🔥🔥", "@brand", "#giveaway #crypto", "https://example.com/x", "12345"})
    void saysNothingWhenThereIsNothingToGoOn(String text) {
        assertThat(guesser.guess(text)).isNull();
    }
}
