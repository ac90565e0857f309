package dev.heed.discord;

import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.StormView;
import dev.heed.core.model.CaseState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A storm card (one embed for many cases of one source) and the case lists in its thread: a line per case and a
 * {@code Claim #n} button per case ({@code heed:claim:<case>}, handled like a card's Claim), five to a row.
 */
final class StormCard {
    static final String FOOTER_PREFIX = "Heed storm ";
    private static final int STORM_COLOUR = 0x8E44AD;

    private StormCard() {}

    static MessageCreateData create(StormView storm) {
        return new MessageCreateBuilder()
                .setEmbeds(embed(storm))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    static MessageEditData edit(StormView storm) {
        return new MessageEditBuilder()
                .setEmbeds(embed(storm))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    static String footer(long stormId) {
        return FOOTER_PREFIX + stormId;
    }

    static MessageEmbed embed(StormView storm) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(STORM_COLOUR)
                .setTitle(DiscordText.plain(
                        (storm.active() ? "🌪️ Storm from " : "✅ Storm over: ") + storm.source(), 200))
                .setDescription(storm.cases() + " cases since <t:"
                        + storm.startedAt().getEpochSecond() + ":R>: "
                        + storm.unclaimed() + " unclaimed, " + storm.claimed() + " claimed, " + storm.responded()
                        + " responded. Each is listed in this thread with a Claim button; urgent ones also get their"
                        + " own card.")
                .addField(
                        "Top words",
                        storm.topWords().isEmpty()
                                ? "none yet"
                                : DiscordText.fit(DiscordText.escape(String.join(", ", storm.topWords())), 1000),
                        false)
                .addField(
                        "Reach",
                        storm.authors() + " authors, " + storm.reach() + " followers"
                                + (storm.loudest() == null
                                        ? ""
                                        : "; loudest: " + DiscordText.fit(DiscordText.escape(storm.loudest()), 100)
                                                + " (" + storm.loudestFollowers() + ")"),
                        false)
                .setFooter(footer(storm.id()));
        return embed.build();
    }

    /** At most 20 cases: 20 lines of at most ~95 characters and 4 rows of 5 buttons fit Discord's limits. */
    static MessageCreateData list(List<CaseView> cases) {
        StringBuilder content = new StringBuilder();
        List<Button> buttons = new ArrayList<>();
        for (CaseView c : cases) {
            content.append("**#")
                    .append(c.id())
                    .append("** ")
                    .append(DiscordText.escape(
                            DiscordText.plain(c.post().author().nameOrHandle(), 24)))
                    .append(": ")
                    .append(DiscordText.escape(DiscordText.plain(c.post().text().replace('\n', ' '), 50)))
                    .append('\n');
            if (c.state() == CaseState.NEW) {
                buttons.add(Button.primary(CustomId.of("claim", c.id()), "Claim #" + c.id()));
            }
        }
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += 5) {
            rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + 5))));
        }
        return new MessageCreateBuilder()
                .setContent(DiscordText.fit(content.toString(), 2000))
                .setComponents(rows)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }
}
