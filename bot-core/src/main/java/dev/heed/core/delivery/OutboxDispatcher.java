package dev.heed.core.delivery;

import static dev.heed.core.support.Db.instant;
import static dev.heed.core.support.Db.ts;

import dev.heed.core.casework.CaseViews;
import dev.heed.core.casework.StormStore;
import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.ChatDeliveryException;
import dev.heed.core.chat.ChatPort;
import dev.heed.core.chat.DeliveryAttempt;
import dev.heed.core.chat.NudgeNotice;
import dev.heed.core.chat.StormView;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MessageRef;
import dev.heed.core.sla.NudgeLevel;
import dev.heed.core.support.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows to the chat ports. Only the oldest pending row of each (case, channel) is eligible, so a
 * card is always published before its edits and nudges, and a failing channel holds back only its own rows. A row
 * is marked started in its own commit before the port is called and deleted after the port answered; a failure
 * schedules a retry with exponential backoff and jitter, or at the platform's {@code Retry-After} when it gives one. A row whose
 * start was never followed by a result (a crash) is retried after the lease with {@code mayHaveBeenDelivered}.
 */
public final class OutboxDispatcher {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Db db;
    private final Clock clock;
    private final CaseViews views;
    private final Map<String, ChatPort> ports;
    private final DispatchSettings settings;
    private final StormStore storms;

    public OutboxDispatcher(Db db, Clock clock, List<ChatPort> ports, DispatchSettings settings) {
        this.db = db;
        this.clock = clock;
        this.views = new CaseViews(db);
        this.ports = ports.stream().collect(Collectors.toUnmodifiableMap(ChatPort::platform, Function.identity()));
        this.settings = settings;
        this.storms = new StormStore(db);
    }

    /** Delivers what is due now, pass after pass, until nothing more is eligible; returns how many rows went out. */
    public int deliverDue() {
        int delivered = 0;
        while (true) {
            List<Row> rows = eligible(clock.instant());
            int passDelivered = 0;
            for (Row row : rows) {
                if (deliver(row)) {
                    passDelivered++;
                }
            }
            delivered += passDelivered;
            if (passDelivered == 0) {
                return delivered;
            }
        }
    }

    public OutboxStatus status() {
        return db.sql()
                .sql("""
                        SELECT COUNT(*) AS pending, SUM(CASE WHEN last_error IS NULL THEN 0 ELSE 1 END) AS failing,
                            MIN(created_at) AS oldest
                        FROM outbox
                        """)
                .query((rs, n) ->
                        new OutboxStatus(rs.getLong("pending"), rs.getLong("failing"), instant(rs, "oldest"), null))
                .single()
                .withLastError(lastError());
    }

    private String lastError() {
        return db.sql()
                .sql("SELECT last_error FROM outbox WHERE last_error IS NOT NULL ORDER BY next_attempt_at DESC LIMIT 1")
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private List<Row> eligible(Instant now) {
        return db.sql()
                .sql("""
                        SELECT o.id, o.case_id, o.platform, o.channel_id, o.kind, o.nudge_level, o.payload,
                            o.attempts, o.started_at
                        FROM outbox o
                        WHERE o.next_attempt_at <= :now
                          AND (o.started_at IS NULL OR o.started_at < :leaseExpired)
                          AND NOT EXISTS (SELECT 1 FROM outbox e
                                          WHERE e.case_id = o.case_id AND e.platform = o.platform
                                            AND e.channel_id = o.channel_id AND e.id < o.id)
                        ORDER BY o.id
                        LIMIT :batch
                        """)
                .param("now", ts(now))
                .param("leaseExpired", ts(now.minus(settings.lease())))
                .param("batch", settings.batchSize())
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("case_id"),
                        new ChannelRef(rs.getString("platform"), rs.getString("channel_id")),
                        rs.getString("kind"),
                        rs.getString("nudge_level"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        instant(rs, "started_at") != null))
                .list();
    }

