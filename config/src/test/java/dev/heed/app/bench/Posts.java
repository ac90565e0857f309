package dev.heed.app.bench;

import dev.heed.core.classification.LabelledText;
import dev.heed.core.classification.ModelClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Realistic posts for the benchmarks: the shipped corpus's texts, cycled, each post with its own id and author. */
final class Posts {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TEXTS =
            ModelClassifier.shippedCorpus().stream().map(LabelledText::text).toList();

    private Posts() {}

    static List<String> texts() {
        return TEXTS;
    }

    /** The webhook body of post number {@code n}: a JSON object as a relay such as Zapier sends it. */
    static String webhookJson(String runId, int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", runId + "-" + n);
        body.put("url", "https://x.example/u" + (n % 5_000) + "/status/" + runId + n);
        body.put("text", TEXTS.get(n % TEXTS.size()));
        body.put("author_handle", "@user" + (n % 5_000));
        body.put("author_name", "User " + (n % 5_000));
        body.put("author_followers", (n * 37) % 20_000);
        body.put("created_at", "2026-11-23T08:59:00Z");
        return JSON.writeValueAsString(body);
    }
}
