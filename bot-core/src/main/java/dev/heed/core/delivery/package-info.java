/**
 * Delivery of the outbox to the chat ports: in order per case and channel, with retries and backoff, recording
 * the chat message ids, so that a chat outage or a crash loses nothing and posts nothing twice.
 */
package dev.heed.core.delivery;
