package dev.heed.discord;

import dev.heed.core.chat.CaseView;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.report.PeriodReport;
import dev.heed.core.report.ResponseFigures;
import dev.heed.core.report.StatusReport;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** The {@code /care} slash command: its definition and the texts of its answers. */
public final class CareCommand {
    public static final String NAME = "care";
    static final int LIST_LIMIT = 10;

    private CareCommand() {}

    public static SlashCommandData definition() {
        OptionData kind = new OptionData(OptionType.STRING, "kind", "Only this kind");
        for (Kind k : Kind.values()) {
            kind.addChoice(k.label(), k.name().toLowerCase(Locale.ROOT));
        }
        OptionData duration = new OptionData(OptionType.STRING, "for", "How long nudges stay quiet", true)
                .addChoice("15 minutes", "15m")
                .addChoice("1 hour", "1h")
                .addChoice("4 hours", "4h")
                .addChoice("Until tomorrow 09:00", "tomorrow");
        return Commands.slash(NAME, "Heed: the social care queue")
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(
                        new SubcommandData("status", "Open cases, what is due soon or overdue, and today's figures"),
                        new SubcommandData("queue", "Cases waiting for a response, soonest deadline first")
                                .addOptions(kind),
                        new SubcommandData("mine", "The cases you own"),
                        new SubcommandData("report", "Volume and response times (managers)")
                                .addOptions(new OptionData(OptionType.INTEGER, "days", "Last N days (default 7)")
                                        .setRequiredRange(1, 90)),
                        new SubcommandData("assign", "Give a case to a team member (managers)")
                                .addOptions(
                                        new OptionData(OptionType.INTEGER, "case", "Case number", true).setMinValue(1),
                                        new OptionData(OptionType.USER, "member", "Who takes it", true)),
                        new SubcommandData("snooze", "Silence a case's nudges for a while")
                                .addOptions(
                                        new OptionData(OptionType.INTEGER, "case", "Case number", true).setMinValue(1),
                                        duration),
                        new SubcommandData("find", "Find cases by text, author or number")
                                .addOptions(new OptionData(OptionType.STRING, "text", "What to look for", true)
                                        .setRequiredLength(1, 100)),
                        new SubcommandData("sources", "Each source's health, last success and posts today"),
                        new SubcommandData("help", "What Heed does and how to use it"));
    }

    /** Parses a snooze choice; null for anything else. */
    static Duration snooze(String value, Clock clock, ZoneId zone) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "15m" -> Duration.ofMinutes(15);
            case "1h" -> Duration.ofHours(1);
            case "4h" -> Duration.ofHours(4);
            case "tomorrow" -> {
                ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
                ZonedDateTime nine = now.toLocalDate().plusDays(1).atTime(9, 0).atZone(zone);
                yield Duration.between(now, nine);
            }
            default -> null;
        };
    }

    static String status(StatusReport status) {
        StringBuilder out = new StringBuilder();
        out.append("**Open cases: ").append(status.open()).append("**");
        out.append(" (new ").append(status.openByState().getOrDefault(CaseState.NEW, 0L));
        out.append(", claimed ").append(status.openByState().getOrDefault(CaseState.CLAIMED, 0L));
        out.append(", responded ")
                .append(status.openByState().getOrDefault(CaseState.RESPONDED, 0L))
                .append(")\n");
        out.append("Unclaimed ").append(status.unclaimed());
        out.append(" · due within 30 min ").append(status.dueSoon());
        out.append(" · overdue ").append(status.overdue()).append('\n');
        if (!status.openByKind().isEmpty()) {
            out.append("By kind: ")
                    .append(status.openByKind().entrySet().stream()
                            .map(e -> e.getKey().word() + " " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (!status.loadPerOwner().isEmpty()) {
            out.append("Load: ").append(load(status.loadPerOwner())).append('\n');
        }
        status.storms()
                .forEach(storm -> out.append("🌪️ ")
                        .append(DiscordText.escape(storm.line()))
                        .append('\n'));
        out.append("Today: ").append(figures(status.today()));
        return out.toString();
    }

    static String report(PeriodReport report, int days) {
        StringBuilder out = new StringBuilder();
        out.append("**Last ").append(days).append(days == 1 ? " day" : " days").append(": ");
        out.append(report.total()).append(" cases**\n");
        if (!report.byKind().isEmpty()) {
            out.append("By kind: ")
                    .append(report.byKind().entrySet().stream()
                            .map(e -> e.getKey().word() + " " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (!report.bySource().isEmpty()) {
            out.append("By source: ")
                    .append(report.bySource().entrySet().stream()
                            .map(e -> DiscordText.escape(e.getKey()) + " " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        out.append("Responses: ").append(figures(report.responses())).append('\n');
        for (PeriodReport.PersonFigures person : report.people()) {
            out.append("• ")
                    .append(DiscordText.fit(person.member(), 80))
                    .append(": ")
                    .append(person.cases())
                    .append(" cases, ")
                    .append(figures(person.responses()))
                    .append('\n');
        }
        return clip(out.toString());
    }

    static String cases(String heading, List<CaseView> cases) {
        if (cases.isEmpty()) {
            return heading + ": nothing.";
        }
        StringBuilder out = new StringBuilder("**" + heading + "**\n");
        for (CaseView view : cases) {
            out.append(line(view)).append('\n');
        }
        return clip(out.toString());
    }

    static String line(CaseView view) {
        String due = view.dueAt() == null || !view.state().awaitsResponse()
                ? ""
                : " · due <t:" + view.dueAt().getEpochSecond() + ":R>";
        String owner = view.owner() == null
                ? "unclaimed"
                : DiscordText.fit(view.owner().displayName(), 60);
        return "#" + view.id() + " " + view.kind().word() + " · "
                + view.priority().name().toLowerCase(Locale.ROOT)
                + " · " + view.state().name().toLowerCase(Locale.ROOT) + " · " + owner + due + " · "
                + DiscordText.fit(view.post().author().nameOrHandle(), 40) + ": "
                + DiscordText.fit(view.post().text().replace('\n', ' '), 80);
    }

    static String help() {
        return """
                **Heed** puts public posts about the business in this channel as cards, one per case.
                • **Claim** a card (button or 👀) to own it; **Release** (or remove 👀) to give it back.
                • Answer on the social network, then press **Responded** (or ✅). **Use reply n** lets you edit a \
                suggested reply and records it.
                • **Snooze** quiets the nudges for a while; **Reclassify** fixes the kind; **Not relevant** dismisses.
                • Nudges arrive in the card's thread: the owner first, the on-duty role while nobody owns it, the \
                managers when the deadline is missed.
                Commands: `/care status`, `/care queue [kind]`, `/care mine`, `/care find text`, \
                `/care snooze case for`, `/care sources`; managers: `/care assign case member`, `/care report [days]`.""";
    }

    private static String load(Map<String, Long> load) {
        return load.entrySet().stream()
                .map(e -> DiscordText.fit(e.getKey(), 60) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String figures(ResponseFigures figures) {
        if (figures.responded() == 0) {
            return "no first responses yet";
        }
        String text = figures.responded() + " answered, median first response " + human(figures.median());
        Double share = figures.shareWithinDeadline();
        if (share != null) {
            text += ", " + Math.round(share * 100) + " % within deadline";
        }
        return text;
    }

    static String human(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }

    private static String clip(String text) {
        return text.length() <= 1900 ? text : text.substring(0, 1890) + "\n…";
    }
}
