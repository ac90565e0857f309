package dev.heed.core.casework;

import static dev.heed.core.support.Db.instant;
import static dev.heed.core.support.Db.nullableLong;
import static dev.heed.core.support.Db.ts;

import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.Author;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import dev.heed.core.support.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Plain-SQL persistence of cases, their posts, suggestions, target channels and audit trail. */
final class CaseStore {
    static final String SYSTEM_ACTOR = "heed";

    private final JdbcClient sql;

    CaseStore(Db db) {
        this.sql = db.sql();
    }

    Optional<CareCase> load(long id) {
        return sql.sql("SELECT * FROM care_case WHERE id = ?")
                .param(id)
                .query(CaseStore::mapCase)
                .optional();
    }

    /** The newest case opened by this author in this conversation on this source, if any. */
    Optional<CareCase> findByThread(String source, String authorKey, String threadKey) {
        return sql
                .sql("SELECT * FROM care_case WHERE source = ? AND author_key = ? AND thread_key = ? ORDER BY id DESC")
                .params(source, authorKey, threadKey)
                .query(CaseStore::mapCase)
                .stream()
                .findFirst();
    }

    Optional<Long> caseIdForPost(String source, String nativeId) {
        return sql.sql("SELECT case_id FROM post WHERE source = ? AND native_id = ?")
                .params(source, nativeId)
                .query(Long.class)
                .optional();
    }

    /** The case of a post from another source with this exact permalink, if any. */
    Optional<Long> caseIdForPermalink(String permalink, String exceptSource) {
        return sql
                .sql("SELECT case_id FROM post WHERE permalink = ? AND source <> ? ORDER BY id")
                .params(permalink, exceptSource)
                .query(Long.class)
                .stream()
                .findFirst();
    }

    long insert(CareCase c) {
        KeyHolder keys = new GeneratedKeyHolder();
        sql.sql("""
                        INSERT INTO care_case (kind, confidence, kind_reasons, priority, priority_score, priority_reasons,
                            state, snoozed_until, owner_platform, owner_id, owner_name, source, author_key, thread_key,
                            detected_at, posted_at, claimed_at, first_response_at, resolved_at, deadline_start,
                            first_due_at, due_at, deadline_no, nudge_step, next_nudge_at, reply_text, dismiss_reason,
                            follow_ups, version)
                        VALUES (:kind, :confidence, :kindReasons, :priority, :priorityScore, :priorityReasons,
                            :state, :snoozedUntil, :ownerPlatform, :ownerId, :ownerName, :source, :authorKey, :threadKey,
                            :detectedAt, :postedAt, :claimedAt, :firstResponseAt, :resolvedAt, :deadlineStart,
                            :firstDueAt, :dueAt, :deadlineNo, :nudgeStep, :nextNudgeAt, :replyText, :dismissReason,
                            :followUps, 0)
                        """).paramSource(params(c)).update(keys, "id");
        c.id = keys.getKeyAs(Number.class).longValue();
        return c.id;
    }

    /** Saves a changed case if nobody else changed it since it was loaded; false on a lost race. */
    boolean update(CareCase c) {
        int rows = sql.sql("""
                        UPDATE care_case SET kind = :kind, confidence = :confidence, kind_reasons = :kindReasons,
                            priority = :priority, priority_score = :priorityScore, priority_reasons = :priorityReasons,
                            state = :state, snoozed_until = :snoozedUntil, owner_platform = :ownerPlatform,
                            owner_id = :ownerId, owner_name = :ownerName, posted_at = :postedAt, claimed_at = :claimedAt,
                            first_response_at = :firstResponseAt, resolved_at = :resolvedAt,
                            deadline_start = :deadlineStart, first_due_at = :firstDueAt, due_at = :dueAt,
                            deadline_no = :deadlineNo, nudge_step = :nudgeStep, next_nudge_at = :nextNudgeAt,
                            reply_text = :replyText, dismiss_reason = :dismissReason, follow_ups = :followUps,
                            version = version + 1
                        WHERE id = :id AND version = :version
                        """).paramSource(params(c)).update();
        if (rows == 1) {
            c.version++;
            return true;
        }
        return false;
    }

