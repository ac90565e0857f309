package dev.heed.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.StormView;
import dev.heed.core.model.CaseState;
import java.util.ArrayList;
import java.util.List;

/**
 * Storm cards and the case lists in their threads. Each listed case is a section with its own Claim button
 * ({@code heed_claim_<case>}: Slack wants action ids unique within a message), handled like a card's Claim.
 */
final class SlackStorms {
    /** Prefix of the per-case Claim buttons in a storm's thread. */
    static final String CLAIM_LISTED = SlackCards.CLAIM + "_";

    private SlackStorms() {}

    static List<LayoutBlock> card(StormView storm) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = (storm.active() ? ":tornado: *Storm*" : ":white_check_mark: *Storm over*") + " | "
                + SlackText.inline(storm.source(), 64) + " | storm #" + storm.id();
        blocks.add(section(s -> s.blockId("heed_storm_" + storm.id()).text(markdownText(title))));
        String counts = "*" + storm.cases() + " cases* since " + SlackText.date(storm.startedAt()) + ": "
                + storm.unclaimed() + " unclaimed, " + storm.claimed() + " claimed, " + storm.responded()
                + " responded. Each is listed in this thread with a Claim button; urgent ones also get their own card.";
        blocks.add(section(s -> s.text(markdownText(counts))));
        String words = storm.topWords().isEmpty()
                ? "Top words: none yet"
                : "Top words: " + SlackText.inline(String.join(", ", storm.topWords()), 300);
        String reach = storm.authors() + " authors, reach " + storm.reach() + " followers"
                + (storm.loudest() == null
                        ? ""
                        : "; loudest: " + SlackText.inline(storm.loudest(), 80) + " (" + storm.loudestFollowers()
                                + ")");
        blocks.add(context(c -> c.elements(List.of(markdownText(words), markdownText(reach)))));
        return blocks;
    }

    static String fallback(StormView storm) {
        return SlackText.inline(
                (storm.active() ? "Storm" : "Storm over") + " from " + storm.source() + ": " + storm.cases() + " cases",
                300);
    }

    static List<LayoutBlock> list(List<CaseView> cases) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (CaseView c : cases) {
            String line =
                    "*#" + c.id() + "* " + SlackText.inline(c.post().author().nameOrHandle(), 60)
                            + (c.post().author().followers() == null
                                    ? ""
                                    : " (" + c.post().author().followers() + ")")
                            + ": " + SlackText.inline(SlackText.cut(c.post().text(), 140), 600)
                            + (c.post().permalink() == null
                                    ? ""
                                    : " " + SlackText.link(c.post().permalink(), "post"));
            if (c.state() == CaseState.NEW) {
                blocks.add(section(s -> s.text(markdownText(line))
                        .accessory(ButtonElement.builder()
                                .actionId(CLAIM_LISTED + c.id())
                                .text(plainText("Claim"))
                                .value(Long.toString(c.id()))
                                .build())));
            } else {
                String state = c.owner() == null
                        ? c.state().name().toLowerCase(java.util.Locale.ROOT)
                        : "owned by " + SlackCards.member(c.owner());
                blocks.add(section(s -> s.text(markdownText(line + " _(" + state + ")_"))));
            }
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("Claim here, or `/care assign <case> @person`.")))));
        return blocks;
    }

    static String listFallback(List<CaseView> cases) {
        return "Cases "
                + cases.stream()
                        .map(c -> "#" + c.id())
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("");
    }
}
