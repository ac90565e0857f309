/**
 * The feed connectors: RSS and Atom (with presets for Google Alerts and Reddit search), Apple App Store reviews,
 * Hacker News through the Algolia search API, Mastodon and Bluesky. Each is plain {@code java.net.http} through the
 * engine's {@link dev.heed.core.feed.FeedHttp}, Jackson for JSON and ROME for feeds; each turns its API's payload
 * into posts and keeps its resume position in a {@link dev.heed.core.feed.Checkpoint}.
 */
package dev.heed.core.feed.connector;