    void insertPost(long caseId, Post post, Instant receivedAt) {
        Author author = post.author();
        sql.sql("""
                        INSERT INTO post (case_id, source, native_id, network, author_handle, author_name,
                            author_followers, author_url, text, lang, created_at, permalink, conversation_ref,
                            in_reply_to, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        caseId,
                        post.source(),
                        post.nativeId(),
                        post.network().name(),
                        author.handle(),
                        author.displayName(),
                        author.followers(),
                        author.profileUrl(),
                        post.text(),
                        post.language(),
                        ts(post.createdAt()),
                        post.permalink(),
                        post.conversationRef(),
                        post.inReplyTo(),
                        ts(receivedAt))
                .update();
    }

    void insertSuggestions(long caseId, List<SuggestedReply> suggestions) {
        for (int i = 0; i < suggestions.size(); i++) {
            SuggestedReply reply = suggestions.get(i);
            sql.sql("INSERT INTO suggestion (case_id, position, label, text) VALUES (?, ?, ?, ?)")
                    .params(caseId, i, Db.clip(reply.label(), 100), Db.clip(reply.text(), 10_000))
                    .update();
        }
    }

    void insertTargets(long caseId, List<ChannelRef> channels) {
        for (ChannelRef channel : channels) {
            sql.sql("INSERT INTO case_message (case_id, platform, channel_id) VALUES (?, ?, ?)")
                    .params(caseId, channel.platform(), channel.id())
                    .update();
        }
    }

    List<ChannelRef> targets(long caseId) {
        return sql.sql("SELECT platform, channel_id FROM case_message WHERE case_id = ? ORDER BY platform, channel_id")
                .param(caseId)
                .query((rs, n) -> new ChannelRef(rs.getString("platform"), rs.getString("channel_id")))
                .list();
    }

    void audit(long caseId, Instant at, String actor, String action, String detail) {
        sql.sql("INSERT INTO audit_entry (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")
                .params(caseId, ts(at), Db.clip(actor, 300), action, Db.clip(detail, 2000))
                .update();
    }

    static String actor(MemberRef member) {
        return member == null
                ? SYSTEM_ACTOR
                : member.platform() + ":" + member.id() + " (" + member.displayName() + ")";
    }

    static String authorKey(Author author) {
        return author.handle().trim().toLowerCase(Locale.ROOT);
    }

    static String joinReasons(List<String> reasons) {
        return Db.clip(
                String.join(
                        "\n", reasons.stream().map(r -> r.replace('\n', ' ')).toList()),
                2000);
    }

    static List<String> splitReasons(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(CareCase c) {
        var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        p.addValue("id", c.id);
        p.addValue("kind", c.kind.name());
        p.addValue("confidence", c.confidence);
        p.addValue("kindReasons", joinReasons(c.kindReasons));
        p.addValue("priority", c.priority.name());
        p.addValue("priorityScore", c.priorityScore);
        p.addValue("priorityReasons", joinReasons(c.priorityReasons));
        p.addValue("state", c.state.name());
        p.addValue("snoozedUntil", ts(c.snoozedUntil));
        p.addValue("ownerPlatform", c.owner == null ? null : c.owner.platform());
        p.addValue("ownerId", c.owner == null ? null : c.owner.id());
        p.addValue("ownerName", c.owner == null ? null : Db.clip(c.owner.displayName(), 200));
        p.addValue("source", c.source);
        p.addValue("authorKey", c.authorKey);
        p.addValue("threadKey", c.threadKey);
        p.addValue("detectedAt", ts(c.detectedAt));
        p.addValue("postedAt", ts(c.postedAt));
        p.addValue("claimedAt", ts(c.claimedAt));
        p.addValue("firstResponseAt", ts(c.firstResponseAt));
        p.addValue("resolvedAt", ts(c.resolvedAt));
        p.addValue("deadlineStart", ts(c.deadlineStart));
        p.addValue("firstDueAt", ts(c.firstDueAt));
        p.addValue("dueAt", ts(c.dueAt));
        p.addValue("deadlineNo", c.deadlineNo);
        p.addValue("nudgeStep", c.nudgeStep);
        p.addValue("nextNudgeAt", ts(c.nextNudgeAt));
        p.addValue("replyText", Db.clip(c.replyText, 4000));
        p.addValue("dismissReason", Db.clip(c.dismissReason, 500));
        p.addValue("followUps", c.followUps);
        p.addValue("version", c.version);
        return p;
    }

    static CareCase mapCase(ResultSet rs, int row) throws SQLException {
        CareCase c = new CareCase();
        c.id = rs.getLong("id");
        c.kind = Kind.valueOf(rs.getString("kind"));
        c.confidence = rs.getDouble("confidence");
        c.kindReasons = splitReasons(rs.getString("kind_reasons"));
        c.priority = Priority.valueOf(rs.getString("priority"));
        c.priorityScore = rs.getInt("priority_score");
        c.priorityReasons = splitReasons(rs.getString("priority_reasons"));
        c.state = CaseState.valueOf(rs.getString("state"));
        c.snoozedUntil = instant(rs, "snoozed_until");
        c.owner = member(rs);
        c.source = rs.getString("source");
        c.authorKey = rs.getString("author_key");
        c.threadKey = rs.getString("thread_key");
        c.detectedAt = instant(rs, "detected_at");
        c.postedAt = instant(rs, "posted_at");
        c.claimedAt = instant(rs, "claimed_at");
        c.firstResponseAt = instant(rs, "first_response_at");
        c.resolvedAt = instant(rs, "resolved_at");
        c.deadlineStart = instant(rs, "deadline_start");
        c.firstDueAt = instant(rs, "first_due_at");
        c.dueAt = instant(rs, "due_at");
        c.deadlineNo = rs.getInt("deadline_no");
        c.nudgeStep = rs.getInt("nudge_step");
        c.nextNudgeAt = instant(rs, "next_nudge_at");
        c.replyText = rs.getString("reply_text");
        c.dismissReason = rs.getString("dismiss_reason");
        c.followUps = rs.getInt("follow_ups");
        c.version = rs.getInt("version");
        return c;
    }

    static MemberRef member(ResultSet rs) throws SQLException {
        String platform = rs.getString("owner_platform");
        return platform == null ? null : new MemberRef(platform, rs.getString("owner_id"), rs.getString("owner_name"));
    }

    static Post mapPost(ResultSet rs) throws SQLException {
        return new Post(
                rs.getString("p_source"),
                rs.getString("p_native_id"),
                Network.valueOf(rs.getString("p_network")),
                new Author(
                        rs.getString("p_author_handle"),
                        rs.getString("p_author_name"),
                        nullableLong(rs, "p_author_followers"),
                        rs.getString("p_author_url")),
                rs.getString("p_text"),
                rs.getString("p_lang"),
                instant(rs, "p_created_at"),
                rs.getString("p_permalink"),
                rs.getString("p_conversation_ref"),
                rs.getString("p_in_reply_to"));
    }
}
