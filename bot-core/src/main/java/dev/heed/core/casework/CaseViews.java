package dev.heed.core.casework;

import static dev.heed.core.support.Db.instant;
import static dev.heed.core.support.Db.ts;

import dev.heed.core.chat.CaseView;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.MessageRef;
import dev.heed.core.support.Db;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads cases as {@link CaseView}s: for cards, command answers, queues and the REST API. */
public final class CaseViews {
    private static final String SELECT = """
            SELECT c.*, p.source AS p_source, p.native_id AS p_native_id, p.network AS p_network,
                p.author_handle AS p_author_handle, p.author_name AS p_author_name,
                p.author_followers AS p_author_followers, p.author_url AS p_author_url, p.text AS p_text,
                p.lang AS p_lang, p.created_at AS p_created_at, p.permalink AS p_permalink,
                p.conversation_ref AS p_conversation_ref, p.in_reply_to AS p_in_reply_to
            FROM care_case c
            JOIN post p ON p.id = (SELECT MIN(first.id) FROM post first WHERE first.case_id = c.id)
            """;

    private final JdbcClient sql;

    public CaseViews(Db db) {
        this.sql = db.sql();
    }

    public Optional<CaseView> find(long caseId) {
        List<CaseView> found = query(SELECT + " WHERE c.id = :id", Map.of("id", caseId));
        return found.stream().findFirst();
    }

    public List<CaseView> list(CaseFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!filter.states().isEmpty()) {
            where.append(" AND c.state IN (:states)");
            params.put("states", filter.states().stream().map(Enum::name).toList());
        }
        if (filter.kind() != null) {
            where.append(" AND c.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.since() != null) {
            where.append(" AND c.detected_at >= :since");
            params.put("since", ts(filter.since()));
        }
        if (filter.owner() != null) {
            where.append(" AND c.owner_platform = :ownerPlatform AND c.owner_id = :ownerId");
            params.put("ownerPlatform", filter.owner().platform());
            params.put("ownerId", filter.owner().id());
        }
        String order = filter.byDeadline()
                ? " ORDER BY CASE WHEN c.due_at IS NULL THEN 1 ELSE 0 END, c.due_at, c.id"
                : " ORDER BY c.id DESC";
        return query(SELECT + where + order + " LIMIT " + filter.limit(), params);
    }

    /** The team's queue: cases waiting for a response, soonest deadline first. */
    public List<CaseView> queue(int limit) {
        return list(CaseFilter.queue(limit));
    }

    /** What one member owns and has not finished: claimed or responded cases, soonest deadline first. */
    public List<CaseView> mine(MemberRef member, int limit) {
        return list(new CaseFilter(Set.of(CaseState.CLAIMED, CaseState.RESPONDED), null, null, member, true, limit));
    }

    /**
     * Cases whose post text, author handle or author name contains {@code text} (case-insensitive), newest first;
     * a number such as {@code 42} or {@code #42} also finds case 42.
     */
    public List<CaseView> search(String text, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be within 1..1000: " + limit);
        }
        String needle = text == null ? "" : text.strip();
        if (needle.isEmpty()) {
            return List.of();
        }
        String number = needle.startsWith("#") ? needle.substring(1) : needle;
        long id = number.matches("\\d{1,18}") ? Long.parseLong(number) : -1;
        String like = "%"
                + needle.toLowerCase(java.util.Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
        return query(SELECT + """
                         WHERE c.id = :id OR c.id IN (SELECT hit.case_id FROM post hit
                             WHERE LOWER(hit.text) LIKE :like ESCAPE '!' OR LOWER(hit.author_handle) LIKE :like ESCAPE '!'
                                OR LOWER(hit.author_name) LIKE :like ESCAPE '!')
                         ORDER BY c.id DESC LIMIT """ + " " + limit, Map.of("id", id, "like", like));
    }

    /** The case whose card is {@code message}, e.g. the card a reaction was added to. */
    public Optional<Long> caseIdForCard(MessageRef message) {
        return sql.sql("SELECT case_id FROM case_message WHERE platform = ? AND channel_id = ? AND message_id = ?")
                .params(message.channel().platform(), message.channel().id(), message.id())
                .query(Long.class)
                .optional();
    }

    /** Where a case's cards are, per channel; a card not delivered yet has no message. */
    public Map<ChannelRef, Optional<MessageRef>> cards(long caseId) {
        Map<ChannelRef, Optional<MessageRef>> cards = new LinkedHashMap<>();
        sql.sql(
                        "SELECT platform, channel_id, message_id FROM case_message WHERE case_id = ? ORDER BY platform, channel_id")
                .param(caseId)
                .query((ResultSet rs) -> {
                    ChannelRef channel = new ChannelRef(rs.getString("platform"), rs.getString("channel_id"));
                    String id = rs.getString("message_id");
                    cards.put(channel, id == null ? Optional.empty() : Optional.of(new MessageRef(channel, id)));
                });
        return cards;
    }

    public List<AuditEntry> auditTrail(long caseId) {
        return sql.sql("SELECT at, actor, action, detail FROM audit_entry WHERE case_id = ? ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new AuditEntry(
                        instant(rs, "at"), rs.getString("actor"), rs.getString("action"), rs.getString("detail")))
                .list();
    }

    private List<CaseView> query(String statement, Map<String, Object> params) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        sql.sql(statement).params(params).query((ResultSet rs) -> {
            CareCase c = CaseStore.mapCase(rs, 0);
            rows.put(c.id, new Row(c, CaseStore.mapPost(rs)));
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<SuggestedReply>> suggestions = suggestions(rows.keySet());
        List<CaseView> views = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            views.add(row.view(suggestions.getOrDefault(row.c.id, List.of())));
        }
        return views;
    }

    private Map<Long, List<SuggestedReply>> suggestions(Set<Long> caseIds) {
        return sql
                .sql("SELECT case_id, label, text FROM suggestion WHERE case_id IN (:ids) ORDER BY case_id, position")
                .param("ids", List.copyOf(caseIds))
                .query((rs, n) -> Map.entry(
                        rs.getLong("case_id"), new SuggestedReply(rs.getString("label"), rs.getString("text"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record Row(CareCase c, dev.heed.core.model.Post post) {
        CaseView view(List<SuggestedReply> suggestions) {
            return new CaseView(
                    c.id,
                    c.kind,
                    c.confidence,
                    c.kindReasons,
                    c.priority,
                    c.priorityReasons,
                    c.state,
                    c.owner,
                    c.snoozedUntil,
                    post,
                    c.followUps,
                    c.detectedAt,
                    c.postedAt,
                    c.claimedAt,
                    c.firstResponseAt,
                    c.resolvedAt,
                    c.firstDueAt,
                    c.dueAt,
                    c.replyText,
                    c.dismissReason,
                    suggestions,
                    c.version);
        }
    }
}
