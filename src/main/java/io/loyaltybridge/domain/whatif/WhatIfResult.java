package io.loyaltybridge.domain.whatif;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/**
 * A what-if's answer: the program in force ("now", replayed the same way so only the rules differ) against the
 * candidate, over the same history.
 *
 * @param members   members replayed (those whose history failed to settle under either program are left out)
 * @param orders    orders replayed
 * @param failed    members left out, by id
 * @param now       totals under the program in force
 * @param candidate totals under the candidate
 * @param issued    points issued per month (program time zone): {now, candidate}
 * @param tiers     members per tier, each program's tiers lowest first (a tier only one program has shows 0 in the
 *                  other)
 * @param movedUp   members whose tier would rank higher under the candidate (ranks within each program's levels)
 * @param movedDown members whose tier would rank lower
 * @param changed   members whose points, pending points, cashback or tier differ
 * @param largest   the members with the largest changes, largest first
 * @param replayed  what the replay made of the jobs and staff tier grants, and what it did not replay
 */
public record WhatIfResult(long members, long orders, List<Long> failed, Totals now, Totals candidate,
                           SortedMap<YearMonth, long[]> issued, List<TierCount> tiers, long movedUp, long movedDown,
                           long changed, List<MemberChange> largest, Replayed replayed) {

    /**
     * Beyond the orders and carried entries: points the expiry job would have taken by today under each program,
     * members with staff tier grants (replayed with their dates), those whose grant names a tier the candidate lacks
     * (so not replayed under it), and in words each part of the history the replay does not reproduce.
     */
    public record Replayed(long expiredNow, long expiredCandidate, long membersWithGrants,
                           long grantsNotReplayedCandidate, List<String> notReplayed) {
    }

    /** Liability as the KPIs count it: points owed (pending included) and cashback owed in minor units. */
    public record Totals(long points, long pendingPoints, long cashbackMinor, long pendingCashbackMinor) {
        public long liabilityPoints() {
            return points + pendingPoints;
        }

        public long liabilityCashbackMinor() {
            return cashbackMinor + pendingCashbackMinor;
        }
    }

    public record TierCount(String tier, long now, long candidate) {
    }

    public record MemberChange(long member, Figures now, Figures candidate) {
        /** How far the member's points owed move, for ranking changes. */
        public long pointsDelta() {
            return candidate.liabilityPoints() - now.liabilityPoints();
        }

        public long cashbackDeltaMinor() {
            return candidate.liabilityCashbackMinor() - now.liabilityCashbackMinor();
        }
    }
}
