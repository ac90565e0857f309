package dev.heed.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.heed.core.casework.CaseCommands;
import dev.heed.core.casework.CaseFilter;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.casework.CommandOutcome;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.report.CareReports;
import dev.heed.core.report.PeriodReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /care}: {@code status}, {@code queue [complaints|compliments|questions|all]}, {@code mine},
 * {@code report [today|week|month]}, {@code assign <case> @user}, {@code snooze <case> <duration>},
 * {@code find <text>}, {@code help}. Answers are ephemeral unless {@code public} is added. Quick answers come back
 * in the acknowledgement; a report is computed after the acknowledgement and sent to the {@code response_url}.
 * Bad input gets a short usage line, never a stack trace.
 */
final class CareCommand {
    private static final Logger log = LoggerFactory.getLogger(CareCommand.class);
    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final int LIST_LIMIT = 15;

    static final String HELP = String.join(
            "\n",
            "*/care* answers only you; add `public` to show the answer to the channel.",
            "`/care status`: open cases, unclaimed, due soon, overdue, load per person, today's response times",
            "`/care queue [complaints|compliments|questions|all]`: cases waiting for a response, soonest first",
            "`/care mine`: your open cases",
            "`/care report [today|week|month]`: volume and first-response times",
            "`/care assign <case> @person`: give a case to someone",
            "`/care snooze <case> <duration>`: silence a case's nudges, e.g. `15m`, `2h`, `1d`",
            "`/care find <text>`: search posts, authors or a case number",
            "`/care sources`: each source's health, last success and posts today",
            "`/care help`: this list");

    private final CaseCommands commands;
    private final CaseViews views;
    private final CareReports reports;
    private final Clock clock;
    private final SlackSettings settings;
    private final SlackMembers members;
    private final Executor slowWork;
    private final java.util.function.Supplier<String> sources;

    CareCommand(
            CaseCommands commands,
            CaseViews views,
            CareReports reports,
            Clock clock,
            SlackSettings settings,
            SlackMembers members,
            Executor slowWork,
            java.util.function.Supplier<String> sources) {
        this.commands = commands;
        this.views = views;
        this.reports = reports;
        this.clock = clock;
        this.settings = settings;
        this.members = members;
        this.slowWork = slowWork;
        this.sources = sources;
    }

