package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.store.PgMemberHistory;
import io.loyaltybridge.store.Transactions;
import org.apache.camel.Exchange;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's member page beyond the profile: {@code GET /api/members/{id}/orders} (a page at a time, newest
 * first) and {@code GET /api/members/{id}/history} (points over time, badges, referrals, tier changes and grants,
 * consent, notification deliveries; the newest rows of each).
 */
public final class MemberHistoryApi {
    private final ApiGuard guard;
    private final Transactions tx;
    private final PgMemberHistory store;
    private final ZoneId zone;
    private final int defaultPageSize;

    public MemberHistoryApi(ApiGuard guard, Transactions tx, ZoneId zone, int defaultPageSize) {
        this.guard = guard;
        this.tx = tx;
        this.store = new PgMemberHistory(tx);
        this.zone = zone;
        this.defaultPageSize = defaultPageSize;
    }

    public void orders(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId id = request.memberId("id");
            int limit = request.queryInt("limit", Math.min(defaultPageSize, 100), 1, 100);
            int before = request.queryInt("before", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
            Long cursor = before == Integer.MAX_VALUE ? null : (long) before;
            String json = tx.read(() -> {
                if (!store.exists(id)) {
                    throw new NotFound("no member with id " + id);
                }
                return store.orders(id, cursor, limit);
            });
            JsonNode orders = Json.tree(json);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("orders", orders);
            view.put("next", orders.size() < limit ? null : "/api/members/" + id + "/orders?limit=" + limit
                    + "&before=" + orders.get(orders.size() - 1).get("id").asLong());
            return Reply.ok(view);
        });
    }

    public void history(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId id = request.memberId("id");
            int limit = request.queryInt("limit", 50, 1, 200);
            Map<String, String> sections = tx.read(() -> store.history(id, zone, limit))
                    .orElseThrow(() -> new NotFound("no member with id " + id));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("memberId", id.value());
            view.put("zone", zone.getId());
            sections.forEach((name, json) -> view.put(name, Json.tree(json)));
            // A member has at most one referrer.
            JsonNode referredBy = (JsonNode) view.get("referredBy");
            view.put("referredBy", referredBy.isEmpty() ? null : referredBy.get(0));
            return Reply.ok(view);
        });
    }
}
