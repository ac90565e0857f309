package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.testing.HostileCases;
import dev.heed.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property: whatever a post, its author, the classifier's reasons, a reply or a member's name contains, the mrkdwn
 * Heed sends to Slack holds no special sequence of its own: every {@code <} left after removing Heed's own tokens
 * (dates, the configured mentions, links it built) is gone, so {@code <!channel>}, {@code <!here>},
 * {@code <!everyone>}, {@code <!subteam^...>}, {@code <@U...>} and forged links cannot come from outside.
 */
class HostileRenderingTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final MutableClock CLOCK = MutableClock.at(NOW.toString());
    private static final SlackCards CARDS = new SlackCards(CLOCK);
    private static final SlackChatAdapter ADAPTER = new SlackChatAdapter(
            null,
            CLOCK,
            SlackSettings.defaults(new ChannelRef("slack", "C0CARE"))
                    .withOnDuty(List.of("S0DUTY"))
                    .withManagers(List.of("U0BOSS"), List.of()));
    /** Heed's own tokens: date tokens, the configured and owner mentions, links with Heed's labels. */
    private static final Pattern OWN = Pattern.compile(
            "<!date\\^\\d+\\^[^|<>]*\\|[^<>]*>|<!subteam\\^S0DUTY>|<@U0BOSS>|<@U0OWNER>|<https?://[^\\s<>|]+\\|[^<>|]*>");

    @Property(tries = 300)
    void cardsCarryNoSpecialSequenceFromOutside(@ForAll("views") CaseView view) {
        List<String> mrkdwn = new ArrayList<>();
        collect(GsonFactory.createSnakeCase().toJsonTree(CARDS.blocks(view)), mrkdwn);
        mrkdwn.add(CARDS.fallback(view));

        assertThat(mrkdwn).allSatisfy(HostileRenderingTest::hasNoForeignToken);
    }

    @Property(tries = 200)
    void nudgesMentionOnlyWhomHeedMeans(
            @ForAll("owners") MemberRef owner,
            @ForAll("hostile") String text,
            @ForAll NudgeLevel level,
            @ForAll boolean managers) {
        NudgeNotice nudge = new NudgeNotice(
                7, Kind.COMPLAINT, level, NOW.plusSeconds(600), Duration.ofMinutes(10), owner, managers, false, text);

        hasNoForeignToken(ADAPTER.nudgeText(nudge));
    }

    private static void hasNoForeignToken(String text) {
        String foreign = OWN.matcher(text).replaceAll("");
        assertThat(foreign).as(text).doesNotContain("<");
        assertThat(foreign.replaceAll("&(amp|lt|gt);", ""))
                .as("every & is an escape: %s", text)
                .doesNotContain("&");
    }

    /** Every mrkdwn text object of the blocks. */
    private static void collect(JsonElement element, List<String> out) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, out));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has("type") && object.get("type").getAsString().equals("mrkdwn") && object.has("text")) {
                out.add(object.get("text").getAsString());
            }
            object.entrySet().forEach(e -> collect(e.getValue(), out));
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.of(
                                "<!channel>",
                                "<!here>",
                                "<!everyone>",
                                "<!subteam^S0ALL>",
                                "<!subteam^S0ALL|@all>",
                                "<@U0CEO>",
                                "<@U0CEO|boss>",
                                "<#C0GEN>",
                                "<https://evil.example|Your refund>",
                                "<mailto:a@b.example|mail>",
                                "@channel",
                                "@here",
                                "@everyone",
                                "&",
                                "&lt;!channel&gt;",
                                "&amp;",
                                "<",
                                ">",
                                "|",
                                "\n",
                                "\r\n",
                                "> quote",
                                "*",
                                "_",
                                "~",
                                "`",
                                "```",
                                "\u200B",
                                "😡")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12)));
        return Arbitraries.oneOf(
                piece.list().ofMaxSize(20).map(l -> String.join("", l)),
                piece.list().ofMinSize(200).ofMaxSize(800).map(l -> String.join(" ", l)));
    }

    @Provide
    Arbitrary<MemberRef> owners() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.just(new MemberRef("slack", "U0OWNER", "Ana")),
                hostile().map(name -> new MemberRef("discord", "123456789012345678", name)),
                hostile().map(name -> new MemberRef("slack", "not-an-id " + name, name)));
    }

    @Provide
    Arbitrary<CaseView> views() {
        return HostileCases.views(
                hostile(),
                owners(),
                Arbitraries.oneOf(
                        hostile(),
                        Arbitraries.just("https://x.example/s/1"),
                        hostile().map(s -> "https://x.example/" + s)),
                6);
    }
}
