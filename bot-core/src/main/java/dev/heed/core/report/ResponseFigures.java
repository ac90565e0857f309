package dev.heed.core.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * First-response figures of a set of cases.
 *
 * @param responded cases with a first response
 * @param median median time to first response, or null when none responded
 * @param p90 90th percentile (nearest rank), or null when none responded
 * @param withinDeadline cases with a deadline that were answered by it
 * @param withDeadline cases with a deadline that were answered, or are past it unanswered
 */
public record ResponseFigures(long responded, Duration median, Duration p90, long withinDeadline, long withDeadline) {

    /** Share of cases with a deadline that were answered in time, 0..1, or null when there were none. */
    public Double shareWithinDeadline() {
        return withDeadline == 0 ? null : (double) withinDeadline / withDeadline;
    }

    static final class Builder {
        private final List<Duration> times = new ArrayList<>();
        private long within;
        private long counted;

        void add(Duration firstResponse, Boolean inTime) {
            if (firstResponse != null) {
                times.add(firstResponse.isNegative() ? Duration.ZERO : firstResponse);
            }
            if (inTime != null) {
                counted++;
                if (inTime) {
                    within++;
                }
            }
        }

        ResponseFigures build() {
            Collections.sort(times);
            return new ResponseFigures(times.size(), rank(0.5), rank(0.9), within, counted);
        }

        private Duration rank(double percentile) {
            if (times.isEmpty()) {
                return null;
            }
            int index = (int) Math.ceil(percentile * times.size()) - 1;
            return times.get(Math.max(0, Math.min(times.size() - 1, index)));
        }
    }
}
