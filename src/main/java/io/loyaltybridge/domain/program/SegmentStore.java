package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.member.MemberId;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computed segments and lifetime values, and the order facts they are computed from. */
public interface SegmentStore {
    /** A member's segments and lifetime value as last computed. */
    record Assigned(MemberId member, RfmScore rfm, String rfmSegment, Set<String> segments, String churnRisk,
                    String preferredCategory, BigDecimal cltvHistoric, BigDecimal cltvPredicted) {
    }

    /** Each member's orders as facts (day in the program's zone, kept amount, spend by category). */
    Map<MemberId, List<OrderFact>> orderFacts(Collection<MemberId> members);

    Map<MemberId, Long> pointBalances(Collection<MemberId> members);

    /** Saves the batch; members whose stored values changed are queued for the CRMs. Returns how many changed. */
    int save(List<Assigned> assigned);

    Map<MemberId, Assigned> get(Collection<MemberId> members);
}
