package dev.heed.app;

import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.ChatPort;
import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.chat.StormView;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MessageRef;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat port used when no chat platform is configured: cards and nudges are written readably to the log, so a
 * newcomer sees Heed work before connecting Slack or Discord.
 */
public final class ConsoleChatPort implements ChatPort {
    public static final String PLATFORM = "console";

    private static final Logger log = LoggerFactory.getLogger("heed.console");

    private final AtomicLong ids = new AtomicLong();
    private final DateTimeFormatter time;
    private final Clock clock;

    public ConsoleChatPort(ZoneId zone, Clock clock) {
        this.time = DateTimeFormatter.ofPattern("EEE HH:mm:ss").withZone(zone);
        this.clock = clock;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef publishCard(ChannelRef channel, CaseView card, DeliveryAttempt attempt) {
        MessageRef message = new MessageRef(channel, Long.toString(ids.incrementAndGet()));
        log.info("\n{}", render("NEW CARD", channel, card));
        return message;
    }

    @Override
    public void updateCard(MessageRef message, CaseView card, DeliveryAttempt attempt) {
        log.info(
                "#{} card of case #{} now: {}, {} priority, {}{}",
                message.channel().id(),
                card.id(),
                card.kind().label(),
                card.priority().name().toLowerCase(java.util.Locale.ROOT),
                state(card),
                card.dueAt() == null || !card.state().awaitsResponse() ? "" : ", due " + time.format(card.dueAt()));
    }

    @Override
    public MessageRef postNudge(MessageRef cardMessage, NudgeNotice nudge, DeliveryAttempt attempt) {
        String who = !nudge.mentions()
                ? ""
                : nudge.owner() != null ? "@" + nudge.owner().displayName() + " " : "@on-duty ";
        String managers = nudge.mentionManagers() ? "@managers " : "";
        log.info(
                "#{} thread of case #{} | {} {}{}{} (due {})",
                cardMessage.channel().id(),
                nudge.caseId(),
                nudge.level(),
                managers,
                who,
                nudge.text(),
                time.format(nudge.dueAt()));
        return new MessageRef(cardMessage.channel(), Long.toString(ids.incrementAndGet()));
    }

    @Override
    public MessageRef postNotice(ChannelRef channel, String text, DeliveryAttempt attempt) {
        log.info("#{} | {}", channel.id(), text);
        return new MessageRef(channel, Long.toString(ids.incrementAndGet()));
    }

    @Override
    public MessageRef publishStorm(ChannelRef channel, StormView storm, DeliveryAttempt attempt) {
        log.info("#{} | NEW STORM CARD | {}", channel.id(), storm.line());
        return new MessageRef(channel, Long.toString(ids.incrementAndGet()));
    }

    @Override
    public void updateStorm(MessageRef message, StormView storm, DeliveryAttempt attempt) {
        log.info("#{} | STORM CARD {} | {}", message.channel().id(), message.id(), storm.line());
    }

    @Override
    public MessageRef postStormCases(MessageRef stormMessage, java.util.List<CaseView> cases, DeliveryAttempt attempt) {
        StringBuilder out = new StringBuilder();
        for (CaseView c : cases) {
            out.append(String.format(
                    "%n  case #%d | %s | %s",
                    c.id(), c.post().author().nameOrHandle(), oneLine(c.post().text())));
        }
        log.info(
                "#{} thread of storm card {} | claim with /care or the API:{}",
                stormMessage.channel().id(),
                stormMessage.id(),
                out);
        return new MessageRef(stormMessage.channel(), Long.toString(ids.incrementAndGet()));
    }

    String render(String heading, ChannelRef channel, CaseView card) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(72);
        out.append(rule).append('\n');
        out.append(String.format(
                "%s #%s | case #%d | %s, %s priority | %s%n",
                heading,
                channel.id(),
                card.id(),
                card.kind().label(),
                card.priority().name().toLowerCase(java.util.Locale.ROOT),
                state(card)));
        var author = card.post().author();
        out.append(String.format(
                "From %s (%s%s) on %s%n",
                author.nameOrHandle(),
                author.handle(),
                author.followers() == null ? "" : ", " + author.followers() + " followers",
                card.post().source()));
        out.append("  \"").append(oneLine(card.post().text())).append("\"\n");
        if (card.followUps() > 0) {
            out.append("  + ").append(card.followUps()).append(" follow-up post(s) by the same author\n");
        }
        if (card.post().permalink() != null) {
            out.append("  ").append(card.post().permalink()).append('\n');
        }
        out.append("Why: ").append(String.join("; ", card.kindReasons()));
        if (!card.priorityReasons().isEmpty()) {
            out.append(" | priority: ").append(String.join("; ", card.priorityReasons()));
        }
        out.append('\n');
        out.append("Detected ").append(time.format(card.detectedAt()));
        if (card.dueAt() != null) {
            out.append(", due ").append(time.format(card.dueAt()));
        } else {
            out.append(", no deadline");
        }
        if (card.snoozedAt(clock.instant())) {
            out.append(", snoozed until ").append(time.format(card.snoozedUntil()));
        }
        out.append('\n');
        int n = 1;
        for (SuggestedReply reply : card.suggestions()) {
            out.append(String.format("  [%d] %s: %s%n", n++, reply.label(), oneLine(reply.text())));
        }
        out.append(rule);
        return out.toString();
    }

    private static String state(CaseView card) {
        return switch (card.state()) {
            case NEW -> "unclaimed";
            case CLAIMED -> "claimed by " + card.owner().displayName();
            case RESPONDED ->
                "responded" + (card.owner() == null ? "" : " by " + card.owner().displayName());
            case RESOLVED -> "resolved";
            case DISMISSED -> "dismissed: " + card.dismissReason();
        };
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 280 ? flat.substring(0, 279) + "…" : flat;
    }
}
