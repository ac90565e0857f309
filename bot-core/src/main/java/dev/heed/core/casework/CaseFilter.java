package dev.heed.core.casework;

import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import java.time.Instant;
import java.util.Set;

/**
 * Which cases to list.
 *
 * @param states only these states; empty means any
 * @param kind only this kind, or null
 * @param since only cases detected at or after this instant, or null
 * @param owner only cases this member owns, or null
 * @param byDeadline order by deadline (soonest first, cases without one last) instead of newest first
 * @param limit at most this many (1..1000)
 */
public record CaseFilter(
        Set<CaseState> states, Kind kind, Instant since, MemberRef owner, boolean byDeadline, int limit) {

    public CaseFilter {
        states = Set.copyOf(states);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be within 1..1000: " + limit);
        }
    }

    public static CaseFilter newest(int limit) {
        return new CaseFilter(Set.of(), null, null, null, false, limit);
    }

    /** Cases waiting for a response (new or claimed), soonest deadline first: the team's queue. */
    public static CaseFilter queue(int limit) {
        return new CaseFilter(Set.of(CaseState.NEW, CaseState.CLAIMED), null, null, null, true, limit);
    }

    public CaseFilter ownedBy(MemberRef member) {
        return new CaseFilter(states, kind, since, member, byDeadline, limit);
    }
}
