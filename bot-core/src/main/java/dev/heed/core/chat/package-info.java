/**
 * The team's side of Heed, platform-neutral: the {@link dev.heed.core.chat.ChatPort} every chat adapter
 * implements, the {@link dev.heed.core.chat.CaseView} a card shows, the {@link dev.heed.core.chat.NudgeNotice}
 * posted in a card's thread, and the {@link dev.heed.core.chat.RouteTable} that decides which channels see
 * which cases. Nothing here talks to a network; adapters do.
 */
package dev.heed.core.chat;
