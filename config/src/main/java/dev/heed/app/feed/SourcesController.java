package dev.heed.app.feed;

import dev.heed.core.feed.SourceStatus;
import dev.heed.core.feed.SourceStatusQuery;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sources}: every configured source with its health, last success and posts today. */
@RestController
class SourcesController {
    private final SourceStatusQuery sources;

    SourcesController(SourceStatusQuery sources) {
        this.sources = sources;
    }

    @GetMapping("/api/sources")
    List<SourceStatus> sources() {
        return sources.all();
    }
}
