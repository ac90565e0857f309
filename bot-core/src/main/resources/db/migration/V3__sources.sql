-- Feed sources: one checkpoint and one health row per configured source, and one row per item a feed delivered.
-- Portable SQL (H2 and PostgreSQL).

-- Where a source resumes. The engine advances it in the same transaction as the items it covers, and only when
-- the version it read is still current, so that two workers never both advance one checkpoint.
CREATE TABLE source_checkpoint (
    source_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    version    BIGINT        NOT NULL,
    state      VARCHAR(20000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How a source is doing: when it is polled next, its consecutive failures, the open alerts.
CREATE TABLE source_health (
    source_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    source_type      VARCHAR(32)  NOT NULL,
    healthy          BOOLEAN      NOT NULL,
    failures         INTEGER      NOT NULL DEFAULT 0,
    last_error       VARCHAR(1000),
    last_error_at    TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_item_at     TIMESTAMP WITH TIME ZONE,
    next_poll_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    alert_open       BOOLEAN      NOT NULL DEFAULT FALSE,
    silent_alert_open BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every item a feed source delivered, unique per (source, native id); fingerprint finds the same post seen
-- through another source (or re-published under a new id). reply_ref keeps what a reply on the network needs.
CREATE TABLE feed_item (
    source_id   VARCHAR(64)  NOT NULL,
    native_id   VARCHAR(300) NOT NULL,
    case_id     BIGINT       NOT NULL,
    fingerprint VARCHAR(128),
    text_print  VARCHAR(128),
    reply_ref   VARCHAR(2000),
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_id, native_id)
);
CREATE INDEX feed_item_fingerprint ON feed_item (fingerprint);
CREATE INDEX feed_item_text_print ON feed_item (text_print);
CREATE INDEX feed_item_seen ON feed_item (source_id, seen_at);
-- Posts that came in by webhook are found by their permalink too.
CREATE INDEX post_permalink ON post (permalink);
