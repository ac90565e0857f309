-- Slack Events API deliveries already handled (by event_id), so that Slack's retries act once, even when another
-- instance of Heed got the first delivery. Rows older than a day are removed by the Slack adapter.
CREATE TABLE slack_event (
    event_id VARCHAR(64) PRIMARY KEY,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_event_seen ON slack_event (seen_at);
