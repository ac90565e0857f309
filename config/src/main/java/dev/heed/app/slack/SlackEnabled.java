package dev.heed.app.slack;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Slack is on when {@code heed.slack.bot-token} is set to something. */
class SlackEnabled implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String token = context.getEnvironment().getProperty("heed.slack.bot-token");
        return token != null && !token.isBlank();
    }

    /** ... and in HTTP mode. */
    static final class HttpMode extends SlackEnabled {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata)
                    && "http".equals(context.getEnvironment().getProperty("heed.slack.mode", "socket"));
        }
    }

    /** ... and in Socket Mode (the default). */
    static final class SocketMode extends SlackEnabled {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata)
                    && "socket".equals(context.getEnvironment().getProperty("heed.slack.mode", "socket"));
        }
    }
}
