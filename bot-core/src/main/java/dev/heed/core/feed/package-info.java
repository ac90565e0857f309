/**
 * Feed sources: the SPI a connector implements ({@link dev.heed.core.feed.PollingSource}, optionally
 * {@link dev.heed.core.feed.StreamingSource}), and the {@link dev.heed.core.feed.FeedEngine} that polls them on
 * their own intervals, commits each page of new posts with their cards and the advanced checkpoint in one
 * transaction (with a version check), backs off with jitter on errors, honours each host's rate-limit headers
 * through {@link dev.heed.core.feed.FeedHttp}, keeps every source's health and alerts the team once when a source
 * fails, once when it recovers, and once when it has been silent too long. The connectors themselves live in
 * {@code feed.connector}.
 */
package dev.heed.core.feed;
