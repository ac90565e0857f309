package dev.heed.app.web;

import dev.heed.app.HeedProperties;
import dev.heed.core.casework.AuditEntry;
import dev.heed.core.casework.AuditExport;
import dev.heed.core.casework.CaseFilter;
import dev.heed.core.casework.CaseViews;
import dev.heed.core.chat.CaseView;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.report.CareReports;
import dev.heed.core.report.StatusReport;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The read-only REST API. Active only when {@code heed.api.token} is set; every call needs
 * {@code Authorization: Bearer <token>} (checked by {@link ApiTokenInterceptor}).
 */
@RestController
@RequestMapping("/api")
class ApiController {
    private final CaseViews views;
    private final CareReports reports;
    private final AuditExport audit;
    private final java.time.ZoneId zone;

    ApiController(CaseViews views, CareReports reports, AuditExport audit, HeedProperties properties) {
        this.views = views;
        this.reports = reports;
        this.audit = audit;
        this.zone = properties.businessHours().zone();
    }

    /** Cases, newest first; filters {@code state}, {@code kind}, {@code since} (ISO-8601), {@code limit} (max 1000). */
    @GetMapping("/cases")
    List<CaseView> cases(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") int limit) {
        Set<CaseState> states = state == null ? Set.of() : Set.of(parseState(state));
        Kind k = kind == null ? null : parseKind(kind);
        Instant from = since == null ? null : parseInstant(since);
        if (limit < 1 || limit > 1000) {
            throw BadRequest.field("limit", "must be within 1..1000");
        }
        return views.list(new CaseFilter(states, k, from, null, false, limit));
    }

    /** One case with its audit trail. */
    @GetMapping("/cases/{id}")
    CaseDetail caseDetail(@PathVariable long id) {
        CaseView view = views.find(id)
                .orElseThrow(
                        () -> new BadRequest(HttpStatus.NOT_FOUND, "not_found", "There is no case #" + id + ".", null));
        List<CardLocation> cards = views.cards(id).entrySet().stream()
                .map(e -> new CardLocation(
                        e.getKey().toString(), e.getValue().map(m -> m.id()).orElse(null)))
                .toList();
        return new CaseDetail(view, cards, views.auditTrail(id));
    }

    @GetMapping("/status")
    StatusReport status() {
        return reports.status();
    }

    /**
     * Every case's audit trail as CSV ({@code entry,case,at,actor,action,detail}), oldest first, streamed;
     * {@code since} is an ISO-8601 time or a date (midnight in the business's time zone), all history without it.
     */
    @GetMapping("/audit.csv")
    ResponseEntity<StreamingResponseBody> auditCsv(@RequestParam(required = false) String since) {
        Instant from = since == null ? null : parseTimeOrDate(since);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            audit.write(from, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"heed-audit.csv\"")
                .body(body);
    }

    private Instant parseTimeOrDate(String text) {
        try {
            return java.time.LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notATime) {
                throw BadRequest.field(
                        "since", "must be a date such as 2026-11-01 or an ISO-8601 time such as 2026-11-01T00:00:00Z");
            }
        }
    }

    /** A case with where its cards are and everything that happened to it. */
    record CaseDetail(CaseView caseView, List<CardLocation> cards, List<AuditEntry> audit) {}

    /** A channel that shows the case ({@code platform:id}) and its card's message id, null until delivered. */
    record CardLocation(String channel, String messageId) {}

    private static CaseState parseState(String text) {
        try {
            return CaseState.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw BadRequest.field("state", "must be one of new, claimed, responded, resolved, dismissed");
        }
    }

    private static Kind parseKind(String text) {
        Kind kind = Kind.parseOrNull(text);
        if (kind == null) {
            throw BadRequest.field("kind", "must be one of complaint, question, compliment, other");
        }
        return kind;
    }

    private static Instant parseInstant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            throw BadRequest.field("since", "must be an ISO-8601 time such as 2026-11-23T00:00:00Z");
        }
    }
}
