package dev.heed.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.heed.core.casework.CaseCommands;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.casework.CommandOutcome;
import dev.heed.core.chat.CaseView;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.MessageRef;
import dev.heed.core.report.CareReports;
import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the team does in Slack into core commands: card buttons and menus, 👀/✅ reactions, the "Use this
 * reply" modal, the App Home tab and {@code /care}. A refused command (a second claim, a release by someone else)
 * is answered with an ephemeral message naming the owner; successful ones change the card through the outbox.
 */
public final class SlackBot {
    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
    static final String REPLY_MODAL = "heed_reply";
    static final String REPLY_TEXT = "heed_reply_text";
    static final String REPLY_BLOCK = "reply";

    private final CaseCommands commands;
    private final CaseViews views;
    private final Clock clock;
    private final ZoneId zone;
    private final SlackSettings settings;
    private final SlackMembers members;
    private final SlackCards cards;
    private final SlackModals modals;
    private final SlackHome home;
    private final EventDedupe events;

    private SlackBot(
            MethodsClient methods,
            Db db,
            CaseCommands commands,
            CaseViews views,
            CareReports reports,
            Clock clock,
            ZoneId zone,
            SlackSettings settings) {
        this.events = new EventDedupe(db, clock);
        this.commands = commands;
        this.views = views;
        this.clock = clock;
        this.zone = zone;
        this.settings = settings;
        this.members = new SlackMembers(methods);
        this.cards = new SlackCards(clock);
        this.modals = new SlackModals();
        this.home = new SlackHome(views, reports, clock);
    }

    /**
     * Registers every Heed listener on {@code app}.
     *
     * @param db where handled event ids are remembered (table {@code slack_event})
     * @param zone the business's time zone ("until tomorrow" means 09:00 there)
     * @param sources renders the source list that {@code /care sources} shows
     */
    public static void register(
            App app,
            Db db,
            CaseCommands commands,
            CaseViews views,
            CareReports reports,
            Clock clock,
            ZoneId zone,
            SlackSettings settings,
            java.util.function.Supplier<String> sources) {
        MethodsClient methods = app.client();
        SlackBot bot = new SlackBot(methods, db, commands, views, reports, clock, zone, settings);
        bot.registerOn(app, reports, sources);
    }

