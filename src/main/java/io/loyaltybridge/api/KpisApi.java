package io.loyaltybridge.api;

import io.loyaltybridge.domain.kpi.KpiQueries;
import io.loyaltybridge.domain.kpi.Kpis;
import io.loyaltybridge.domain.kpi.ProgramKpis;
import io.loyaltybridge.domain.kpi.Ratio;
import org.apache.camel.Exchange;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/kpis}: the program's figures for the status page (definitions in the README). */
public final class KpisApi {
    private final ApiGuard guard;
    private final ProgramKpis kpis;
    private final String currency;

    public KpisApi(ApiGuard guard, ProgramKpis kpis, String currency) {
        this.guard = guard;
        this.kpis = kpis;
        this.currency = currency;
    }

    public void kpis(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(view(kpis.now())));
    }

    private Map<String, Object> view(Kpis k) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("asOf", k.asOf().toString());
        view.put("members", k.members());
        view.put("activeMembers", k.activeMembers());
        view.put("membersByTier", k.tiers().stream().map(t -> Map.of("tier", t.tier(), "members", t.members()))
                .toList());
        view.put("segments", k.segments().stream().map(s -> Map.of("segment", s.segment(),
                "kind", s.custom() ? "custom" : "rfm", "members", s.members())).toList());
        view.put("points", points(k));
        view.put("liability", liability(k.liability(), k.cashbackDigits()));
        view.put("redemptionRate", ratio(k.redemptionRate()));
        view.put("repeatPurchaseRate", ratio(k.repeatPurchaseRate()));
        view.put("retentionRate", ratio(k.retentionRate()));
        return view;
    }

    private static Map<String, Object> points(Kpis k) {
        List<Map<String, Object>> months = k.months().stream().map(m -> Map.<String, Object>of(
                "month", m.month().toString(), "issued", m.issued(), "redeemed", m.redeemed(),
                "expired", m.expired())).toList();
        return Map.of("months", months, "issued", k.issued(), "redeemed", k.redeemed(), "expired", k.expired());
    }

    private Map<String, Object> liability(KpiQueries.Liability l, int digits) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("points", l.points());
        view.put("pendingPoints", l.pendingPoints());
        view.put("totalPoints", l.points() + l.pendingPoints());
        view.put("cashbackMinor", l.cashbackMinor());
        view.put("cashback", BigDecimal.valueOf(l.cashbackMinor(), digits).toPlainString());
        view.put("currency", currency);
        return view;
    }

    private static Map<String, Object> ratio(Ratio r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("value", r.value());
        view.put("numerator", r.numerator());
        view.put("denominator", r.denominator());
        return view;
    }
}
