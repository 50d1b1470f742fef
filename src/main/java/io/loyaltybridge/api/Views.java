package io.loyaltybridge.api;

import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberProfile;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.StoredOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How domain values look on the wire. Maps keep field order stable and readable. */
final class Views {
    private Views() {
    }

    static Map<String, Object> member(MemberProfile profile) {
        Member m = profile.member();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id().value());
        view.put("email", m.email() == null ? null : m.email().value());
        view.put("firstName", m.firstName());
        view.put("lastName", m.lastName());
        view.put("birthDate", m.birthDate() == null ? null : m.birthDate().toString());
        view.put("consent", Map.of("marketing", m.consent().marketing()));
        view.put("balance", profile.points().available());
        view.put("lifetimePoints", profile.points().lifetime());
        view.put("identities", m.identities().stream().map(Views::identity).toList());
        view.put("createdAt", m.createdAt().toString());
        return view;
    }

    static Map<String, Object> identity(CrmIdentity identity) {
        return Map.of("system", identity.system(), "externalId", identity.externalId());
    }

    static Map<String, Object> entry(LedgerEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("memberId", e.member().value());
        view.put("account", e.account().wireName());
        view.put("points", e.points());
        view.put("kind", e.kind().wireName());
        view.put("reason", e.reason());
        view.put("source", Map.of("system", e.source().system(), "id", String.valueOf(e.source().id())));
        view.put("ruleVersion", e.ruleVersion());
        view.put("createdAt", e.createdAt().toString());
        view.put("effectiveAt", e.effectiveAt().toString());
        view.put("operationKey", e.operationKey());
        return view;
    }

    static List<Map<String, Object>> entries(List<LedgerEntry> entries) {
        return entries.stream().map(Views::entry).toList();
    }

    static Map<String, Object> order(StoredOrder stored) {
        var o = stored.order();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.id());
        view.put("source", o.key().source());
        view.put("externalId", o.key().externalId());
        view.put("memberId", o.member().value());
        view.put("total", o.total());
        view.put("currency", o.currency().code());
        view.put("placedAt", o.placedAt().toString());
        view.put("status", o.status().wireName());
        view.put("refundedAmount", o.refundedAmount());
        view.put("lines", o.lines().stream().map(Views::line).toList());
        view.put("revision", stored.revision());
        return view;
    }

    private static Map<String, Object> line(OrderLine line) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sku", line.sku());
        view.put("category", line.category());
        view.put("quantity", line.quantity());
        view.put("unitPrice", line.unitPrice());
        return view;
    }
}