    private boolean deliver(Row row) {
        Instant now = clock.instant();
        int started = db.sql()
                .sql("""
                        UPDATE outbox SET started_at = :now, attempts = attempts + 1
                        WHERE id = :id AND (started_at IS NULL OR started_at < :leaseExpired)
                        """)
                .param("now", ts(now))
                .param("id", row.id)
                .param("leaseExpired", ts(now.minus(settings.lease())))
                .update();
        if (started == 0) {
            return false; // another dispatcher took it
        }
        DeliveryAttempt attempt = new DeliveryAttempt("heed-o" + row.id, row.attempts + 1, row.wasStarted);
        boolean[] handedOver = {false};
        try {
            ChatPort port = ports.get(row.channel.platform());
            if (port == null) {
                throw new ChatDeliveryException("no chat port is active for platform '" + row.channel.platform()
                        + "' (channel " + row.channel + ")");
            }
            switch (row.kind) {
                case "CARD" -> deliverCard(port, row, attempt, handedOver);
                case "NUDGE" -> {
                    deliverNudge(port, row, attempt);
                    handedOver[0] = true;
                }
                case "NOTICE" -> {
                    port.postNotice(row.channel, row.payload == null ? "" : row.payload, attempt);
                    handedOver[0] = true;
                }
                case "STORM_CARD" -> deliverStormCard(port, row, attempt, handedOver);
                case "STORM_LIST" -> {
                    deliverStormList(port, row, attempt);
                    handedOver[0] = true;
                }
                default -> throw new IllegalStateException("unknown outbox row kind " + row.kind);
            }
            if (row.kind.equals("STORM_LIST")) {
                db.inTransaction(() -> {
                    db.sql()
                            .sql("DELETE FROM outbox WHERE id = ?")
                            .param(row.id)
                            .update();
                    storms.listed(StormStore.stormOfLane(row.caseId), row.channel, clock.instant());
                });
            } else {
                db.sql().sql("DELETE FROM outbox WHERE id = ?").param(row.id).update();
            }
            return true;
        } catch (RuntimeException failure) {
            if (handedOver[0]) {
                // The chat platform has the message but the database did not take the result (it went away).
                // Keep the row started: after the lease it is retried as "may have been delivered", so the adapter
                // looks for the message instead of posting it twice.
                log.warn(
                        "Outbox row {} ({} for case #{} to {}) was delivered but could not be recorded; it is checked"
                                + " again after the lease: {}",
                        row.id,
                        row.kind,
                        row.caseId,
                        row.channel,
                        describe(failure));
                return false;
            }
            retryLater(row, failure);
            return false;
        }
    }

    private void deliverStormCard(ChatPort port, Row row, DeliveryAttempt attempt, boolean[] handedOver) {
        long stormId = StormStore.stormOfLane(row.caseId);
        StormView view = storms.find(stormId)
                .orElseThrow(() -> new IllegalStateException("card of a missing storm #" + stormId));
        Optional<String> messageId = storms.messageId(stormId);
        if (messageId.isPresent()) {
            port.updateStorm(new MessageRef(row.channel, messageId.get()), view, attempt);
        } else {
            MessageRef posted = port.publishStorm(row.channel, view, attempt);
            handedOver[0] = true;
            storms.recordCard(stormId, posted.id());
        }
    }

    private void deliverStormList(ChatPort port, Row row, DeliveryAttempt attempt) {
        long stormId = StormStore.stormOfLane(row.caseId);
        String card = storms.messageId(stormId)
                .orElseThrow(() -> new ChatDeliveryException(
                        "the card of storm #" + stormId + " is not posted yet; its list waits"));
        List<CaseView> batch = storms.views(storms.takeBatch(stormId, row.channel, row.id));
        if (!batch.isEmpty()) {
            port.postStormCases(new MessageRef(row.channel, card), batch, attempt);
        }
    }

    private void deliverCard(ChatPort port, Row row, DeliveryAttempt attempt, boolean[] handedOver) {
        Optional<CaseView> view = views.find(row.caseId);
        if (view.isEmpty()) {
            return; // the case is gone (cannot happen while cases are never deleted); nothing to show
        }
        if (storms.stormOf(row.caseId, row.channel).isPresent()) {
            return; // the case joined a storm before its card went out: the storm card stands for it
        }
        Optional<String> messageId = cardMessageId(row);
        if (messageId.isPresent()) {
            port.updateCard(new MessageRef(row.channel, messageId.get()), view.get(), attempt);
            return;
        }
        MessageRef posted = port.publishCard(row.channel, view.get(), attempt);
        handedOver[0] = true;
        Instant now = clock.instant();
        db.inTransaction(() -> {
            db.sql()
                    .sql("""
                            UPDATE case_message SET message_id = ?, posted_at = ?
                            WHERE case_id = ? AND platform = ? AND channel_id = ?
                            """)
                    .params(posted.id(), ts(now), row.caseId, row.channel.platform(), row.channel.id())
                    .update();
            // Bumps the version so that a command that loaded the case before this cannot overwrite posted_at.
            db.sql().sql("""
                            UPDATE care_case SET posted_at = COALESCE(posted_at, ?), version = version + 1
                            WHERE id = ?
                            """).params(ts(now), row.caseId).update();
        });
    }

