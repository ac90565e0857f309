/**
 * Slack through Bolt for Java. {@link dev.heed.slack.SlackChatAdapter} is the core's chat port (Block Kit cards,
 * nudges in threads, exactly-once through message metadata, pacing and 429s as retryable failures);
 * {@link dev.heed.slack.SlackBot} registers the listeners that turn buttons, reactions, the reply modal, App Home
 * and {@code /care} into core commands; {@link dev.heed.slack.SlackHttp} and {@link dev.heed.slack.SlackSocketMode}
 * connect one Bolt {@code App} over HTTP or Socket Mode. Untrusted text always goes through
 * {@link dev.heed.slack.SlackText}.
 */
package dev.heed.slack;
