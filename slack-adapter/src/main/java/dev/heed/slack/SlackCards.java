package dev.heed.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.StaticSelectElement;
import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.HumanDuration;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.Author;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a case as a Block Kit card: what the post says and who wrote it, why it has its kind and priority, the
 * deadline as Slack date tokens (each reader sees their own time zone), the owner and state, the buttons, and the
 * suggested replies. Every untrusted string goes through {@link SlackText}. Stays within Block Kit limits (50
 * blocks, 3000 characters per section, 25 elements per actions block).
 */
public final class SlackCards {
    public static final String CLAIM = "heed_claim";
    public static final String RELEASE = "heed_release";
    public static final String RESPONDED = "heed_responded";
    public static final String RESOLVE = "heed_resolve";
    public static final String SNOOZE = "heed_snooze";
    public static final String DISMISS = "heed_dismiss";
    public static final String RECLASSIFY = "heed_reclassify";
    /** Followed by the suggestion's index: {@code heed_use_reply_0}. */
    public static final String USE_REPLY = "heed_use_reply_";

    static final int SECTION_MAX = 3000;
    static final int QUOTE_MAX = 2800;
    static final int MAX_SUGGESTIONS = 5;

    static final List<String> DISMISS_REASONS = List.of("spam", "off-topic", "not about us", "duplicate", "automated");

    private final Clock clock;

    public SlackCards(Clock clock) {
        this.clock = clock;
    }