    private void deliverNudge(ChatPort port, Row row, DeliveryAttempt attempt) {
        CaseView view = views.find(row.caseId)
                .orElseThrow(() -> new IllegalStateException("nudge for a missing case #" + row.caseId));
        // A case in a storm has no card of its own there: its nudges go to the storm card's thread.
        Optional<Long> storm = storms.stormOf(row.caseId, row.channel);
        String messageId = (storm.isPresent() ? storms.messageId(storm.get()) : cardMessageId(row))
                .orElseThrow(() -> new ChatDeliveryException("the card of case #" + row.caseId + " in " + row.channel
                        + " is not posted yet; its nudge waits"));
        NudgeLevel level = NudgeLevel.valueOf(row.nudgeLevel);
        Duration remaining = Duration.between(clock.instant(), view.dueAt());
        boolean loud = level == NudgeLevel.BREACH || level == NudgeLevel.REPEAT;
        boolean broadcast = loud && storm.isEmpty(); // a storm's breaches stay in its thread, not the channel
        NudgeNotice notice = new NudgeNotice(
                view.id(),
                view.kind(),
                level,
                view.dueAt(),
                remaining,
                view.owner(),
                loud,
                broadcast,
                NudgeTexts.text(level, view.kind(), remaining));
        port.postNudge(new MessageRef(row.channel, messageId), notice, attempt);
    }

    private Optional<String> cardMessageId(Row row) {
        return db.sql()
                .sql("SELECT message_id FROM case_message WHERE case_id = ? AND platform = ? AND channel_id = ?")
                .params(row.caseId, row.channel.platform(), row.channel.id())
                .query((rs, n) -> Optional.ofNullable(rs.getString("message_id")))
                .optional()
                .flatMap(Function.identity());
    }

    private void retryLater(Row row, RuntimeException failure) {
        if (failure instanceof ChatDeliveryException chat && chat.paced()) {
            // The channel has had its share for now: come back when it has room. Not an attempt, not an error,
            // so a burst of posts neither backs off nor shows delivery as degraded.
            log.debug("Outbox row {} waits {} for its channel's pace", row.id, chat.retryAfter());
            db.sql()
                    .sql(
                            "UPDATE outbox SET started_at = NULL, attempts = attempts - 1, next_attempt_at = ? WHERE id = ?")
                    .params(ts(clock.instant().plus(chat.retryAfter())), row.id)
                    .update();
            return;
        }
        int attempts = row.attempts + 1;
        // The platform's (or the adapter's pacing) Retry-After says when the row may go: waiting longer only delays
        // it, and behind it every later message of the channel (a paced card would otherwise wait 2 s, 4 s, 8 s ...).
        Duration wait = failure instanceof ChatDeliveryException chat && chat.retryAfter() != null
                ? chat.retryAfter()
                : backoff(attempts);
        Instant next = clock.instant().plus(wait);
        String error = Db.clip(describe(failure), 1000);
        log.warn(
                "Chat delivery of outbox row {} ({} for case #{} to {}) failed, attempt {}; retrying in {}: {}",
                row.id,
                row.kind,
                row.caseId,
                row.channel,
                attempts,
                wait,
                error);
        db.sql()
                .sql("UPDATE outbox SET started_at = NULL, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(ts(next), error, row.id)
                .update();
    }

    private Duration backoff(int attempts) {
        long base = settings.firstRetry().toMillis();
        long max = settings.maxRetry().toMillis();
        long exponential = attempts >= 30 ? max : Math.min(max, base << Math.max(0, attempts - 1));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4; // ±20 %, so retries spread out
        return Duration.ofMillis(Math.min(max, Math.round(exponential * jitter)));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record Row(
            long id,
            long caseId,
            ChannelRef channel,
            String kind,
            String nudgeLevel,
            String payload,
            int attempts,
            boolean wasStarted) {}
}
