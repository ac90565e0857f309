package dev.heed.slack;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.chat.CaseView;
import dev.heed.core.model.MemberRef;
import dev.heed.core.report.CareReports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The App Home tab: the member's own open cases and the team's status. */
final class SlackHome {
    private final CaseViews views;
    private final CareReports reports;
    private final Clock clock;

    SlackHome(CaseViews views, CareReports reports, Clock clock) {
        this.views = views;
        this.reports = reports;
        this.clock = clock;
    }

    View view(MemberRef member) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your open cases"))));
        List<CaseView> mine = views.mine(member, 20);
        if (mine.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(
                    "Nothing assigned to you. Claim a card with :eyes: or the Claim button, or see `/care queue`."))));
        }
        for (CaseView c : mine) {
            blocks.add(section(s -> s.text(markdownText(SlackReports.caseLine(c, clock)))));
        }
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(SlackReports.status(reports.status())))));
        blocks.add(section(s -> s.text(markdownText("`/care help` lists what you can ask."))));
        return View.builder().type("home").blocks(blocks).build();
    }
}