    /** The card's blocks. */
    public List<LayoutBlock> blocks(CaseView card) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String id = Long.toString(card.id());
        blocks.add(section(s -> s.blockId("heed_head_" + id).text(markdownText(heading(card)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(reasons(card))))));
        blocks.add(section(s -> s.text(markdownText(author(card)))));
        SlackText.Quote quote = SlackText.quote(card.post().text(), QUOTE_MAX);
        String postText = quote.mrkdwn().isEmpty() ? "_(no text)_" : quote.mrkdwn();
        if (quote.cut()) {
            postText += "\n" + SlackText.link(card.post().permalink(), "Read the whole post");
        }
        String finalPostText = postText;
        blocks.add(section(s -> s.text(markdownText(finalPostText))));
        blocks.add(context(c -> c.elements(List.of(markdownText(times(card))))));
        blocks.add(section(s -> s.blockId("heed_state_" + id).text(markdownText(stateLine(card)))));
        List<BlockElement> buttons = buttons(card);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("heed_actions_" + id).elements(buttons)));
        }
        if (card.state().isOpen()) {
            List<SuggestedReply> suggestions = card.suggestions();
            for (int i = 0; i < suggestions.size() && i < MAX_SUGGESTIONS; i++) {
                SuggestedReply reply = suggestions.get(i);
                String text =
                        "*" + SlackText.inline(reply.label(), 80) + "*\n" + SlackText.escapeWithin(reply.text(), 2800);
                int index = i;
                blocks.add(section(s -> s.text(markdownText(text))
                        .accessory(ButtonElement.builder()
                                .actionId(USE_REPLY + index)
                                .text(plainText("Use this reply"))
                                .value(id + ":" + index)
                                .build())));
            }
        }
        return blocks;
    }

    /** The notification and screen-reader text of a card; never mentions anyone. */
    public String fallback(CaseView card) {
        return SlackText.inline(
                card.kind().label() + " from " + card.post().author().nameOrHandle() + " (case #" + card.id() + "): "
                        + SlackText.cut(card.post().text(), 150),
                300);
    }

    String heading(CaseView card) {
        String emoji = switch (card.kind()) {
            case COMPLAINT -> ":rotating_light:";
            case QUESTION -> ":question:";
            case COMPLIMENT -> ":sparkles:";
            case OTHER -> ":speech_balloon:";
        };
        return emoji + " *" + card.kind().label() + "*, "
                + card.priority().name().toLowerCase(Locale.ROOT)
                + " priority | case #" + card.id()
                + (card.followUps() > 0
                        ? " | " + card.followUps() + " follow-up" + (card.followUps() == 1 ? "" : "s")
                        : "");
    }

    static String reasons(CaseView card) {
        List<String> why = new ArrayList<>(card.kindReasons());
        if (!card.priorityReasons().isEmpty()) {
            why.add("priority: " + String.join("; ", card.priorityReasons()));
        }
        String text = why.isEmpty() ? "no particular reason" : String.join(" | ", why);
        return "Why: " + SlackText.inline(text, 1500);
    }

    static String author(CaseView card) {
        Author author = card.post().author();
        StringBuilder line = new StringBuilder("From *")
                .append(SlackText.inline(author.nameOrHandle(), 200))
                .append("*");
        List<String> details = new ArrayList<>();
        if (author.displayName() != null && !author.displayName().isBlank()) {
            details.add(SlackText.inline(author.handle(), 200));
        }
        if (author.followers() != null) {
            details.add(String.format(Locale.ROOT, "%,d followers", author.followers()));
        }
        if (!details.isEmpty()) {
            line.append(" (").append(String.join(", ", details)).append(")");
        }
        line.append(" on ")
                .append(SlackText.inline(card.post().source(), 64))
                .append(" (")
                .append(card.post().network().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(")");
        String link = SlackText.link(card.post().permalink(), "Open the post");
        if (!link.equals("Open the post")) {
            line.append(" | ").append(link);
        }
        return line.toString();
    }

    static String times(CaseView card) {
        String text = "Detected " + SlackText.date(card.detectedAt());
        if (card.dueAt() != null) {
            text += " | due " + SlackText.date(card.dueAt());
        } else {
            text += " | no deadline";
        }
        return text;
    }

    /** "Unclaimed, due in 12 min" / "Claimed by @ana, overdue by 5 min" / "Responded by @ana" ... */
    public String stateLine(CaseView card) {
        Instant now = clock.instant();
        String who = card.owner() == null ? null : member(card.owner());
        String line = switch (card.state()) {
            case NEW -> ":large_orange_circle: *Unclaimed*";
            case CLAIMED -> ":large_blue_circle: *Claimed by " + who + "*";
            case RESPONDED ->
                ":white_check_mark: *Responded*" + (who == null ? "" : " by " + who)
                        + (card.firstResponseAt() == null ? "" : " " + SlackText.date(card.firstResponseAt()));
            case RESOLVED -> ":heavy_check_mark: *Resolved*" + (who == null ? "" : " (owner " + who + ")");
            case DISMISSED ->
                ":no_entry_sign: *Dismissed*: "
                        + SlackText.inline(card.dismissReason() == null ? "not relevant" : card.dismissReason(), 200);
        };
        if (card.state().awaitsResponse() && card.dueAt() != null) {
            Duration left = Duration.between(now, card.dueAt());
            line += left.isNegative() ? ", overdue by " + HumanDuration.of(left) : ", due in " + HumanDuration.of(left);
        }
        if (card.state().awaitsResponse() && card.snoozedAt(now)) {
            line += " | nudges snoozed until " + SlackText.date(card.snoozedUntil());
        }
        if (card.replyText() != null && card.state() != CaseState.NEW) {
            line += "\nReply: " + SlackText.inline(card.replyText(), 1500);
        }
        return line;
    }

    /** A member as a Slack mention when they are a Slack user, else their escaped name. */
    static String member(MemberRef member) {
        if (member.platform().equals(SlackSettings.PLATFORM) && member.id().matches("[UW][A-Z0-9]+")) {
            return "<@" + member.id() + ">";
        }
        return SlackText.inline(member.displayName(), 100);
    }

    private static List<BlockElement> buttons(CaseView card) {
        String id = Long.toString(card.id());
        List<BlockElement> elements = new ArrayList<>();
        CaseState state = card.state();
        if (state == CaseState.NEW) {
            elements.add(button(CLAIM, "Claim", id, "primary"));
        } else if (state == CaseState.CLAIMED) {
            elements.add(button(RELEASE, "Release", id, null));
        }
        if (state.awaitsResponse()) {
            elements.add(button(RESPONDED, "Responded", id, state == CaseState.CLAIMED ? "primary" : null));
        }
        if (state.isOpen()) {
            elements.add(button(RESOLVE, "Resolve", id, null));
        }
        if (state.awaitsResponse()) {
            elements.add(select(
                    SNOOZE,
                    "Snooze",
                    List.of(
                            option(plainText("15 min"), id + ":15m"),
                            option(plainText("1 hour"), id + ":1h"),
                            option(plainText("Until tomorrow"), id + ":tomorrow"))));
            List<OptionObject> reasons = new ArrayList<>();
            for (String reason : DISMISS_REASONS) {
                reasons.add(option(plainText(reason), id + ":" + reason));
            }
            elements.add(select(DISMISS, "Not relevant", reasons));
        }
        if (state.isOpen()) {
            List<OptionObject> kinds = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                if (kind != card.kind()) {
                    kinds.add(option(plainText(kind.label()), id + ":" + kind.name()));
                }
            }
            elements.add(select(RECLASSIFY, "Reclassify", kinds));
        }
        return elements;
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return ButtonElement.builder()
                .actionId(actionId)
                .text(plainText(label))
                .value(value)
                .style(style)
                .build();
    }

    private static StaticSelectElement select(String actionId, String placeholder, List<OptionObject> options) {
        return StaticSelectElement.builder()
                .actionId(actionId)
                .placeholder(plainText(placeholder))
                .options(options)
                .build();
    }
}
