package dev.heed.core.classification;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a short post among English, Spanish, French, German, Portuguese, Italian and Dutch from
 * the everyday words only that language uses ("the", "el", "le", "der", "não", "il", "het"...) and a few letters
 * typical of it. A few kilobytes instead of the tens of megabytes of general-purpose detectors; it answers null
 * when a post gives too little to go on. Thread-safe.
 */
public final class LanguageGuesser {
    private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(
                "en",
                words(
                        "i", "i'm", "im", "got", "the", "and", "is", "are", "was", "were", "you", "your", "my", "it",
                        "this", "that", "of", "to", "for", "with", "have", "has", "not", "but", "what", "why", "how",
                        "when", "where", "can", "will", "just", "been", "they", "our", "we", "me", "at", "on", "from",
                        "there", "still", "again", "thanks", "please", "would", "could", "did", "does", "do", "an",
                        "be", "so", "if", "no", "yes", "all", "get"));
        WORDS.put(
                "es",
                words(
                        "el",
                        "los",
                        "las",
                        "una",
                        "es",
                        "y",
                        "que",
                        "de",
                        "del",
                        "por",
                        "para",
                        "con",
                        "mi",
                        "muy",
                        "pero",
                        "está",
                        "esta",
                        "hoy",
                        "gracias",
                        "todo",
                        "nada",
                        "cuando",
                        "dónde",
                        "donde",
                        "qué",
                        "cómo",
                        "como",
                        "porque",
                        "hay",
                        "tengo",
                        "tienen",
                        "ustedes",
                        "pedido",
                        "nos",
                        "mucho",
                        "también",
                        "sin",
                        "ya",
                        "sí",
                        "más",
                        "fue",
                        "son",
                        "estoy",
                        "hola",
                        "favor",
                        "servicio",
                        "esto",
                        "eso",
                        "llevo",
                        "nadie"));
        WORDS.put(
                "fr",
                words(
                        "le",
                        "les",
                        "une",
                        "est",
                        "et",
                        "que",
                        "qui",
                        "pour",
                        "avec",
                        "mon",
                        "ma",
                        "mes",
                        "très",
                        "mais",
                        "pas",
                        "vous",
                        "je",
                        "nous",
                        "c'est",
                        "j'ai",
                        "ce",
                        "cette",
                        "des",
                        "du",
                        "au",
                        "aux",
                        "merci",
                        "toujours",
                        "encore",
                        "rien",
                        "où",
                        "quand",
                        "comment",
                        "pourquoi",
                        "bonjour",
                        "sont",
                        "été",
                        "avez",
                        "ai",
                        "suis",
                        "votre",
                        "vos",
                        "aussi",
                        "depuis",
                        "commande",
                        "personne",
                        "il",
                        "elle",
                        "on",
                        "ne"));
        WORDS.put(
                "de",
                words(
                        "der",
                        "die",
                        "das",
                        "und",
                        "ist",
                        "nicht",
                        "ich",
                        "sie",
                        "mit",
                        "für",
                        "auf",
                        "ein",
                        "eine",
                        "einen",
                        "mein",
                        "meine",
                        "sehr",
                        "aber",
                        "noch",
                        "immer",
                        "schon",
                        "wie",
                        "wo",
                        "wann",
                        "warum",
                        "danke",
                        "ihr",
                        "euch",
                        "wir",
                        "uns",
                        "habe",
                        "hat",
                        "haben",
                        "bin",
                        "sind",
                        "war",
                        "heute",
                        "bestellung",
                        "keine",
                        "kein",
                        "auch",
                        "nur",
                        "bitte",
                        "gibt",
                        "es",
                        "zu",
                        "den",
                        "dem",
                        "von"));
        WORDS.put(
                "pt",
                words(
                        "o",
                        "os",
                        "as",
                        "um",
                        "uma",
                        "não",
                        "nao",
                        "que",
                        "de",
                        "do",
                        "da",
                        "dos",
                        "das",
                        "para",
                        "com",
                        "meu",
                        "minha",
                        "muito",
                        "mas",
                        "está",
                        "estou",
                        "você",
                        "vocês",
                        "obrigado",
                        "obrigada",
                        "ainda",
                        "nada",
                        "quando",
                        "onde",
                        "como",
                        "porque",
                        "há",
                        "tem",
                        "têm",
                        "foi",
                        "são",
                        "hoje",
                        "pedido",
                        "ninguém",
                        "também",
                        "sem",
                        "já",
                        "sim",
                        "mais",
                        "isso",
                        "isto",
                        "olá",
                        "atendimento",
                        "é",
                        "em"));
        WORDS.put(
                "it",
                words(
                        "il",
                        "lo",
                        "la",
                        "gli",
                        "le",
                        "un",
                        "una",
                        "è",
                        "e",
                        "che",
                        "di",
                        "del",
                        "della",
                        "per",
                        "con",
                        "mio",
                        "mia",
                        "molto",
                        "ma",
                        "non",
                        "sono",
                        "siete",
                        "grazie",
                        "ancora",
                        "niente",
                        "quando",
                        "dove",
                        "come",
                        "perché",
                        "perche",
                        "c'è",
                        "ho",
                        "hanno",
                        "oggi",
                        "ordine",
                        "nessuno",
                        "anche",
                        "senza",
                        "già",
                        "sì",
                        "più",
                        "questo",
                        "questa",
                        "ciao",
                        "servizio",
                        "vostro",
                        "vostra",
                        "ci",
                        "mi",
                        "ti"));
        WORDS.put(
                "nl",
                words(
                        "de",
                        "het",
                        "een",
                        "en",
                        "is",
                        "niet",
                        "ik",
                        "jullie",
                        "mijn",
                        "met",
                        "voor",
                        "op",
                        "van",
                        "maar",
                        "nog",
                        "steeds",
                        "al",
                        "wat",
                        "waar",
                        "wanneer",
                        "waarom",
                        "hoe",
                        "bedankt",
                        "dank",
                        "heb",
                        "hebben",
                        "zijn",
                        "was",
                        "vandaag",
                        "bestelling",
                        "geen",
                        "ook",
                        "alleen",
                        "graag",
                        "er",
                        "dit",
                        "dat",
                        "deze",
                        "erg",
                        "heel",
                        "jullie",
                        "u",
                        "uw",
                        "je",
                        "we",
                        "wij",
                        "ons",
                        "naar",
                        "om",
                        "te"));
    }

    private static final Map<String, String> LETTERS =
            Map.of("es", "ñ¿¡", "fr", "çœêèàâûî", "de", "ßäöü", "pt", "ãõç", "it", "ìòù", "nl", "");

    /** A word set; a word listed twice is harmless. */
    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** Whether {@code word} (lower case) is an everyday function word of one of the languages ("the", "my", "de"). */
    static boolean isCommonWord(String word) {
        for (Set<String> words : WORDS.values()) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The ISO 639-1 code of the post's language, or null when it cannot tell. */
    public String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Map<String, Double> scores = new LinkedHashMap<>();
        int words = 0;
        for (String raw : lower.split("[^\\p{L}']+")) {
            if (raw.isEmpty()) {
                continue;
            }
            words++;
            for (Map.Entry<String, Set<String>> language : WORDS.entrySet()) {
                if (language.getValue().contains(raw)) {
                    scores.merge(language.getKey(), 1.0, Double::sum);
                }
            }
        }
        for (Map.Entry<String, String> letters : LETTERS.entrySet()) {
            for (char c : letters.getValue().toCharArray()) {
                if (lower.indexOf(c) >= 0) {
                    scores.merge(letters.getKey(), 0.75, Double::sum);
                }
            }
        }
        String best = null;
        double top = 0;
        double second = 0;
        for (Map.Entry<String, Double> score : scores.entrySet()) {
            if (score.getValue() > top) {
                second = top;
                top = score.getValue();
                best = score.getKey();
            } else if (score.getValue() > second) {
                second = score.getValue();
            }
        }
        boolean enough = top >= 2 || (top >= 1 && words <= 3);
        return enough && top > second ? best : null;
    }
}