    Response handle(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload payload = req.getPayload();
        List<String> words = new ArrayList<>(Arrays.asList(
                (payload.getText() == null ? "" : payload.getText()).strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        boolean visible = words.removeIf(w -> w.equalsIgnoreCase("public"));
        String responseType = visible ? "in_channel" : "ephemeral";
        String sub = words.isEmpty() ? "help" : words.remove(0).toLowerCase(Locale.ROOT);
        if (settings.managersOnlyCommands().contains(sub) && !settings.isManager(payload.getUserId())) {
            return ctx.ack(r -> r.responseType("ephemeral").text("Only managers can use `/care " + sub + "`."));
        }
        MemberRef me = members.member(payload.getUserId(), payload.getUserName());
        try {
            if (sub.equals("report")) {
                String period = words.isEmpty() ? "week" : words.get(0).toLowerCase(Locale.ROOT);
                int days;
                switch (period) {
                    case "today" -> days = 1;
                    case "week" -> days = 7;
                    case "month" -> days = 30;
                    default -> {
                        return usage(ctx, "Usage: `/care report [today|week|month]`");
                    }
                }
                slowWork.execute(() -> {
                    try {
                        PeriodReport report = reports.lastDays(days);
                        String title = "Report, " + (days == 1 ? "today" : "last " + days + " days");
                        ctx.respond(r -> r.responseType(responseType).text(SlackReports.report(title, report)));
                    } catch (Exception e) {
                        log.warn("/care report failed: {}", e.toString(), e);
                    }
                });
                return ctx.ack(r -> r.responseType("ephemeral").text("Working on the " + period + " report..."));
            }
            String answer = answer(sub, words, me);
            if (answer == null) {
                return usage(ctx, "I don't know `/care " + SlackText.inline(sub, 40) + "`.\n" + HELP);
            }
            return ctx.ack(r -> r.responseType(responseType).text(answer));
        } catch (Usage usage) {
            return usage(ctx, usage.getMessage());
        } catch (RuntimeException e) {
            log.warn("/care {} failed: {}", sub, e.toString(), e);
            return ctx.ack(r -> r.responseType("ephemeral").text("Sorry, that did not work; try again in a moment."));
        }
    }

    private String answer(String sub, List<String> args, MemberRef me) {
        return switch (sub) {
            case "help" -> HELP;
            case "status" -> SlackReports.status(reports.status());
            case "queue" -> queue(args);
            case "mine" ->
                SlackReports.caseList("Your open cases", views.mine(me, LIST_LIMIT), clock, "Nothing open is yours.");
            case "assign" -> assign(args, me);
            case "snooze" -> snooze(args, me);
            case "find" -> find(args);
            case "sources" -> "*Sources*\n" + SlackText.escape(sources.get());
            default -> null;
        };
    }

    private String queue(List<String> args) {
        String which = args.isEmpty() ? "all" : args.get(0).toLowerCase(Locale.ROOT);
        Kind kind = switch (which) {
            case "all" -> null;
            case "complaints", "complaint" -> Kind.COMPLAINT;
            case "compliments", "compliment" -> Kind.COMPLIMENT;
            case "questions", "question" -> Kind.QUESTION;
            case "other" -> Kind.OTHER;
            default -> throw new Usage("Usage: `/care queue [complaints|compliments|questions|all]`");
        };
        var cases = views.list(
                new CaseFilter(Set.of(CaseState.NEW, CaseState.CLAIMED), kind, null, null, true, LIST_LIMIT));
        String title = "Queue" + (kind == null ? "" : ", " + kind.word() + "s") + " (soonest deadline first)";
        return SlackReports.caseList(title, cases, clock, "Nothing is waiting for a response.");
    }

    private String assign(List<String> args, MemberRef me) {
        String usage = "Usage: `/care assign <case> @person`, e.g. `/care assign 42 @ana`";
        if (args.size() != 2) {
            throw new Usage(usage);
        }
        long caseId = SlackBot.parseCaseId(args.get(0));
        Matcher user = USER.matcher(args.get(1));
        if (caseId < 0 || !user.matches()) {
            throw new Usage(usage);
        }
        MemberRef to = members.member(user.group(1), user.group(2));
        return outcome(commands.reassign(caseId, me, to));
    }

    private String snooze(List<String> args, MemberRef me) {
        String usage = "Usage: `/care snooze <case> <duration>`, e.g. `/care snooze 42 30m` (15m, 2h, 1d)";
        if (args.size() != 2) {
            throw new Usage(usage);
        }
        long caseId = SlackBot.parseCaseId(args.get(0));
        Duration duration = Durations.parse(args.get(1));
        if (caseId < 0 || duration == null) {
            throw new Usage(usage);
        }
        return outcome(commands.snooze(caseId, me, duration));
    }

    private String find(List<String> args) {
        if (args.isEmpty()) {
            throw new Usage("Usage: `/care find <text>`, e.g. `/care find refund` or `/care find 42`");
        }
        String text = String.join(" ", args);
        return SlackReports.caseList(
                "Cases matching \"" + SlackText.inline(text, 80) + "\"",
                views.search(text, LIST_LIMIT),
                clock,
                "No case matches.");
    }

    private static String outcome(CommandOutcome outcome) {
        return SlackText.escape(outcome.message());
    }

    private static Response usage(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }

    /** Bad arguments: the message is the usage line to show. */
    private static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String usage) {
            super(usage, null, false, false);
        }
    }
}
