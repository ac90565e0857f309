package dev.heed.app.llm;

import dev.heed.core.classification.BrandSettings;
import dev.heed.core.classification.Classification;
import dev.heed.core.classification.ReplySuggester;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.Post;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optional drafting by a language model through any OpenAI-compatible chat-completions endpoint (OpenAI, Azure
 * OpenAI, Ollama, vLLM). The social-care rules are the system prompt; the draft must pass the same checks as any
 * suggestion (length, no mentions or links of its own, no promises of money) or it is dropped. Any failure or a
 * slow answer leaves the template suggestions as they are.
 */
public final class LlmReplyDrafter implements ReplySuggester {
    private static final Logger log = LoggerFactory.getLogger(LlmReplyDrafter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("(?i)https?://|www\\.");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.]+");
    private static final Pattern PROMISE = Pattern.compile(
            "(?i)\\b(refund|compensat\\w*|voucher|discount|free of charge|money back|guarantee\\w*)\\b");

    static final String SYSTEM_PROMPT = """
            You draft one public reply from a small business to a post about it on social media. Rules:
            1. Be human and warm; use the person's first name; no corporate boilerplate; no blame; never argue or \
            sound defensive - you are writing for everyone who reads the thread.
            2. Complaints: thank them for telling you, say sorry for the experience, and offer the private channel \
            given below to sort it out. Do not troubleshoot in public.
            3. Compliments: thank them personally; you may invite a review only if a review link is given.
            4. Questions: answer briefly if the answer is obvious from the post, otherwise point to the private channel.
            5. Never promise refunds, compensation, discounts or anything the business has not offered.
            6. No links, hashtags or @mentions. Plain text only, at most %d characters. Reply with the text only.
            """;

    private final ReplySuggester templates;
    private final BrandSettings brand;
    private final HttpClient http;
    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;

    public LlmReplyDrafter(
            ReplySuggester templates, BrandSettings brand, URI baseUrl, String model, String apiKey, Duration timeout) {
        this.templates = templates;
        this.brand = brand;
        this.endpoint = baseUrl.resolve(baseUrl.getPath().endsWith("/") ? "chat/completions" : "/chat/completions");
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<SuggestedReply> suggest(Post post, Classification classification) {
        List<SuggestedReply> suggestions = templates.suggest(post, classification);
        Optional<String> draft = draft(post, classification);
        if (draft.isEmpty()) {
            return suggestions;
        }
        List<SuggestedReply> all = new ArrayList<>();
        all.add(new SuggestedReply("Drafted", draft.get()));
        all.addAll(suggestions.subList(0, Math.min(2, suggestions.size())));
        return List.copyOf(all);
    }

    Optional<String> draft(Post post, Classification classification) {
        int limit = post.network().replyLimit();
        String user = "Business: " + brand.name() + "\nPrivate channel: "
                + (brand.supportContact().isBlank() ? "a direct message" : brand.supportContact()) + "\nReview link: "
                + (brand.reviewLink().isBlank() ? "none" : "given") + "\nKind of post: "
                + classification.kind().word()
                + "\nAuthor: " + post.author().nameOrHandle() + "\nPost: " + post.text();
        Map<String, Object> body = Map.of(
                "model",
                model,
                "temperature",
                0.3,
                "max_tokens",
                Math.max(64, limit / 2),
                "messages",
                List.of(
                        Map.of("role", "system", "content", SYSTEM_PROMPT.formatted(limit)),
                        Map.of("role", "user", "content", user)));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (apiKey != null && !apiKey.isBlank()) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("Reply drafting: the model endpoint answered {}; using templates", response.statusCode());
                return Optional.empty();
            }
            JsonNode content = JSON.readTree(response.body()).at("/choices/0/message/content");
            if (!content.isString()) {
                log.warn("Reply drafting: no choices[0].message.content in the answer; using templates");
                return Optional.empty();
            }
            return acceptable(content.asString().strip(), limit);
        } catch (IOException | JacksonException failed) {
            log.warn("Reply drafting failed ({}); using templates", failed.toString());
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The same rules as every suggestion: within the limit, no links or mentions of its own, no money promises. */
    static Optional<String> acceptable(String draft, int limit) {
        String text = draft.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        String why = null;
        if (text.isEmpty()) {
            why = "empty";
        } else if (text.codePointCount(0, text.length()) > limit) {
            why = "longer than " + limit;
        } else if (LINK.matcher(text).find()) {
            why = "contains a link";
        } else if (MENTION.matcher(text).find()) {
            why = "contains a mention";
        } else if (PROMISE.matcher(text).find()) {
            why = "promises money or compensation";
        }
        if (why != null) {
            log.info("Reply drafting: draft dropped ({})", why.toLowerCase(Locale.ROOT));
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
