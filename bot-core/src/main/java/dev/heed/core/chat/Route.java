package dev.heed.core.chat;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import java.util.List;
import java.util.Set;

/**
 * Sends the cases of some sources and kinds to some channels.
 *
 * @param sources source keys this route takes; empty means any source
 * @param kinds kinds this route takes; empty means any kind
 * @param channels where matching cases go
 */
public record Route(Set<String> sources, Set<Kind> kinds, List<ChannelRef> channels) {
    public Route {
        sources = Set.copyOf(sources);
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(kinds);
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one channel");
        }
    }

    public boolean matches(String source, Kind kind) {
        return (sources.isEmpty() || sources.contains(source)) && (kinds.isEmpty() || kinds.contains(kind));
    }
}
