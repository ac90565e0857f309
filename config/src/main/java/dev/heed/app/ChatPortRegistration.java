package dev.heed.app;

import dev.heed.core.chat.ChatPort;
import dev.heed.core.model.ChannelRef;
import java.util.Objects;

/**
 * A chat platform that is configured and active, with the channel its cases go to when no route says otherwise.
 * Adapters contribute one bean each; when there is none, Heed uses the console port.
 */
public record ChatPortRegistration(ChatPort port, ChannelRef defaultChannel) {
    public ChatPortRegistration {
        Objects.requireNonNull(port, "port");
        if (defaultChannel != null && !defaultChannel.platform().equals(port.platform())) {
            throw new IllegalArgumentException("default channel " + defaultChannel + " is not on " + port.platform());
        }
    }
}
