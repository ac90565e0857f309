/**
 * Discord wiring: the typed {@code heed.discord.*} properties and the configuration that connects the Discord
 * adapter (JDA) when a bot token is set and registers its chat port next to any other.
 */
package dev.heed.app.discord;
