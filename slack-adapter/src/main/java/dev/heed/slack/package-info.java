/**
 * Slack through Bolt for Java: implements the core's {@code ChatPort} and turns Slack clicks, reactions and
 * slash commands into core commands. The Bolt wiring arrives with the Slack issue; until then the module only
 * fixes its place in the Maven graph (it depends on bot-core and never on the Discord adapter).
 */
package dev.heed.slack;
