package io.loyaltybridge.api;

import io.loyaltybridge.domain.program.Standing;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.tiers.TierStatus;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The program side of a member's profile on the wire: tier, segments, value, expiring points, badges, offer. */
final class StandingViews {
    private StandingViews() {
    }

    static void addTo(Map<String, Object> view, Standing s) {
        view.put("pendingPoints", s.pending());
        view.put("cashback", Map.of("balanceMinor", s.cashbackMinor(),
                "balance", BigDecimal.valueOf(s.cashbackMinor(), 2).toPlainString(),
                "pendingMinor", s.pendingCashbackMinor(),
                "pending", BigDecimal.valueOf(s.pendingCashbackMinor(), 2).toPlainString()));
        view.put("tier", tier(s.tier()));
        view.put("segments", segments(s.segments()));
        view.put("expiringPoints", expiring(s));
        view.put("badges", s.badges().stream().sorted().toList());
        view.put("referralCode", s.referralCode());
        view.put("nextBestOffer", s.nextBestOffer().map(o -> {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("id", o.id());
            offer.put("kind", o.kind().name().toLowerCase(java.util.Locale.ROOT));
            offer.put("ref", o.ref());
            offer.put("message", o.message());
            return offer;
        }).orElse(null));
    }

    private static Map<String, Object> tier(TierStatus t) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", t.tier());
        view.put("nextTier", t.nextTier());
        view.put("toNextTier", t.toNextTier());
        view.put("toKeepTier", t.toKeepTier());
        view.put("projectedTier", t.projectedTier());
        view.put("expiresOn", t.tierExpiresOn() == null ? null : t.tierExpiresOn().toString());
        view.put("downgradeRisk", t.downgradeRisk() == null ? null : t.downgradeRisk().wireName());
        view.put("measured", t.measured());
        view.put("window", Map.of("from", t.window().start().toString(), "to", t.window().end().toString()));
        view.put("grant", t.grant() == null ? null : TierGrantsApi.grant(t.grant()));
        return view;
    }

    private static Map<String, Object> segments(SegmentStore.Assigned a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rfmSegment", a == null ? null : a.rfmSegment());
        view.put("rfm", a == null || a.rfm() == null ? null : Map.of("recency", a.rfm().recency(),
                "frequency", a.rfm().frequency(), "monetary", a.rfm().monetary()));
        view.put("all", a == null ? java.util.List.of() : a.segments().stream().sorted().toList());
        view.put("churnRisk", a == null ? null : a.churnRisk());
        view.put("preferredCategory", a == null ? null : a.preferredCategory());
        // Not computed yet (a member only in the detractors segment so far): no value rather than a made-up one.
        view.put("cltv", a == null || a.cltvHistoric() == null ? null
                : Map.of("historic", a.cltvHistoric(), "predicted", a.cltvPredicted()));
        return view;
    }

    private static Map<String, Object> expiring(Standing s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("points", s.expiring().points());
        view.put("firstExpiry", s.expiring().firstExpiry() == null ? null : s.expiring().firstExpiry().toString());
        return view;
    }
}
