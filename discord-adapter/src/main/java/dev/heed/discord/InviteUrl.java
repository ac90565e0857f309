package dev.heed.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.Permission;

/** The link that adds Heed to a server with exactly the permissions and scopes it needs. */
public final class InviteUrl {
    /**
     * See channels, post cards, embed them, read the history (to find a card again after a crash), add reactions,
     * open threads on cards and post nudges in them.
     */
    public static final EnumSet<Permission> PERMISSIONS = EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_ADD_REACTION,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS);

    /** {@code bot} joins the server; {@code applications.commands} allows {@code /care}. */
    public static final String SCOPES = "bot+applications.commands";

    private InviteUrl() {}

    public static String of(long applicationId, long guildId) {
        return "https://discord.com/oauth2/authorize?client_id=" + Long.toUnsignedString(applicationId)
                + "&scope=" + SCOPES + "&permissions=" + Permission.getRaw(PERMISSIONS)
                + (guildId == 0 ? "" : "&guild_id=" + Long.toUnsignedString(guildId) + "&disable_guild_select=true");
    }
}
