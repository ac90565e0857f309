package dev.heed.discord;

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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what people do in Discord into core commands and queries: card buttons and menus, the "Use this reply"
 * modal, 👀/✅ reactions on cards, and {@code /care}. A change acknowledges the click silently (the card is edited
 * through the outbox); a refusal or a question is answered ephemerally, so only the person who asked sees it.
 */
final class DiscordInteractions extends ListenerAdapter {
    static final String CLAIM_EMOJI = "👀";
    static final String RESPONDED_EMOJI = "✅";
    static final String REPLY_INPUT = "reply";

    private static final Logger log = LoggerFactory.getLogger(DiscordInteractions.class);

    private final DiscordSettings settings;
    private final CaseCommands commands;
    private final CaseViews views;
    private final CareReports reports;
    private final Clock clock;

    private final java.util.function.Supplier<String> sources;

    DiscordInteractions(
            DiscordSettings settings,
            CaseCommands commands,
            CaseViews views,
            CareReports reports,
            Clock clock,
            java.util.function.Supplier<String> sources) {
        this.sources = sources;
        this.settings = settings;
        this.commands = commands;
        this.views = views;
        this.reports = reports;
        this.clock = clock;
    }

    // ----- card buttons and menus -----------------------------------------------------------------------------------

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<CustomId> parsed = CustomId.parse(event.getComponentId());
        if (parsed.isEmpty()) {
            return;
        }
        CustomId id = parsed.get();
        MemberRef by = member(event.getUser(), event.getMember());
        safely(event, () -> {
            switch (id.action()) {
                case "claim" -> answer(event, commands.claim(id.caseId(), by));
                case "release" -> answer(event, commands.unclaim(id.caseId(), by));
                case "responded" -> answer(event, commands.markResponded(id.caseId(), by, null));
                case "resolve" -> answer(event, commands.resolve(id.caseId(), by));
                case "dismiss" -> answer(event, commands.dismiss(id.caseId(), by, null));
                case "reply" -> openReplyModal(event, id);
                default -> ephemeral(event, "This button is not known to this version of Heed.");
            }
        });
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        Optional<CustomId> parsed = CustomId.parse(event.getComponentId());
        if (parsed.isEmpty() || event.getValues().isEmpty()) {
            return;
        }
        CustomId id = parsed.get();
        MemberRef by = member(event.getUser(), event.getMember());
        String value = event.getValues().get(0);
        safely(event, () -> {
            switch (id.action()) {
                case "snooze" -> {
                    Duration duration = CareCommand.snooze(value, clock, settings.zone());
                    if (duration == null) {
                        ephemeral(event, "Unknown snooze choice.");
                    } else {
                        answer(event, commands.snooze(id.caseId(), by, duration));
                    }
                }
                case "kind" -> {
                    Kind kind = Kind.parseOrNull(value);
                    if (kind == null) {
                        ephemeral(event, "Unknown kind " + DiscordText.escape(value) + ".");
                    } else {
                        answer(event, commands.reclassify(id.caseId(), by, kind));
                    }
                }
                default -> ephemeral(event, "This menu is not known to this version of Heed.");
            }
        });
    }

    private void openReplyModal(ButtonInteractionEvent event, CustomId id) {
        Optional<CaseView> view = views.find(id.caseId());
        if (view.isEmpty()) {
            ephemeral(event, "There is no case #" + id.caseId() + ".");
            return;
        }
        var suggestions = view.get().suggestions();
        String text = id.index() >= 0 && id.index() < suggestions.size()
                ? suggestions.get(id.index()).text()
                : suggestions.stream().findFirst().map(SuggestedReply::text).orElse("");
        TextInput input = TextInput.create(REPLY_INPUT, TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMaxLength(4000)
                .setValue(text.isEmpty() ? null : text.length() > 4000 ? text.substring(0, 4000) : text)
                .build();
        Modal modal = Modal.create(CustomId.of("replymodal", id.caseId()), "Reply to case #" + id.caseId())
                .addComponents(Label.of("The reply you send (edit it first)", input))
                .build();
        event.replyModal(modal).queue();
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<CustomId> parsed = CustomId.parse(event.getModalId());
        if (parsed.isEmpty() || !parsed.get().action().equals("replymodal")) {
            return;
        }
        long caseId = parsed.get().caseId();
        MemberRef by = member(event.getUser(), event.getMember());
        ModalMapping reply = event.getValue(REPLY_INPUT);
        safely(event, () -> {
            if (reply == null || reply.getAsString().isBlank()) {
                ephemeral(event, "The reply was empty; nothing recorded.");
                return;
            }
            CommandOutcome outcome = commands.markResponded(caseId, by, reply.getAsString());
            ephemeral(
                    event,
                    outcome.changed()
                            ? "Reply recorded; case #" + caseId + " is marked responded. Post it on the network if "
                                    + "you have not yet."
                            : DiscordText.escape(outcome.message()));
        });
    }

    // ----- reactions --------------------------------------------------------------------------------------------

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong() || !event.isFromGuild()) {
            return;
        }
        String emoji = event.getEmoji().getName();
        if (!emoji.equals(CLAIM_EMOJI) && !emoji.equals(RESPONDED_EMOJI)) {
            return;
        }
        Optional<Long> caseId = caseOf(event.getChannel().getId(), event.getMessageId());
        if (caseId.isEmpty()) {
            return;
        }
        Member member = event.getMember();
        MemberRef by = new MemberRef(
                DiscordChatAdapter.PLATFORM, event.getUserId(), member == null ? null : member.getEffectiveName());
        try {
            CommandOutcome outcome = emoji.equals(CLAIM_EMOJI)
                    ? commands.claim(caseId.get(), by)
                    : commands.markResponded(caseId.get(), by, null);
            if (!outcome.changed()) {
                log.info("Reaction {} by {} on case #{}: {}", emoji, by.displayName(), caseId.get(), outcome.message());
                if (outcome.status() == CommandOutcome.Status.REFUSED) {
                    tellPrivately(
                            event,
                            "Case #" + caseId.get() + ": " + DiscordText.escape(outcome.message()) + " Your " + emoji
                                    + " on its card did not change that.");
                }
            }
        } catch (RuntimeException e) {
            log.warn("Reaction {} on case #{} failed: {}", emoji, caseId.get(), e.toString(), e);
        }
    }

    /**
     * A reaction cannot be answered ephemerally as a click can, so a refusal goes to the person as a direct message;
     * when their settings refuse direct messages from the server, the log keeps it.
     */
    private static void tellPrivately(MessageReactionAddEvent event, String text) {
        event.retrieveUser()
                .flatMap(user -> user.openPrivateChannel())
                .flatMap(channel -> channel.sendMessage(DiscordText.fit(text, 2000)))
                .queue(sent -> {}, failure -> log.info("Could not tell {} privately: {}", event.getUserId(), failure));
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        if (!event.isFromGuild() || !event.getEmoji().getName().equals(CLAIM_EMOJI)) {
            return;
        }
        Optional<Long> caseId = caseOf(event.getChannel().getId(), event.getMessageId());
        if (caseId.isEmpty()) {
            return;
        }
        MemberRef by = new MemberRef(DiscordChatAdapter.PLATFORM, event.getUserId(), null);
        try {
            CommandOutcome outcome = commands.unclaim(caseId.get(), by);
            if (!outcome.changed()) {
                log.info("Removed 👀 on case #{}: {}", caseId.get(), outcome.message());
            }
        } catch (RuntimeException e) {
            log.warn("Removing 👀 on case #{} failed: {}", caseId.get(), e.toString(), e);
        }
    }

    private Optional<Long> caseOf(String channelId, String messageId) {
        return views.caseIdForCard(new MessageRef(new ChannelRef(DiscordChatAdapter.PLATFORM, channelId), messageId));
    }

    // ----- /care -----------------------------------------------------------------------------------------------------

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(CareCommand.NAME)) {
            return;
        }
        String sub = event.getSubcommandName() == null ? "help" : event.getSubcommandName();
        MemberRef by = member(event.getUser(), event.getMember());
        safely(event, () -> {
            switch (sub) {
                case "status" -> slow(event, () -> CareCommand.status(reports.status()));
                case "queue" -> {
                    Kind kind = Kind.parseOrNull(string(event.getOption("kind")));
                    slow(
                            event,
                            () -> CareCommand.cases(
                                    kind == null ? "Queue" : "Queue: " + kind.word() + "s",
                                    views.queue(200).stream()
                                            .filter(v -> kind == null || v.kind() == kind)
                                            .limit(CareCommand.LIST_LIMIT)
                                            .toList()));
                }
                case "mine" ->
                    slow(event, () -> CareCommand.cases("Your cases", views.mine(by, CareCommand.LIST_LIMIT)));
                case "sources" -> slow(event, () -> "**Sources**\n" + DiscordText.escape(sources.get()));
                case "find" -> {
                    String text = string(event.getOption("text"));
                    if (text == null || text.isBlank()) {
                        ephemeral(event, "Usage: `/care find text:<words, @author or case number>`");
                        return;
                    }
                    slow(
                            event,
                            () -> CareCommand.cases(
                                    "Cases matching “" + DiscordText.fit(text, 60) + "”",
                                    views.search(text, CareCommand.LIST_LIMIT)));
                }
                case "report" -> {
                    if (!isManager(event.getMember())) {
                        ephemeral(event, managersOnly());
                        return;
                    }
                    OptionMapping option = event.getOption("days");
                    int days = option == null ? 7 : option.getAsInt();
                    if (days < 1 || days > 90) {
                        ephemeral(event, "Usage: `/care report days:<1..90>`");
                        return;
                    }
                    slow(event, () -> CareCommand.report(reports.lastDays(days), days));
                }
                case "assign" -> {
                    if (!isManager(event.getMember())) {
                        ephemeral(event, managersOnly());
                        return;
                    }
                    OptionMapping caseOption = event.getOption("case");
                    OptionMapping memberOption = event.getOption("member");
                    if (caseOption == null || memberOption == null) {
                        ephemeral(event, "Usage: `/care assign case:<number> member:<@member>`");
                        return;
                    }
                    MemberRef to = member(memberOption.getAsUser(), memberOption.getAsMember());
                    ephemeral(event, commands.reassign(caseOption.getAsLong(), by, to));
                }
                case "snooze" -> {
                    OptionMapping caseOption = event.getOption("case");
                    Duration duration = CareCommand.snooze(string(event.getOption("for")), clock, settings.zone());
                    if (caseOption == null || duration == null) {
                        ephemeral(event, "Usage: `/care snooze case:<number> for:<15m | 1h | 4h | tomorrow>`");
                        return;
                    }
                    ephemeral(event, commands.snooze(caseOption.getAsLong(), by, duration));
                }
                case "help" -> ephemeral(event, CareCommand.help());
                default -> ephemeral(event, "Unknown subcommand. " + CareCommand.help());
            }
        });
    }

    private boolean isManager(Member member) {
        if (member == null) {
            return false;
        }
        if (settings.managerRoleId() != null) {
            return member.getRoles().stream().anyMatch(r -> r.getIdLong() == settings.managerRoleId())
                    || member.hasPermission(Permission.ADMINISTRATOR);
        }
        return member.hasPermission(Permission.MANAGE_SERVER);
    }

    private String managersOnly() {
        return settings.managerRoleId() == null
                ? "Only members with the Manage Server permission can do that."
                : "Only the <@&" + Long.toUnsignedString(settings.managerRoleId()) + "> role can do that.";
    }

    // ----- answering -------------------------------------------------------------------------------------------------

    /** Work that reads the database: acknowledge at once (ephemeral), then edit the answer in. */
    private static void slow(SlashCommandInteractionEvent event, Supplier<String> answer) {
        event.deferReply(true).queue();
        String text;
        try {
            text = answer.get();
        } catch (RuntimeException e) {
            log.warn("/care {} failed: {}", event.getSubcommandName(), e.toString(), e);
            text = "Heed could not answer that just now; try again in a moment.";
        }
        event.getHook().editOriginal(text).queue();
    }

    private static void answer(
            net.dv8tion.jda.api.interactions.components.ComponentInteraction event, CommandOutcome outcome) {
        if (outcome.changed()) {
            event.deferEdit().queue(); // the outbox edits the card in every channel it is in
        } else {
            event.reply(DiscordText.escape(outcome.message()))
                    .setEphemeral(true)
                    .queue();
        }
    }

    private static void ephemeral(IReplyCallback event, CommandOutcome outcome) {
        ephemeral(event, DiscordText.escape(outcome.message()));
    }

    private static void ephemeral(IReplyCallback event, String text) {
        event.reply(text).setEphemeral(true).queue();
    }

    private static void safely(IReplyCallback event, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Handling a Discord interaction failed: {}", e.toString(), e);
            if (!event.isAcknowledged()) {
                event.reply("Heed could not do that just now; try again in a moment.")
                        .setEphemeral(true)
                        .queue();
            }
        }
    }

    private static String string(OptionMapping option) {
        return option == null ? null : option.getAsString();
    }

    static MemberRef member(User user, Member member) {
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        return new MemberRef(DiscordChatAdapter.PLATFORM, user.getId(), name);
    }
}
