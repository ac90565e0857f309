package dev.heed.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What came in over a period and how well it was answered.
 *
 * @param from start (inclusive) of the period, by detection time
 * @param to end (exclusive)
 * @param total cases detected in the period
 * @param byKind cases per kind
 * @param bySource cases per source
 * @param responses first-response figures of those cases
 * @param people per owner, busiest first
 * @param corrections cases the team reclassified or dismissed in the period: what the classifier learns from
 */
public record PeriodReport(
        Instant from,
        Instant to,
        long total,
        Map<dev.heed.core.model.Kind, Long> byKind,
        Map<String, Long> bySource,
        ResponseFigures responses,
        List<PersonFigures> people,
        long corrections) {

    /**
     * One person's figures.
     *
     * @param member the owner's display name
     * @param cases cases they owned
     * @param responses their first-response figures
     */
    public record PersonFigures(String member, long cases, ResponseFigures responses) {}
}
