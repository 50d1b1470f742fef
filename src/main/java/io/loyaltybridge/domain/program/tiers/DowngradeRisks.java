package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.member.MemberId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Members' downgrade risk as last found by the tier assessment job. The risk moves with time alone (the days left
 * shrink), so the job, not an order, is what notices most changes.
 */
public interface DowngradeRisks {
    /** The stored risks; a member without one is at {@link DowngradeRisk#NONE}. */
    Map<MemberId, DowngradeRisk> get(Collection<MemberId> members);

    /** Stores the changes and queues those members for the CRMs; a fixed number of statements per batch. */
    void save(List<Change> changes, LocalDate on);

    /** A member whose risk is no longer {@code before}; {@code now} holds the new risk and what it comes from. */
    record Change(MemberId member, DowngradeRisk before, TierStatus now) {
    }

    /** Not watched: no store, no events (programs run without the job, e.g. in a what-if). */
    DowngradeRisks UNWATCHED = new DowngradeRisks() {
        @Override
        public Map<MemberId, DowngradeRisk> get(Collection<MemberId> members) {
            return Map.of();
        }

        @Override
        public void save(List<Change> changes, LocalDate on) {
        }
    };
}
