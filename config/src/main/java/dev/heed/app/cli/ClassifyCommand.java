package dev.heed.app.cli;

import dev.heed.core.classification.Classification;
import dev.heed.core.classification.KeywordPriorityScorer;
import dev.heed.core.classification.LanguageGuesser;
import dev.heed.core.classification.ModelClassifier;
import dev.heed.core.classification.PriorityAssessment;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar heed.jar classify}: reads posts from standard input (one per line, or JSON lines with a
 * {@code text} field and optionally {@code author_followers}) and writes one JSON object per line with
 * {@code kind}, {@code confidence}, {@code priority}, {@code language} and {@code reasons}. Starts no web server and
 * touches no database or chat. Exit code 0; 2 with a message naming the line when the input cannot be read.
 */
public final class ClassifyCommand {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NO_TIME = Instant.EPOCH;

    private ClassifyCommand() {}

    public static int run(InputStream in, PrintStream out, PrintStream err) {
        ModelClassifier classifier = ModelClassifier.trainDefault();
        KeywordPriorityScorer scorer = new KeywordPriorityScorer();
        LanguageGuesser languages = new LanguageGuesser();
        java.io.BufferedInputStream bytes = new java.io.BufferedInputStream(in);
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int number = 0;
        try {
            for (byte[] raw = readLine(bytes); raw != null; raw = readLine(bytes)) {
                number++;
                String line;
                try {
                    line = decoder.decode(java.nio.ByteBuffer.wrap(raw)).toString();
                } catch (CharacterCodingException notUtf8) {
                    throw new UnreadableLine("line " + number + " is not valid UTF-8; nothing after it was read");
                }
                if (line.isBlank()) {
                    continue;
                }
                Post post = post(line, number, languages);
                Classification classification = classifier.classify(post);
                PriorityAssessment priority = scorer.assess(post, classification);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("kind", classification.kind().word());
                result.put("confidence", Math.round(classification.confidence() * 1000) / 1000.0);
                result.put("priority", priority.priority().name().toLowerCase(Locale.ROOT));
                result.put("language", post.language());
                result.put("reasons", classification.reasons());
                result.put("priorityReasons", priority.reasons());
                out.println(JSON.writeValueAsString(result));
            }
            out.flush();
            return 0;
        } catch (UnreadableLine unreadable) {
            err.println("classify: " + unreadable.getMessage());
            return 2;
        } catch (IOException failed) {
            err.println("classify: cannot read standard input: " + failed.getMessage());
            return 2;
        }
    }

    /** The next line's bytes without its line end, or null at the end of the input. */
    private static byte[] readLine(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return java.util.Arrays.copyOf(bytes, length);
    }

    private static Post post(String line, int number, LanguageGuesser languages) {
        String text = line;
        Long followers = null;
        String language = null;
        if (line.stripLeading().startsWith("{")) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException malformed) {
                throw new UnreadableLine(
                        "line " + number + " starts with '{' but is not valid JSON: " + malformed.getOriginalMessage());
            }
            JsonNode textNode = node.get("text");
            if (textNode == null || !textNode.isString()) {
                throw new UnreadableLine("line " + number + " is JSON without a \"text\" string");
            }
            text = textNode.asString();
            JsonNode followersNode = node.get("author_followers");
            if (followersNode != null && followersNode.canConvertToLong() && followersNode.asLong() >= 0) {
                followers = followersNode.asLong();
            }
            JsonNode languageNode = node.get("lang");
            language = languageNode != null && languageNode.isString() ? languageNode.asString() : null;
        }
        return new Post(
                "cli",
                Integer.toString(number),
                Network.OTHER,
                new Author("cli", null, followers, null),
                text,
                language != null ? language : languages.guess(text),
                NO_TIME,
                null,
                null,
                null);
    }

    private static final class UnreadableLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableLine(String message) {
            super(message, null, false, false);
        }
    }
}
