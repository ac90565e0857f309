package dev.heed.app;

import dev.heed.core.chat.ChatPort;
import dev.heed.core.model.ChannelRef;
import java.util.List;
import java.util.Objects;

/** The chat platforms Heed delivers to in this run. */
public record ChatPorts(List<ChatPortRegistration> registrations) {
    public ChatPorts {
        registrations = List.copyOf(registrations);
        if (registrations.isEmpty()) {
            throw new IllegalArgumentException("at least one chat port is needed");
        }
    }

    public List<ChatPort> ports() {
        return registrations.stream().map(ChatPortRegistration::port).toList();
    }

    public List<ChannelRef> defaultChannels() {
        return registrations.stream()
                .map(ChatPortRegistration::defaultChannel)
                .filter(Objects::nonNull)
                .toList();
    }
}