    private void registerOn(App app, CareReports reports, java.util.function.Supplier<String> sources) {
        app.blockAction(SlackCards.CLAIM, button((id, by) -> commands.claim(id, by)));
        app.blockAction(
                Pattern.compile("^" + SlackStorms.CLAIM_LISTED + "\\d+$"), button((id, by) -> claimListed(id, by)));
        app.blockAction(SlackCards.RELEASE, button((id, by) -> commands.unclaim(id, by)));
        app.blockAction(SlackCards.RESPONDED, button((id, by) -> commands.markResponded(id, by, null)));
        app.blockAction(SlackCards.RESOLVE, button((id, by) -> commands.resolve(id, by)));
        app.blockAction(
                SlackCards.SNOOZE,
                (req, ctx) -> menu(req, ctx, (id, choice, by) -> {
                    Duration duration = snoozeDuration(choice);
                    return duration == null
                            ? new CommandOutcome(
                                    CommandOutcome.Status.REFUSED, "Unknown snooze '" + choice + "'.", null)
                            : commands.snooze(id, by, duration);
                }));
        app.blockAction(
                SlackCards.DISMISS, (req, ctx) -> menu(req, ctx, (id, reason, by) -> commands.dismiss(id, by, reason)));
        app.blockAction(
                SlackCards.RECLASSIFY,
                (req, ctx) -> menu(req, ctx, (id, choice, by) -> {
                    Kind kind = Kind.parseOrNull(choice);
                    return kind == null
                            ? new CommandOutcome(CommandOutcome.Status.REFUSED, "Unknown kind '" + choice + "'.", null)
                            : commands.reclassify(id, by, kind);
                }));
        app.blockAction(Pattern.compile("^" + SlackCards.USE_REPLY + "\\d+$"), this::openReplyModal);
        app.blockAction(REPLY_TEXT, this::updateReplyCount);
        app.viewSubmission(REPLY_MODAL, (req, ctx) -> {
            View view = req.getPayload().getView();
            long caseId = parseCaseId(view.getPrivateMetadata());
            String text = replyText(view.getState());
            Optional<CaseView> card = caseId < 0 ? Optional.empty() : views.find(caseId);
            if (card.isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(REPLY_BLOCK, "This case is gone.")));
            }
            int limit = card.get().post().network().replyLimit();
            if (text == null || text.isBlank()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(REPLY_BLOCK, "Write the reply first.")));
            }
            if (SlackText.graphemes(text) > limit) {
                return ctx.ack(r -> r.responseAction("errors")
                        .errors(Map.of(REPLY_BLOCK, "Too long for this network: at most " + limit + " characters.")));
            }
            var user = req.getPayload().getUser();
            MemberRef by = members.member(user.getId(), user.getName());
            CommandOutcome outcome = commands.markResponded(caseId, by, text);
            if (outcome.status() == CommandOutcome.Status.REFUSED
                    || outcome.status() == CommandOutcome.Status.NOT_FOUND) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(REPLY_BLOCK, outcome.message())));
            }
            return ctx.ack();
        });
        app.event(ReactionAddedEvent.class, (payload, ctx) -> {
            if (!events.firstTime(payload.getEventId())) {
                return ctx.ack();
            }
            ReactionAddedEvent event = payload.getEvent();
            if (event.getItem() == null
                    || !"message".equals(event.getItem().getType())
                    || event.getUser() == null
                    || event.getUser().equals(ctx.getBotUserId())) {
                return ctx.ack();
            }
            String reaction = baseName(event.getReaction());
            boolean claim = reaction.equals(settings.claimReaction());
            boolean respond = reaction.equals(settings.respondReaction());
            if (!claim && !respond) {
                return ctx.ack();
            }
            String channel = event.getItem().getChannel();
            Optional<Long> caseId = views.caseIdForCard(new MessageRef(
                    new ChannelRef(SlackSettings.PLATFORM, channel),
                    event.getItem().getTs()));
            if (caseId.isEmpty()) {
                return ctx.ack();
            }
            MemberRef by = members.member(event.getUser(), null);
            CommandOutcome outcome =
                    claim ? commands.claim(caseId.get(), by) : commands.markResponded(caseId.get(), by, null);
            if (outcome.status() == CommandOutcome.Status.REFUSED) {
                try {
                    ctx.client()
                            .chatPostEphemeral(r ->
                                    r.channel(channel).user(event.getUser()).text(SlackText.escape(outcome.message())));
                } catch (Exception e) {
                    log.warn(
                            "Could not tell {} why case #{} was not changed: {}",
                            event.getUser(),
                            caseId.get(),
                            e.toString());
                }
            }
            return ctx.ack();
        });
        app.event(ReactionRemovedEvent.class, (payload, ctx) -> {
            if (!events.firstTime(payload.getEventId())) {
                return ctx.ack();
            }
            ReactionRemovedEvent event = payload.getEvent();
            if (event.getItem() == null
                    || event.getUser() == null
                    || !baseName(event.getReaction()).equals(settings.claimReaction())) {
                return ctx.ack();
            }
            Optional<Long> caseId = views.caseIdForCard(new MessageRef(
                    new ChannelRef(SlackSettings.PLATFORM, event.getItem().getChannel()),
                    event.getItem().getTs()));
            caseId.ifPresent(id -> {
                // Only the owner's own 👀 releases; anyone else's removal changes nothing and says nothing.
                CommandOutcome outcome = commands.unclaim(id, members.member(event.getUser(), null));
                log.debug("Reaction removed on case #{}: {}", id, outcome.message());
            });
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (!"home".equals(event.getTab()) || !events.firstTime(payload.getEventId())) {
                return ctx.ack();
            }
            MemberRef member = members.member(event.getUser(), null);
            try {
                ctx.client().viewsPublish(r -> r.userId(event.getUser()).view(home.view(member)));
            } catch (Exception e) {
                log.warn("Could not publish the App Home of {}: {}", event.getUser(), e.toString());
            }
            return ctx.ack();
        });
        CareCommand care =
                new CareCommand(commands, views, reports, clock, settings, members, app.executorService(), sources);
        app.command("/care", care::handle);
    }

    /** A Claim in a storm's list: the line does not change, so the clicker is told the outcome either way. */
    private CommandOutcome claimListed(long caseId, MemberRef by) {
        CommandOutcome outcome = commands.claim(caseId, by);
        return outcome.changed()
                ? new CommandOutcome(
                        CommandOutcome.Status.UNCHANGED, "Case #" + caseId + " is yours now.", outcome.view())
                : outcome;
    }

    private interface CaseAction {
        CommandOutcome apply(long caseId, MemberRef by);
    }

    private interface MenuAction {
        CommandOutcome apply(long caseId, String choice, MemberRef by);
    }

    private com.slack.api.bolt.handler.builtin.BlockActionHandler button(CaseAction action) {
        return (req, ctx) -> {
            BlockActionPayload payload = req.getPayload();
            BlockActionPayload.Action clicked = payload.getActions().get(0);
            long caseId = parseCaseId(clicked.getValue());
            if (caseId < 0) {
                return ctx.ack();
            }
            MemberRef by =
                    members.member(payload.getUser().getId(), payload.getUser().getName());
            answer(ctx, action.apply(caseId, by));
            return ctx.ack();
        };
    }

    private Response menu(BlockActionRequest req, ActionContext ctx, MenuAction action) {
        BlockActionPayload payload = req.getPayload();
        BlockActionPayload.Action chosen = payload.getActions().get(0);
        String value = chosen.getSelectedOption() == null
                ? null
                : chosen.getSelectedOption().getValue();
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            return ctx.ack();
        }
        long caseId = parseCaseId(value.substring(0, colon));
        if (caseId < 0) {
            return ctx.ack();
        }
        MemberRef by =
                members.member(payload.getUser().getId(), payload.getUser().getName());
        answer(ctx, action.apply(caseId, value.substring(colon + 1), by));
        return ctx.ack();
    }

    /** A refusal or a "nothing changed" is told to the clicker only; a change shows on the card itself. */
    private static void answer(ActionContext ctx, CommandOutcome outcome) {
        if (outcome.changed()) {
            return;
        }
        try {
            ctx.respond(
                    r -> r.responseType("ephemeral").replaceOriginal(false).text(SlackText.escape(outcome.message())));
        } catch (Exception e) {
            log.warn("Could not answer a click: {}", e.toString());
        }
    }

    private Response openReplyModal(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload.Action clicked = req.getPayload().getActions().get(0);
        String[] parts =
                clicked.getValue() == null ? new String[0] : clicked.getValue().split(":");
        if (parts.length != 2) {
            return ctx.ack();
        }
        long caseId = parseCaseId(parts[0]);
        Optional<CaseView> card = caseId < 0 ? Optional.empty() : views.find(caseId);
        int index = parseCaseId(parts[1]) < 0 ? -1 : Integer.parseInt(parts[1]);
        if (card.isEmpty() || index < 0 || index >= card.get().suggestions().size()) {
            answer(ctx, new CommandOutcome(CommandOutcome.Status.NOT_FOUND, "That suggestion is gone.", null));
            return ctx.ack();
        }
        SuggestedReply reply = card.get().suggestions().get(index);
        try {
            var opened = ctx.client()
                    .viewsOpen(r ->
                            r.triggerId(req.getPayload().getTriggerId()).view(modals.reply(card.get(), reply.text())));
            if (!opened.isOk()) {
                log.warn("views.open for case #{} answered {}", caseId, opened.getError());
            }
        } catch (Exception e) {
            log.warn("Could not open the reply modal for case #{}: {}", caseId, e.toString());
        }
        return ctx.ack();
    }

    private Response updateReplyCount(BlockActionRequest req, ActionContext ctx) {
        View view = req.getPayload().getView();
        if (view == null || view.getPrivateMetadata() == null) {
            return ctx.ack();
        }
        long caseId = parseCaseId(view.getPrivateMetadata());
        Optional<CaseView> card = caseId < 0 ? Optional.empty() : views.find(caseId);
        if (card.isPresent()) {
            String text = replyText(view.getState());
            try {
                ctx.client()
                        .viewsUpdate(r -> r.viewId(view.getId())
                                .hash(view.getHash())
                                .view(modals.reply(card.get(), text == null ? "" : text)));
            } catch (Exception e) {
                log.debug("Could not update the reply count of case #{}: {}", caseId, e.toString());
            }
        }
        return ctx.ack();
    }

    static String replyText(ViewState state) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(REPLY_BLOCK);
        if (block == null || block.get(REPLY_TEXT) == null) {
            return null;
        }
        return block.get(REPLY_TEXT).getValue();
    }

    Duration snoozeDuration(String choice) {
        if (choice.equals("tomorrow")) {
            Instant now = clock.instant();
            ZonedDateTime morning = now.atZone(zone)
                    .toLocalDate()
                    .plusDays(1)
                    .atTime(LocalTime.of(9, 0))
                    .atZone(zone);
            return Duration.between(now, morning.toInstant());
        }
        return Durations.parse(choice);
    }

    /** {@code thumbsup::skin-tone-2} counts as {@code thumbsup}. */
    static String baseName(String reaction) {
        if (reaction == null) {
            return "";
        }
        int skin = reaction.indexOf("::");
        return skin < 0 ? reaction : reaction.substring(0, skin);
    }

    static long parseCaseId(String text) {
        if (text == null || !text.matches("#?\\d{1,18}")) {
            return -1;
        }
        return Long.parseLong(text.startsWith("#") ? text.substring(1) : text);
    }
}
