package dev.heed.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.DispatchActionConfig;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.heed.core.chat.CaseView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Use this reply" modal: the suggestion in an editable box, a length count against the network's limit that
 * follows the typing (the input dispatches on every character), and a link to the post. Submitting records the
 * reply and marks the case responded.
 */
final class SlackModals {

    View reply(CaseView card, String text) {
        int limit = card.post().network().replyLimit();
        int length = SlackText.graphemes(text);
        String network = card.post().network().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        List<LayoutBlock> blocks = new ArrayList<>();
        String link = SlackText.link(card.post().permalink(), "Open the post");
        blocks.add(section(s -> s.text(markdownText("Reply to *"
                + SlackText.inline(card.post().author().nameOrHandle(), 200) + "* on " + network + " | " + link
                + "\n" + SlackText.quote(card.post().text(), 600).mrkdwn()))));
        blocks.add(input(i -> i.blockId(SlackBot.REPLY_BLOCK)
                .label(plainText("Your reply (post it on " + network + ", then submit here)"))
                .dispatchAction(true)
                .element(PlainTextInputElement.builder()
                        .actionId(SlackBot.REPLY_TEXT)
                        .multiline(true)
                        .initialValue(text)
                        .dispatchActionConfig(DispatchActionConfig.builder()
                                .triggerActionsOn(List.of("on_character_entered"))
                                .build())
                        .build())));
        String count = (length > limit ? ":red_circle: " : "") + length + " / " + limit + " characters";
        blocks.add(context(c -> c.blockId("count").elements(List.of(markdownText(count)))));
        return View.builder()
                .type("modal")
                .callbackId(SlackBot.REPLY_MODAL)
                .privateMetadata(Long.toString(card.id()))
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text("Reply to case #" + card.id())
                        .build())
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text("Mark responded")
                        .build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }
}
