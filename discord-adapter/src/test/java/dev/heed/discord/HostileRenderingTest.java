package dev.heed.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.testing.HostileCases;
import dev.heed.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property: whatever a post, its author, the reasons, a reply or a member's name contains, a card or a nudge sent to
 * Discord can ping nobody but whom Heed means: allowed mentions parse nothing, only the owner and the configured
 * roles are listed, and the markdown text holds no unescaped mention, {@code @everyone} or {@code @here}.
 */
class HostileRenderingTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final long OWNER = 111111111111111111L;
    private static final long MANAGERS = 345678901234567890L;
    private static final long ON_DUTY = 456789012345678901L;
    private static final DiscordChatAdapter ADAPTER = new DiscordChatAdapter(
            null,
            new DiscordSettings(
                    "t",
                    1L,
                    2L,
                    MANAGERS,
                    ON_DUTY,
                    DiscordSettings.DEFAULT_REST_URL,
                    DiscordSettings.DEFAULT_GATEWAY_URL,
                    ZoneOffset.UTC,
                    Duration.ofSeconds(10),
                    5,
                    Duration.ofSeconds(5)),
            MutableClock.at(NOW.toString()));
    /** Mention syntax that is not escaped with a backslash. */
    private static final Pattern MENTION = Pattern.compile("(?<!\\\\)<(@[!&]?|#)(\\d+)>");

    @Property(tries = 300)
    void cardsPingNobody(@ForAll("views") CaseView view) {
        MessageCreateData card = CaseCard.create(view);

        DataObject allowed = card.toData().getObject("allowed_mentions");
        assertThat(allowed.getArray("parse").length()).isZero();
        assertThat(allowed.optArray("users").map(DataArray::length).orElse(0)).isZero();
        assertThat(allowed.optArray("roles").map(DataArray::length).orElse(0)).isZero();
        List<String> markdown = new ArrayList<>();
        markdown.add(card.getContent());
        for (MessageEmbed embed : card.getEmbeds()) {
            markdown.add(embed.getDescription());
            embed.getFields().forEach(f -> markdown.add(f.getValue()));
        }
        assertThat(markdown).allSatisfy(text -> {
            String own = text == null ? "" : text.replace("<@" + OWNER + ">", "");
            assertThat(own).doesNotContain("@everyone", "@here");
            assertThat(MENTION.matcher(own).find()).as(text).isFalse();
        });
    }

    @Property(tries = 200)
    void nudgesMentionOnlyTheOwnerAndTheConfiguredRoles(
            @ForAll("owners") MemberRef owner,
            @ForAll("shortText") String text,
            @ForAll NudgeLevel level,
            @ForAll boolean managers,
            @ForAll boolean inChannel) {
        NudgeNotice nudge = new NudgeNotice(
                7, Kind.COMPLAINT, level, NOW.plusSeconds(600), Duration.ofMinutes(10), owner, managers, false, text);

        MessageCreateData message = ADAPTER.nudge(nudge, inChannel);

        DataObject allowed = message.toData().getObject("allowed_mentions");
        assertThat(allowed.getArray("parse").length()).isZero();
        assertThat(allowed.optArray("users").map(DataArray::toList).orElse(List.of()))
                .allSatisfy(id -> assertThat(id).hasToString(Long.toString(OWNER)));
        assertThat(allowed.optArray("roles").map(DataArray::toList).orElse(List.of()))
                .allSatisfy(id -> assertThat(id.toString()).isIn(Long.toString(MANAGERS), Long.toString(ON_DUTY)));
        String own = message.getContent()
                .replace("<@" + OWNER + ">", "")
                .replace("<@&" + MANAGERS + ">", "")
                .replace("<@&" + ON_DUTY + ">", "");
        assertThat(own).doesNotContain("@everyone", "@here");
        assertThat(MENTION.matcher(own).find()).as(message.getContent()).isFalse();
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.of(
                                "@everyone",
                                "@here",
                                "@",
                                "<@222222222222222222>",
                                "<@!222222222222222222>",
                                "<@&345678901234567890>",
                                "<#234567890123456789>",
                                "\\<@222222222222222222>",
                                "\\",
                                "<",
                                ">",
                                "`",
                                "```",
                                "*",
                                "_",
                                "~~",
                                "||",
                                "[link](https://evil.example)",
                                "# heading",
                                "\n",
                                "\r\n",
                                "\u200B",
                                "😡")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12)));
        return Arbitraries.oneOf(
                piece.list().ofMaxSize(20).map(l -> String.join("", l)),
                piece.list().ofMinSize(200).ofMaxSize(800).map(l -> String.join(" ", l)));
    }

    /** Nudge sentences come from the core and are short; they are fuzzed for their characters, not their length. */
    @Provide
    Arbitrary<String> shortText() {
        return hostile().filter(s -> s.length() < 400);
    }

    @Provide
    Arbitrary<MemberRef> owners() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.just(new MemberRef("discord", Long.toString(OWNER), "Ana")),
                hostile().map(name -> new MemberRef("slack", "U0ANA", name)),
                hostile().map(name -> new MemberRef("discord", "not-a-snowflake " + name, name)));
    }

    @Provide
    Arbitrary<CaseView> views() {
        return HostileCases.views(
                hostile(), owners(), Arbitraries.oneOf(hostile(), Arbitraries.just("https://x.example/1")), 4);
    }
}
