/**
 * Discord through JDA 6: {@link dev.heed.discord.DiscordBot} connects (guild-reactions intent only), registers
 * {@code /care} in the configured guild and listens; {@link dev.heed.discord.DiscordChatAdapter} implements the core's
 * {@code ChatPort} (cards as embeds with buttons, edits in place, nudges in a thread on the card, nonce-based
 * exactly-once sends, per-channel pacing); {@code DiscordInteractions} turns buttons, menus, the reply modal,
 * reactions and slash commands into core commands. Untrusted text is escaped by {@link dev.heed.discord.DiscordText}
 * and no message allows mentions beyond the ones Heed names. The module depends on bot-core only.
 */
package dev.heed.discord;
