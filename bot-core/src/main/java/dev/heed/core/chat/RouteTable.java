package dev.heed.core.chat;

import dev.heed.core.model.ChannelRef;
import dev.heed.core.model.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which channels get a case: every route that matches the case's source and kind contributes its
 * channels; a case no route matches goes to the default channels (one per active chat platform).
 */
public final class RouteTable {
    private final List<Route> routes;
    private final List<ChannelRef> defaults;

    public RouteTable(List<Route> routes, List<ChannelRef> defaults) {
        this.routes = List.copyOf(routes);
        this.defaults = List.copyOf(defaults);
        if (this.defaults.isEmpty() && this.routes.isEmpty()) {
            throw new IllegalArgumentException("no chat channel configured: cases would go nowhere");
        }
    }

    public static RouteTable to(ChannelRef... defaults) {
        return new RouteTable(List.of(), List.of(defaults));
    }

    public List<ChannelRef> channelsFor(String source, Kind kind) {
        Set<ChannelRef> channels = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.matches(source, kind)) {
                channels.addAll(route.channels());
            }
        }
        if (channels.isEmpty()) {
            channels.addAll(defaults);
        }
        return List.copyOf(channels);
    }

    /** Every channel any case can go to, for start-up checks. */
    public Set<ChannelRef> allChannels() {
        Set<ChannelRef> all = new LinkedHashSet<>(defaults);
        routes.forEach(route -> all.addAll(route.channels()));
        return all;
    }
}
