package dev.heed.core.feed.connector;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.heed.core.feed.SourceException;
import dev.heed.core.feed.SourceException.Reason;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;

/**
 * Parses RSS and Atom with ROME on a hardened XML parser: no DOCTYPE at all (so no external entities and no
 * entity expansion bombs), strict decoding (invalid UTF-8 is an error, not replacement characters). Every problem
 * is a {@link SourceException} with reason {@code MALFORMED}.
 */
final class SafeFeedParser {
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9._-]+)");

    private SafeFeedParser() {}

    static SyndFeed parse(byte[] body, String contentType) throws SourceException {
        String text = decode(body, contentType);
        SAXBuilder builder = new SAXBuilder();
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        try {
            Document document = builder.build(new StringReader(text));
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(document);
        } catch (JDOMException | IOException malformed) {
            throw new SourceException(Reason.MALFORMED, "not well-formed XML: " + malformed.getMessage(), malformed);
        } catch (FeedException | IllegalArgumentException notAFeed) {
            throw new SourceException(Reason.MALFORMED, "not an RSS or Atom feed: " + notAFeed.getMessage(), notAFeed);
        }
    }

    /** Decodes with the charset of the BOM, the XML declaration or the Content-Type (in that order), else UTF-8. */
    static String decode(byte[] body, String contentType) throws SourceException {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            skip = 3;
        } else {
            String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1).strip();
            Matcher declared = DECLARED.matcher(head);
            Matcher header = contentType == null ? null : CHARSET.matcher(contentType);
            String name =
                    declared.find() ? declared.group(1) : header != null && header.find() ? header.group(1) : null;
            if (name != null) {
                try {
                    charset = Charset.forName(name.toUpperCase(Locale.ROOT));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    throw new SourceException(Reason.MALFORMED, "unknown character encoding '" + name + "'");
                }
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip))
                    .toString();
        } catch (CharacterCodingException invalid) {
            throw new SourceException(Reason.MALFORMED, "invalid " + charset.name() + " in the feed", invalid);
        }
    }
}
