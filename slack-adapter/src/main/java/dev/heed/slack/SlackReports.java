package dev.heed.slack;

import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.HumanDuration;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.report.PeriodReport;
import dev.heed.core.report.ResponseFigures;
import dev.heed.core.report.StatusReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Status, reports and case lists as Slack mrkdwn, for {@code /care} and the App Home tab. */
final class SlackReports {
    private SlackReports() {}

    static String status(StatusReport s) {
        StringBuilder out = new StringBuilder("*Team status*\n");
        out.append(s.open())
                .append(" open: ")
                .append(s.unclaimed())
                .append(" unclaimed, ")
                .append(s.openByState().getOrDefault(CaseState.CLAIMED, 0L))
                .append(" claimed, ")
                .append(s.openByState().getOrDefault(CaseState.RESPONDED, 0L))
                .append(" responded\n");
        out.append(byKind(s.openByKind())).append('\n');
        out.append(s.overdue() > 0 ? ":rotating_light: " : "")
                .append(s.overdue())
                .append(" overdue, ")
                .append(s.dueSoon())
                .append(" due within 30 min\n");
        if (!s.loadPerOwner().isEmpty()) {
            List<String> load = new ArrayList<>();
            s.loadPerOwner().forEach((owner, n) -> load.add(SlackText.inline(owner, 80) + " " + n));
            out.append("Load: ").append(String.join(", ", load)).append('\n');
        }
        s.storms()
                .forEach(storm -> out.append(":tornado: ")
                        .append(SlackText.inline(storm.line(), 600))
                        .append('\n'));
        out.append("Today: ").append(figures(s.today()));
        return out.toString();
    }

    static String report(String title, PeriodReport r) {
        StringBuilder out = new StringBuilder("*").append(title).append("*: ");
        out.append(r.total()).append(" case").append(r.total() == 1 ? "" : "s").append('\n');
        if (r.total() > 0) {
            out.append(byKind(r.byKind())).append('\n');
            List<String> sources = new ArrayList<>();
            r.bySource().forEach((source, n) -> sources.add(SlackText.inline(source, 64) + " " + n));
            out.append("Sources: ").append(String.join(", ", sources)).append('\n');
        }
        out.append("First response: ").append(figures(r.responses()));
        for (PeriodReport.PersonFigures person : r.people()) {
            out.append("\n- ")
                    .append(SlackText.inline(person.member(), 80))
                    .append(": ")
                    .append(person.cases())
                    .append(" case")
                    .append(person.cases() == 1 ? "" : "s")
                    .append(", ")
                    .append(figures(person.responses()));
        }
        return out.toString();
    }

    static String figures(ResponseFigures f) {
        if (f.responded() == 0 && f.withDeadline() == 0) {
            return "no responses yet";
        }
        StringBuilder out = new StringBuilder().append(f.responded()).append(" answered");
        if (f.median() != null) {
            out.append(", median ")
                    .append(HumanDuration.of(f.median()))
                    .append(", 90% within ")
                    .append(HumanDuration.of(f.p90()));
        }
        Double share = f.shareWithinDeadline();
        if (share != null) {
            out.append(", ").append(Math.round(share * 100)).append("% within deadline");
        }
        return out.toString();
    }

    static String byKind(Map<Kind, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            long n = counts.getOrDefault(kind, 0L);
            if (n > 0) {
                parts.add(n + " " + kind.word() + (n == 1 ? "" : "s"));
            }
        }
        return parts.isEmpty() ? "nothing open" : String.join(", ", parts);
    }

    /** One line per case: number, kind, author, the start of the text, state and deadline. */
    static String caseLine(CaseView c, Clock clock) {
        String who = c.owner() == null ? "unclaimed" : SlackCards.member(c.owner());
        String line = "*#" + c.id() + "* " + c.kind().label() + ", "
                + c.priority().name().toLowerCase(Locale.ROOT)
                + " | " + SlackText.inline(c.post().author().nameOrHandle(), 60) + ": _"
                + SlackText.inline(c.post().text(), 80) + "_ | "
                + c.state().name().toLowerCase(Locale.ROOT)
                + (c.state() == CaseState.NEW ? "" : " (" + who + ")");
        if (c.state().awaitsResponse() && c.dueAt() != null) {
            Duration left = Duration.between(clock.instant(), c.dueAt());
            line += left.isNegative() ? ", overdue by " + HumanDuration.of(left) : ", due in " + HumanDuration.of(left);
        }
        return line;
    }

    static String caseList(String title, List<CaseView> cases, Clock clock, String empty) {
        if (cases.isEmpty()) {
            return "*" + title + "*\n" + empty;
        }
        StringBuilder out = new StringBuilder("*").append(title).append("*");
        for (CaseView c : cases) {
            String line = "\n" + caseLine(c, clock);
            if (out.length() + line.length() > 2900) {
                out.append("\n...");
                break;
            }
            out.append(line);
        }
        return out.toString();
    }
}
