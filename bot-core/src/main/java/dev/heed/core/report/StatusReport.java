package dev.heed.core.report;

import dev.heed.core.chat.StormView;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The team's situation right now.
 *
 * @param at when it was taken
 * @param openByState open cases (new, claimed, responded) per state
 * @param openByKind open cases per kind
 * @param unclaimed cases nobody owns yet
 * @param dueSoon cases waiting for a response whose deadline is within the next 30 minutes
 * @param overdue cases waiting for a response past their deadline
 * @param loadPerOwner open cases per owner's display name, busiest first
 * @param today first-response figures of the cases answered since local midnight
 * @param storms storms going on now (many cases of one source on one storm card), oldest first
 */
public record StatusReport(
        Instant at,
        Map<CaseState, Long> openByState,
        Map<Kind, Long> openByKind,
        long unclaimed,
        long dueSoon,
        long overdue,
        Map<String, Long> loadPerOwner,
        ResponseFigures today,
        List<StormView> storms) {

    public StatusReport {
        storms = List.copyOf(storms);
    }

    public long open() {
        return openByState.values().stream().mapToLong(Long::longValue).sum();
    }
}
