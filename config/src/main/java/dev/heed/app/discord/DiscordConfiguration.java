package dev.heed.app.discord;

import dev.heed.app.ChatPortRegistration;
import dev.heed.app.HeedProperties;
import dev.heed.core.casework.CaseCommands;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.feed.SourceStatusQuery;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.report.CareReports;
import dev.heed.core.support.Leases;
import dev.heed.discord.DiscordBot;
import dev.heed.discord.DiscordChatAdapter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Connects to Discord when {@code heed.discord.token} is set, and registers the Discord chat port with its default
 * channel. Start-up waits until the guild is ready and {@code /care} is registered; the log shows the invite URL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DiscordConfiguration.TokenSet.class)
class DiscordConfiguration {

    @Bean(destroyMethod = "close")
    DiscordBot discordBot(
            DiscordProperties discord,
            HeedProperties heed,
            CaseCommands commands,
            CaseViews views,
            CareReports reports,
            Clock clock,
            ObjectProvider<SourceStatusQuery> sources,
            Leases leases) {
        // Discord sends every event to every instance's connection: the holder of this lease acts on them.
        return DiscordBot.start(
                discord.settings(heed.businessHours().zone()),
                commands,
                views,
                reports,
                clock,
                discord.readyTimeout(),
                () -> sources.getObject().render(), // lazy: the feed engine needs the chat ports first
                leases.gate("discord-events"));
    }

    @Bean
    ChatPortRegistration discordChatPort(DiscordBot bot, DiscordProperties discord) {
        return new ChatPortRegistration(bot.chatPort(), new ChannelRef(DiscordChatAdapter.PLATFORM, discord.channel()));
    }

    /** True when {@code heed.discord.token} has text (an empty value keeps Discord off). */
    static final class TokenSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String token = context.getEnvironment().getProperty("heed.discord.token");
            return token != null && !token.isBlank();
        }
    }
}
