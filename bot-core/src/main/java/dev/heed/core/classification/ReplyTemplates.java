package dev.heed.core.classification;

import dev.heed.core.model.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The reply templates for each kind, in the order they are suggested. A kind without templates gets no
 * suggestions.
 *
 * <p>The {@link #defaults() defaults} follow social-care.md: a complaint gets a public, human acknowledgement,
 * thanks, an apology without blame and an easy private channel (never an argument, never a promise of a refund
 * or compensation); praise gets a personal thank-you and at most one suggestion asking for a review (only when
 * the brand has a review link); a question gets a pointer to where it will be answered; anything else gets one
 * light acknowledgement.
 *
 * @param byKind templates per kind; copied, no nulls
 */
public record ReplyTemplates(Map<Kind, List<ReplyTemplate>> byKind) {

    public ReplyTemplates {
        Objects.requireNonNull(byKind, "byKind");
        Map<Kind, List<ReplyTemplate>> copy = new EnumMap<>(Kind.class);
        byKind.forEach((kind, templates) -> copy.put(
                Objects.requireNonNull(kind, "kind"), List.copyOf(Objects.requireNonNull(templates, "templates"))));
        byKind = Map.copyOf(copy);
    }

    /** The templates for a kind; empty when none are configured. */
    public List<ReplyTemplate> forKind(Kind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** The English defaults. */
    public static ReplyTemplates defaults() {
        return ENGLISH;
    }

    /**
     * The defaults for an ISO 639-1 language code ({@code es}, {@code fr}, {@code de}, also {@code es-MX}); English
     * for null or any other language.
     */
    public static ReplyTemplates defaults(String language) {
        return TRANSLATIONS.getOrDefault(languageCode(language), ENGLISH);
    }

    /** The non-English defaults by language code: {@code es}, {@code fr}, {@code de}. */
    public static Map<String, ReplyTemplates> defaultTranslations() {
        return TRANSLATIONS;
    }

    /** {@code es-MX} -> {@code es}; null or blank -> {@code ""}. */
    static String languageCode(String language) {
        if (language == null || language.isBlank()) {
            return "";
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        int cut = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        return cut > 0 ? code.substring(0, cut) : code;
    }

    private static ReplyTemplate t(String label, String text) {
        return new ReplyTemplate(label, text);
    }

    private static final ReplyTemplates ENGLISH = new ReplyTemplates(Map.of(
            Kind.COMPLAINT,
            List.of(
                    t(
                            "Apologise + DM",
                            "Hi {name}, thank you for telling us, and we're really sorry about {topic}. That's not"
                                    + " what we want for you. Could you get in touch via {support} so we can look"
                                    + " into it properly? {signoff}"),
                    t(
                            "Thanks + take it private",
                            "{name}, thanks for flagging this, and sorry {topic} let you down. We'd like to sort it"
                                    + " out with you: please reach us via {support}. {signoff}"),
                    t(
                            "Short + human",
                            "Sorry to hear this, {name}, and thanks for letting us know. Please get in touch via"
                                    + " {support} and we'll take it from there. {signoff}")),
            Kind.QUESTION,
            List.of(
                    t(
                            "Happy to help",
                            "Hi {name}, happy to help with {topic}! The quickest way to an answer is via {support},"
                                    + " and we'll get back to you. {signoff}"),
                    t(
                            "Ask for details",
                            "Thanks for asking, {name}! Could you send us a few details via {support}? Then we can"
                                    + " give you a proper answer. {signoff}"),
                    t(
                            "Point to help",
                            "Good question, {name}. Drop us a line via {support} and someone from {brand} will get"
                                    + " back to you. {signoff}")),
            Kind.COMPLIMENT,
            List.of(
                    t(
                            "Thank you",
                            "Thank you so much, {name}! We're so glad you enjoyed {topic}, and it means a lot to the"
                                    + " whole team. {signoff}"),
                    t(
                            "Warm thanks",
                            "{name}, this made our day. Thanks for the kind words, we'll pass them on to the team!"
                                    + " {signoff}"),
                    t(
                            "Thanks + review",
                            "Thank you, {name}! If you have a minute, a quick review at {review} would really help"
                                    + " others find {brand}. {signoff}")),
            Kind.OTHER,
            List.of(t("Acknowledge", "Thanks for the mention, {name}! {signoff}"))));

    private static final ReplyTemplates SPANISH = new ReplyTemplates(Map.of(
            Kind.COMPLAINT,
            List.of(
                    t(
                            "Disculpa + privado",
                            "Hola {name}, gracias por contárnoslo y sentimos mucho lo ocurrido. ¿Nos escribes por"
                                    + " {support} para que podamos revisarlo? {signoff}"),
                    t(
                            "Gracias + seguimiento",
                            "{name}, gracias por avisarnos y perdona las molestias. Escríbenos por {support} y lo"
                                    + " vemos contigo. {signoff}")),
            Kind.QUESTION,
            List.of(
                    t(
                            "Ayuda",
                            "¡Hola {name}! Con gusto te ayudamos: escríbenos por {support} y te respondemos."
                                    + " {signoff}"),
                    t(
                            "Detalles",
                            "Gracias por preguntar, {name}. ¿Nos mandas algunos detalles por {support}? Así te damos"
                                    + " una respuesta concreta. {signoff}")),
            Kind.COMPLIMENT,
            List.of(
                    t(
                            "Gracias",
                            "¡Muchas gracias, {name}! Nos alegra mucho que te haya gustado, se lo diremos a todo el"
                                    + " equipo. {signoff}"),
                    t("Gracias de corazón", "{name}, ¡nos has alegrado el día! Gracias por tus palabras. {signoff}"),
                    t(
                            "Gracias + reseña",
                            "¡Gracias, {name}! Si tienes un momento, una reseña en {review} ayudaría mucho a que"
                                    + " otros conozcan {brand}. {signoff}")),
            Kind.OTHER,
            List.of(t("Reconocer", "¡Gracias por la mención, {name}! {signoff}"))));

    private static final ReplyTemplates FRENCH = new ReplyTemplates(Map.of(
            Kind.COMPLAINT,
            List.of(
                    t(
                            "Excuses + privé",
                            "Bonjour {name}, merci de nous l'avoir signalé, et toutes nos excuses. Pouvez-vous nous"
                                    + " écrire par {support} pour que nous puissions regarder cela ? {signoff}"),
                    t(
                            "Merci + suivi",
                            "{name}, merci pour votre retour et désolés pour cette expérience. Écrivez-nous par"
                                    + " {support}, nous allons nous en occuper. {signoff}")),
            Kind.QUESTION,
            List.of(
                    t(
                            "Aide",
                            "Bonjour {name}, avec plaisir ! Écrivez-nous par {support} et nous vous répondrons."
                                    + " {signoff}"),
                    t(
                            "Détails",
                            "Merci pour votre question, {name} ! Pouvez-vous nous donner quelques détails par"
                                    + " {support} ? Nous vous répondrons au plus vite. {signoff}")),
            Kind.COMPLIMENT,
            List.of(
                    t(
                            "Merci",
                            "Merci beaucoup, {name} ! Ravis que cela vous ait plu, nous transmettons à toute"
                                    + " l'équipe. {signoff}"),
                    t(
                            "Merci chaleureux",
                            "{name}, vous avez illuminé notre journée ! Merci pour ce message. {signoff}"),
                    t(
                            "Merci + avis",
                            "Merci, {name} ! Si vous avez une minute, un avis sur {review} aiderait d'autres personnes"
                                    + " à découvrir {brand}. {signoff}")),
            Kind.OTHER,
            List.of(t("Remercier", "Merci pour la mention, {name} ! {signoff}"))));

    private static final ReplyTemplates GERMAN = new ReplyTemplates(Map.of(
            Kind.COMPLAINT,
            List.of(
                    t(
                            "Entschuldigung + privat",
                            "Hallo {name}, danke, dass du uns Bescheid gibst, und es tut uns wirklich leid. Schreib"
                                    + " uns bitte per {support}, damit wir uns das genau ansehen können. {signoff}"),
                    t(
                            "Danke + Nachfassen",
                            "{name}, danke für dein Feedback, und entschuldige bitte den Ärger. Melde dich per"
                                    + " {support}, dann kümmern wir uns darum. {signoff}")),
            Kind.QUESTION,
            List.of(
                    t(
                            "Hilfe",
                            "Hallo {name}, wir helfen gern! Schreib uns per {support}, dann bekommst du eine Antwort."
                                    + " {signoff}"),
                    t(
                            "Details",
                            "Danke für deine Frage, {name}! Schickst du uns ein paar Details per {support}? Dann"
                                    + " können wir dir genau antworten. {signoff}")),
            Kind.COMPLIMENT,
            List.of(
                    t(
                            "Danke",
                            "Vielen Dank, {name}! Schön, dass es dir gefallen hat, wir geben das ans ganze Team"
                                    + " weiter. {signoff}"),
                    t("Herzlichen Dank", "{name}, du hast uns den Tag versüßt! Danke für die lieben Worte. {signoff}"),
                    t(
                            "Danke + Bewertung",
                            "Danke, {name}! Wenn du kurz Zeit hast, hilft eine Bewertung unter {review} anderen,"
                                    + " {brand} zu finden. {signoff}")),
            Kind.OTHER,
            List.of(t("Bestätigen", "Danke fürs Erwähnen, {name}! {signoff}"))));

    private static final Map<String, ReplyTemplates> TRANSLATIONS = Map.of("es", SPANISH, "fr", FRENCH, "de", GERMAN);
}
