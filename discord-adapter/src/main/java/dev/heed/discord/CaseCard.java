package dev.heed.discord;

import dev.heed.core.chat.CaseView;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders a {@link CaseView} as a Discord card: one embed (colour by kind; author, source, priority, deadline as a
 * Discord timestamp, owner, state, suggested replies) and the buttons and menus that act on it. Every untrusted
 * string is escaped, and the message allows no mentions at all.
 */
public final class CaseCard {
    /** The footer that identifies a card, so that a card can be found again in the channel's history. */
    static final String FOOTER_PREFIX = "Heed case ";

    /** Discord's limit for all of an embed's text is 6000 characters; keep room for the footer. */
    static final int EMBED_BUDGET = 5800;

    private CaseCard() {}

    public static MessageCreateData create(CaseView view) {
        return new MessageCreateBuilder()
                .setEmbeds(embed(view))
                .setComponents(components(view))
                .setAllowedMentions(EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class))
                .build();
    }

    public static MessageEditData edit(CaseView view) {
        return new MessageEditBuilder()
                .setContent("")
                .setEmbeds(embed(view))
                .setComponents(components(view))
                .setAllowedMentions(EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class))
                .build();
    }

    public static String footer(long caseId) {
        return FOOTER_PREFIX + caseId;
    }

    public static int colour(Kind kind) {
        return switch (kind) {
            case COMPLAINT -> 0xE03E3E;
            case QUESTION -> 0x3B82F6;
            case COMPLIMENT -> 0x22A559;
            case OTHER -> 0x8A8F98;
        };
    }

    static MessageEmbed embed(CaseView view) {
        Post post = view.post();
        EmbedBuilder embed = new EmbedBuilder();
        String title = view.kind().label() + " #" + view.id() + " · "
                + word(view.priority().name()) + " priority";
        embed.setTitle(DiscordText.plain(title, 256), link(post.permalink()));
        embed.setColor(colour(view.kind()));
        String author = post.author().nameOrHandle()
                + (post.author().nameOrHandle().equals(post.author().handle())
                        ? ""
                        : " (" + post.author().handle() + ")");
        embed.setAuthor(DiscordText.plain(author, 256), link(post.author().profileUrl()));
        embed.setDescription(DiscordText.fit(post.text(), 2500));

        String followers =
                post.author().followers() == null ? "" : "\n" + post.author().followers() + " followers";
        embed.addField("Author", DiscordText.fit(post.author().handle(), 200) + followers, true);
        String source = DiscordText.escape(post.source()) + " on "
                + word(post.network().name().replace('_', ' '));
        if (link(post.permalink()) != null) {
            source += post.permalink().length() <= 500
                    ? "\n[open the post](" + post.permalink().replace(")", "%29") + ")"
                    : "";
        }
        embed.addField("Source", DiscordText.fit(source, 1024), true);
        embed.addField("State", state(view), true);

        String priority = word(view.priority().name());
        if (!view.priorityReasons().isEmpty()) {
            priority += ": " + String.join("; ", view.priorityReasons());
        }
        embed.addField("Priority", DiscordText.fit(priority, 400), true);
        embed.addField("Deadline", deadline(view), true);
        embed.addField("Owner", owner(view.owner()), true);
        if (!view.kindReasons().isEmpty()) {
            addWithinBudget(embed, "Why " + view.kind().word(), String.join("; ", view.kindReasons()), 1024);
        }
        if (view.followUps() > 0) {
            embed.addField(
                    "Follow-ups",
                    view.followUps() + " later post" + (view.followUps() == 1 ? "" : "s") + " by the same author",
                    false);
        }
        if (view.replyText() != null) {
            addWithinBudget(embed, "Reply recorded", view.replyText(), 800);
        } else if (view.state().isOpen()) {
            int n = 1;
            for (SuggestedReply reply : view.suggestions().stream().limit(3).toList()) {
                String name = DiscordText.plain(n++ + ". " + reply.label(), 100);
                String text = DiscordText.fit(reply.text(), 1024);
                if (embed.length() + name.length() + text.length() > EMBED_BUDGET) {
                    break; // Discord refuses embeds over 6000 characters; the reply buttons still offer them all
                }
                embed.addField(name, text, false);
            }
        }
        if (view.dismissReason() != null) {
            addWithinBudget(embed, "Dismissed", view.dismissReason(), 1024);
        }
        embed.setFooter(footer(view.id()));
        embed.setTimestamp(view.detectedAt());
        int over = embed.length() - EMBED_BUDGET;
        if (over > 0) {
            // Long names, reasons and links all at once: the post's text gives way (its link stays on the title).
            embed.setDescription(DiscordText.fit(
                    post.text(), Math.max(1, embed.getDescriptionBuilder().length() - over)));
        }
        return embed.build();
    }

    /** Adds a field cut to what is left of the embed's budget (Discord refuses embeds over 6000 characters). */
    private static void addWithinBudget(EmbedBuilder embed, String name, String raw, int limit) {
        int room = Math.min(limit, EMBED_BUDGET - embed.length() - name.length());
        if (room >= 20) {
            embed.addField(name, DiscordText.fit(raw, room), false);
        }
    }

    static String deadline(CaseView view) {
        if (view.dueAt() == null) {
            return "none";
        }
        long due = view.dueAt().getEpochSecond();
        if (view.state().awaitsResponse()) {
            return "<t:" + due + ":R> (<t:" + due + ":t>)";
        }
        if (view.firstResponseAt() != null) {
            long answered = view.firstResponseAt().getEpochSecond();
            return (answered <= due ? "met: " : "missed: ") + "answered <t:" + answered + ":R>, due <t:" + due + ":t>";
        }
        return "closed without a response (was due <t:" + due + ":t>)";
    }

    static String state(CaseView view) {
        String state = switch (view.state()) {
            case NEW -> "🆕 New, unclaimed";
            case CLAIMED -> "👀 Claimed";
            case RESPONDED -> "✅ Responded";
            case RESOLVED -> "✔️ Resolved";
            case DISMISSED -> "🚫 Not relevant";
        };
        Instant snoozed = view.snoozedUntil();
        if (snoozed != null && view.state().awaitsResponse()) {
            state += "\n💤 snoozed until <t:" + snoozed.getEpochSecond() + ":t>";
        }
        return state;
    }

    static String owner(MemberRef owner) {
        if (owner == null) {
            return "nobody yet";
        }
        if (owner.platform().equals(DiscordChatAdapter.PLATFORM) && owner.id().matches("\\d{1,20}")) {
            return "<@" + owner.id() + ">"; // inside an embed this never pings
        }
        return DiscordText.fit(owner.displayName(), 200) + " (" + DiscordText.escape(owner.platform()) + ")";
    }

    static List<ActionRow> components(CaseView view) {
        long id = view.id();
        List<ActionRow> rows = new ArrayList<>();
        CaseState state = view.state();
        if (state.awaitsResponse()) {
            rows.add(ActionRow.of(
                    state == CaseState.NEW
                            ? Button.primary(CustomId.of("claim", id), "Claim")
                            : Button.secondary(CustomId.of("release", id), "Release"),
                    Button.success(CustomId.of("responded", id), "Responded"),
                    Button.secondary(CustomId.of("resolve", id), "Resolve"),
                    Button.danger(CustomId.of("dismiss", id), "Not relevant")));
            rows.add(ActionRow.of(StringSelectMenu.create(CustomId.of("snooze", id))
                    .setPlaceholder("Snooze nudges…")
                    .addOption("15 minutes", "15m")
                    .addOption("1 hour", "1h")
                    .addOption("Until tomorrow 09:00", "tomorrow")
                    .build()));
        } else if (state == CaseState.RESPONDED) {
            rows.add(ActionRow.of(
                    Button.secondary(CustomId.of("resolve", id), "Resolve"),
                    Button.danger(CustomId.of("dismiss", id), "Not relevant")));
        }
        if (state.isOpen()) {
            StringSelectMenu.Builder kinds =
                    StringSelectMenu.create(CustomId.of("kind", id)).setPlaceholder("Reclassify…");
            for (Kind kind : Kind.values()) {
                if (kind != view.kind()) {
                    kinds.addOption(kind.label(), kind.name().toLowerCase(Locale.ROOT));
                }
            }
            rows.add(ActionRow.of(kinds.build()));
            List<Button> replies = new ArrayList<>();
            for (int i = 0; i < Math.min(3, view.suggestions().size()); i++) {
                replies.add(Button.secondary(
                        CustomId.of("reply", id, i),
                        DiscordText.plain(
                                "Use reply " + (i + 1) + ": "
                                        + view.suggestions().get(i).label(),
                                80)));
            }
            if (!replies.isEmpty()) {
                rows.add(ActionRow.of(replies));
            }
        }
        return rows;
    }

    private static String link(String url) {
        return url != null && url.matches("https?://\\S{1,1800}") ? url : null;
    }

    private static String word(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
