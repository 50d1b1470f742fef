package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.store.PgOrderBatchLookups;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lookups of one ingest batch, read up front (two statements per batch instead of two per order) and kept up
 * to date as the batch's own orders are taken in. Anything not found here is looked up one by one as before, so
 * a stale or empty batch view only costs a query, never a wrong answer.
 */
final class OrderBatch {
    /** No prefetch: every lookup goes to the database (dead-letter replays, single records). */
    static final OrderBatch NONE = new OrderBatch(Map.of(), Map.of());

    private final Map<String, Map<String, MemberId>> members;
    private final Map<String, Map<String, Instant>> modified;

    private OrderBatch(Map<String, Map<String, MemberId>> members, Map<String, Map<String, Instant>> modified) {
        this.members = members;
        this.modified = modified;
    }

    static OrderBatch load(PgOrderBatchLookups lookups, List<InboundOrder> batch) {
        Map<String, List<InboundOrder>> bySystem = batch.stream().filter(o -> o.system() != null)
                .collect(Collectors.groupingBy(InboundOrder::system));
        Map<String, Map<String, MemberId>> members = new HashMap<>();
        Map<String, Map<String, Instant>> modified = new HashMap<>();
        bySystem.forEach((system, orders) -> {
            members.put(system, lookups.membersByContact(system, orders.stream().map(InboundOrder::contactExternalId)
                    .filter(Objects::nonNull).distinct().toList()));
            modified.put(system, new HashMap<>(lookups.sourceModifiedAt(system, orders.stream()
                    .map(InboundOrder::externalId).filter(Objects::nonNull).distinct().toList())));
        });
        return new OrderBatch(members, modified);
    }

    /** The member of the order's contact, when the batch view knows it. */
    Optional<MemberId> member(InboundOrder order) {
        return Optional.ofNullable(members.getOrDefault(order.system(), Map.of()).get(order.contactExternalId()));
    }

    /** Empty when the batch view does not know; otherwise whether the order is held and its stored version. */
    Optional<Optional<Instant>> sourceModifiedAt(InboundOrder order) {
        Map<String, Instant> held = modified.get(order.system());
        if (held == null) {
            return Optional.empty();
        }
        return Optional.of(held.containsKey(order.externalId())
                ? Optional.ofNullable(held.get(order.externalId())) : Optional.empty());
    }

    /** The order was taken in (its savepoint released): later orders of the batch must see its stored version. */
    void taken(InboundOrder order) {
        Map<String, Instant> held = modified.get(order.system());
        if (held == null) {
            return;
        }
        Instant before = held.get(order.externalId());
        Instant now = order.modifiedAt();
        held.put(order.externalId(), before == null ? now : now == null || before.isAfter(now) ? before : now);
    }
}
