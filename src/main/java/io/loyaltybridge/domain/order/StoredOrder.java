package io.loyaltybridge.domain.order;

import io.loyaltybridge.domain.program.earning.MemberContext;

import java.util.Map;

/**
 * An order as we hold it: our row id; the revision that counts the distinct states we have seen (it makes each
 * state change's ledger write unique); and, once settled, the member context it was first evaluated in and the
 * points each campaign gave it, so a re-evaluation after a refund uses the same rules.
 */
public record StoredOrder(long id, Order order, int revision, MemberContext earnContext,
                          Map<String, Long> campaignPoints) {
    public StoredOrder {
        campaignPoints = campaignPoints == null ? Map.of() : Map.copyOf(campaignPoints);
    }

    public StoredOrder(long id, Order order, int revision) {
        this(id, order, revision, null, Map.of());
    }
}
