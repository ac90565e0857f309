package dev.heed.core.casework;

import static dev.heed.core.support.Db.instant;

import dev.heed.core.chat.CaseView;
import dev.heed.core.chat.StormView;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.support.Db;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads storms for cards and {@code /care status}, and keeps the books of their delivery: which message is a storm's
 * card, and which cases a thread message lists. Storm outbox rows carry {@code case_id = -storm id}.
 */
public final class StormStore {
    private static final int WORD_SAMPLE = 500;
    private static final int TOP_WORDS = 5;
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "you", "your", "are", "was", "were", "this", "that", "with", "have", "has", "had",
            "not", "but", "they", "them", "their", "our", "out", "all", "just", "from", "what", "when", "why", "how",
            "can", "will", "would", "could", "should", "about", "there", "here", "been", "being", "its", "it's", "i'm",
            "don't", "didn't", "does", "did", "get", "got", "any", "too", "very", "more", "than", "then", "now", "one",
            "also", "into", "over", "again", "some", "only", "still", "even", "because", "http", "https", "www", "com",
            "amp", "via", "she", "his", "her", "him", "who", "she's", "he's", "we're", "you're", "let");

    private final Db db;

    public StormStore(Db db) {
        this.db = db;
    }

    /** The storm an outbox lane stands for: storm rows use the negative storm id as their case id. */
    public static long stormOfLane(long laneCaseId) {
        return -laneCaseId;
    }

    static long lane(long stormId) {
        return -stormId;
    }

    public Optional<StormView> find(long stormId) {
        return db.sql()
                .sql("SELECT * FROM storm WHERE id = ?")
                .param(stormId)
                .query((rs, n) -> new Head(
                        rs.getLong("id"),
                        rs.getString("source"),
                        new ChannelRef(rs.getString("platform"), rs.getString("channel_id")),
                        instant(rs, "started_at"),
                        instant(rs, "ended_at")))
                .optional()
                .map(this::view);
    }

    /** Storms still going on, oldest first. */
    public List<StormView> active() {
        return db.sql().sql("SELECT id FROM storm WHERE ended_at IS NULL ORDER BY id").query(Long.class).list().stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    /** The chat message of a storm's card, once it is posted. */
    public Optional<String> messageId(long stormId) {
        return db.sql()
                .sql("SELECT message_id FROM storm WHERE id = ?")
                .param(stormId)
                .query((rs, n) -> Optional.ofNullable(rs.getString("message_id")))
                .optional()
                .flatMap(m -> m);
    }

    public void recordCard(long stormId, String messageId) {
        db.sql()
                .sql("UPDATE storm SET message_id = ? WHERE id = ?")
                .params(messageId, stormId)
                .update();
    }

    /** The storm that stands for a case in a channel, or empty when the case has (or gets) its own card there. */
    public Optional<Long> stormOf(long caseId, ChannelRef channel) {
        return db.sql()
                .sql("SELECT storm_id FROM case_message WHERE case_id = ? AND platform = ? AND channel_id = ?")
                .params(caseId, channel.platform(), channel.id())
                .query((rs, n) -> Optional.ofNullable(Db.nullableLong(rs, "storm_id")))
                .optional()
                .flatMap(s -> s);
    }

    /**
     * The cases that the thread message of outbox row {@code rowId} lists: the ones it took on an earlier attempt,
     * else up to {@link StormSettings#LIST_SIZE} cases not listed yet, which it takes now.
     */
    public List<Long> takeBatch(long stormId, ChannelRef channel, long rowId) {
        return db.inTransaction(() -> {
            List<Long> taken = batch(stormId, channel, "listed_by = " + rowId);
            if (!taken.isEmpty()) {
                return taken;
            }
            List<Long> next = batch(stormId, channel, "listed_by IS NULL");
            for (long caseId : next) {
                db.sql()
                        .sql("""
                                UPDATE case_message SET listed_by = ?
                                WHERE case_id = ? AND platform = ? AND channel_id = ? AND listed_by IS NULL
                                """)
                        .params(rowId, caseId, channel.platform(), channel.id())
                        .update();
            }
            return batch(stormId, channel, "listed_by = " + rowId);
        });
    }

    /** Cases of the storm in this channel that no thread message lists yet. */
    public long unlisted(long stormId, ChannelRef channel) {
        return db.sql()
                .sql("""
                        SELECT COUNT(*) FROM case_message
                        WHERE storm_id = ? AND platform = ? AND channel_id = ? AND listed_by IS NULL
                        """)
                .params(stormId, channel.platform(), channel.id())
                .query(Long.class)
                .single();
    }

    /** After a thread message went out: queue the next one if cases are waiting (at once for a full batch). */
    public void listed(long stormId, ChannelRef channel, Instant now) {
        long waiting = unlisted(stormId, channel);
        if (waiting > 0) {
            new OutboxWriter(db)
                    .stormList(
                            stormId,
                            channel,
                            waiting >= StormSettings.LIST_SIZE ? now : now.plus(StormSettings.LIST_EVERY),
                            now);
        }
    }

    private List<Long> batch(long stormId, ChannelRef channel, String condition) {
        return db.sql()
                .sql("SELECT case_id FROM case_message WHERE storm_id = ? AND platform = ? AND channel_id = ? AND "
                        + condition + " ORDER BY case_id LIMIT " + StormSettings.LIST_SIZE)
                .params(stormId, channel.platform(), channel.id())
                .query(Long.class)
                .list();
    }

    private StormView view(Head head) {
        long[] counts = new long[4];
        db.sql().sql("""
                        SELECT COUNT(*) AS cases,
                            SUM(CASE WHEN c.state = 'NEW' THEN 1 ELSE 0 END) AS unclaimed,
                            SUM(CASE WHEN c.owner_id IS NOT NULL THEN 1 ELSE 0 END) AS claimed,
                            SUM(CASE WHEN c.first_response_at IS NOT NULL THEN 1 ELSE 0 END) AS responded
                        FROM case_message m JOIN care_case c ON c.id = m.case_id
                        WHERE m.storm_id = ?
                        """).param(head.id).query(rs -> {
            counts[0] = rs.getLong("cases");
            counts[1] = rs.getLong("unclaimed");
            counts[2] = rs.getLong("claimed");
            counts[3] = rs.getLong("responded");
        });
        Map<String, Long> followers = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> words = new HashMap<>();
        db.sql().sql("""
                        SELECT LOWER(p.author_handle) AS handle, MAX(COALESCE(p.author_name, p.author_handle)) AS name,
                            MAX(COALESCE(p.author_followers, 0)) AS followers
                        FROM case_message m JOIN post p ON p.case_id = m.case_id
                        WHERE m.storm_id = ? GROUP BY LOWER(p.author_handle)
                        """).param(head.id).query(rs -> {
            followers.put(rs.getString("handle"), Math.max(0L, rs.getLong("followers")));
            names.put(rs.getString("handle"), rs.getString("name"));
        });
        db.sql().sql("""
                        SELECT p.text FROM case_message m JOIN post p ON p.case_id = m.case_id
                        WHERE m.storm_id = ? ORDER BY p.id DESC LIMIT
                        """ + WORD_SAMPLE).param(head.id).query(rs -> {
            for (String word : words(rs.getString("text"))) {
                words.merge(word, 1, Integer::sum);
            }
        });
        List<String> top = words.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_WORDS)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(ArrayList::new));
        Optional<Map.Entry<String, Long>> loudest =
                followers.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue));
        return new StormView(
                head.id,
                head.source,
                head.channel,
                head.startedAt,
                head.endedAt,
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                top,
                followers.size(),
                followers.values().stream().mapToLong(Long::longValue).sum(),
                loudest.map(e -> names.get(e.getKey())).orElse(null),
                loudest.map(Map.Entry::getValue).orElse(0L));
    }

    /** Lower-case words of three letters or more, without links, mentions and common function words. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.startsWith("http") || token.startsWith("@") || token.startsWith("#")) {
                continue;
            }
            String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (word.length() >= 3
                    && word.codePoints().allMatch(cp -> Character.isLetter(cp) || cp == '\'')
                    && !STOP_WORDS.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /** Case ids as views for a thread message, in case order. */
    public List<CaseView> views(List<Long> caseIds) {
        CaseViews views = new CaseViews(db);
        return caseIds.stream().map(views::find).flatMap(Optional::stream).toList();
    }

    private record Head(long id, String source, ChannelRef channel, Instant startedAt, Instant endedAt) {}
}
