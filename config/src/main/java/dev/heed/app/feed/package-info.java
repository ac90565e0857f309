/**
 * Wiring of the feed sources: builds the core's {@link dev.heed.core.feed.FeedEngine} and its connectors from
 * {@code heed.sources[n]}, and answers {@code GET /api/sources}.
 */
package dev.heed.app.feed;
