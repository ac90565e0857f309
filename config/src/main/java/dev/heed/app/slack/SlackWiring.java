package dev.heed.app.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import dev.heed.app.ChatPortRegistration;
import dev.heed.app.HeedProperties;
import dev.heed.core.casework.CaseCommands;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.feed.SourceStatusQuery;
import dev.heed.core.model.ChannelRef;
import dev.heed.core.report.CareReports;
import dev.heed.core.support.Db;
import dev.heed.slack.SlackApps;
import dev.heed.slack.SlackBot;
import dev.heed.slack.SlackChatAdapter;
import dev.heed.slack.SlackHttp;
import dev.heed.slack.SlackSettings;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Slack, when a bot token is configured: one Bolt app with Heed's listeners, the Slack chat port (which turns the
 * console port off), and either the HTTP endpoint or the Socket Mode connection.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
class SlackWiring {
    private static final Logger log = LoggerFactory.getLogger(SlackWiring.class);

    @Bean
    SlackSettings slackSettings(SlackProperties properties) {
        ChannelRef channel =
                new ChannelRef(SlackSettings.PLATFORM, properties.channel().strip());
        return new SlackSettings(
                channel,
                properties.onDuty().stream().map(String::strip).toList(),
                properties.managers().stream().map(String::strip).toList(),
                properties.managersOnly(),
                properties.claimReaction(),
                properties.respondReaction(),
                properties.postEvery(),
                3);
    }

    @Bean
    Slack slack(SlackProperties properties) {
        return SlackApps.slack(properties.apiUrl());
    }

    @Bean(destroyMethod = "stop")
    App slackApp(
            Slack slack,
            SlackProperties properties,
            SlackSettings settings,
            CaseCommands commands,
            CaseViews views,
            CareReports reports,
            Clock clock,
            HeedProperties heed,
            Db db,
            ObjectProvider<SourceStatusQuery> sources) {
        App app = SlackApps.app(
                slack,
                properties.botToken().strip(),
                properties.signingSecret() == null
                        ? null
                        : properties.signingSecret().strip());
        SlackBot.register(
                app,
                db,
                commands,
                views,
                reports,
                clock,
                heed.businessHours().zone(),
                settings,
                () -> sources.getObject().render());
        log.info(
                "Slack is on ({} mode): cards go to channel {}",
                properties.socketMode() ? "Socket" : "HTTP",
                settings.defaultChannel().id());
        return app;
    }

    @Bean
    ChatPortRegistration slackChatPort(Slack slack, SlackProperties properties, SlackSettings settings, Clock clock) {
        SlackChatAdapter adapter =
                new SlackChatAdapter(slack.methods(properties.botToken().strip()), clock, settings);
        return new ChatPortRegistration(adapter, settings.defaultChannel());
    }

    @Bean
    @Conditional(SlackEnabled.HttpMode.class)
    SlackHttp slackHttp(App app) {
        return new SlackHttp(app);
    }

    @Bean
    @Conditional(SlackEnabled.SocketMode.class)
    SlackSocketConnection slackSocketConnection(App app, SlackProperties properties) {
        return new SlackSocketConnection(app, properties.appToken().strip());
    }
}
