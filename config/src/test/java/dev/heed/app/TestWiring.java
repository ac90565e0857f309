package dev.heed.app;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.testing.MutableClock;
import dev.heed.core.testing.RecordingChatPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves and a chat port that records what Heed shows, instead of the console. */
@TestConfiguration(proxyBeanMethods = false)
public class TestWiring {
    public static final ChannelRef CHANNEL = new ChannelRef("test", "care");

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.at("2026-11-23T09:00:00Z"); // a Monday, inside the default business hours
    }

    @Bean
    RecordingChatPort recordingChatPort() {
        return new RecordingChatPort("test");
    }

    @Bean
    ChatPortRegistration recordingRegistration(RecordingChatPort port) {
        return new ChatPortRegistration(port, CHANNEL);
    }
}
