package dev.heed.app.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.heed.slack.SlackHttp;
import java.security.MessageDigest;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Tokens and Slack signatures are compared in constant time: only {@link MessageDigest#isEqual} (on SHA-256 digests
 * for bearer tokens, so the length does not show either), never {@code String.equals}; and no near miss matches.
 */
class TokensTest {
    private static final String TOKEN = "webhook-token-0123456789";

    @Example
    void secretsAreComparedWithMessageDigestIsEqualOnly() {
        JavaClasses checkers = new ClassFileImporter().importClasses(Tokens.class, SlackHttp.class);

        classes()
                .should()
                .callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .check(checkers);
        noClasses()
                .should()
                .callMethod(String.class, "equals", Object.class)
                .orShould()
                .callMethod(String.class, "equalsIgnoreCase", String.class)
                .orShould()
                .callMethod(String.class, "contentEquals", CharSequence.class)
                .orShould()
                .callMethod(String.class, "compareTo", String.class)
                .orShould()
                .callMethod(Arrays.class, "equals", byte[].class, byte[].class)
                .check(checkers);
    }

    @Example
    void theRightTokenMatchesWhateverTheSchemeCaseAndSurroundingSpace() {
        assertThat(Tokens.bearerMatches("Bearer " + TOKEN, TOKEN)).isTrue();
        assertThat(Tokens.bearerMatches("bearer  " + TOKEN + " ", TOKEN)).isTrue();
        assertThat(Tokens.bearerMatches("BEARER " + TOKEN, " " + TOKEN)).isTrue();
        assertThat(Tokens.bearerMatches(TOKEN, TOKEN)).as("no scheme").isFalse();
        assertThat(Tokens.bearerMatches("Basic " + TOKEN, TOKEN)).isFalse();
        assertThat(Tokens.bearerMatches(null, TOKEN)).isFalse();
        assertThat(Tokens.bearerMatches("Bearer ", TOKEN)).isFalse();
        assertThat(Tokens.bearerMatches("Bearer " + TOKEN, null)).isFalse();
    }

    @Property(tries = 500)
    void noOtherTokenMatchesWhateverItsLength(@ForAll("nearMisses") String given) {
        assertThat(Tokens.bearerMatches("Bearer " + given, TOKEN))
                .as("'%s'", given)
                .isEqualTo(given.strip().equals(TOKEN));
    }

    @Provide
    Arbitrary<String> nearMisses() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        2, Arbitraries.integers().between(0, TOKEN.length() - 1).map(n -> TOKEN.substring(0, n))),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(5).map(tail -> TOKEN + tail)),
                Tuple.of(
                        2,
                        Arbitraries.integers()
                                .between(0, TOKEN.length() - 1)
                                .flatMap(at -> Arbitraries.chars()
                                        .filter(c -> c != TOKEN.charAt(at))
                                        .map(c -> TOKEN.substring(0, at) + c + TOKEN.substring(at + 1)))),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(1, Arbitraries.strings().ofLength(TOKEN.length())),
                Tuple.of(1, Arbitraries.just(TOKEN)));
    }
}
