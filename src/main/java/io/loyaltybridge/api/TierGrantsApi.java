package io.loyaltybridge.api;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.TierGrant;
import io.loyaltybridge.domain.program.tiers.TierGrantService;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /api/members/{id}/tier-grant} (give a member a tier by hand, replacing any earlier grant) and
 * {@code DELETE /api/members/{id}/tier-grant} (revoke it), both audited under the caller's token name.
 */
public final class TierGrantsApi {
    private final ApiGuard guard;
    private final TierGrantService grants;

    public TierGrantsApi(ApiGuard guard, TierGrantService grants) {
        this.guard = guard;
        this.grants = grants;
    }

    public void grant(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId member = request.memberId("id");
            BodyReader body = request.body();
            TierGrantService.Request asked = new TierGrantService.Request(body.text("tier", false, 100),
                    body.date("until"), body.text("reason", true, 500));
            body.rejectAll(grants.violations(asked));
            body.requireValid();
            return Reply.ok(view(request.audited("tier.granted", () -> grants.grant(member, asked, request.actor()),
                    TierGrantsApi::entry)));
        });
    }

    /** The reason is optional ({@code ?reason=}): a DELETE carries no body. */
    public void revoke(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId member = request.memberId("id");
            String reason = request.query("reason");
            if (reason != null && reason.length() > 500) {
                throw InvalidInput.of("reason", "must be at most 500 characters");
            }
            return Reply.ok(view(request.audited("tier.grant.revoked", () -> grants.revoke(member,
                    reason == null ? "no reason given" : reason, request.actor()), TierGrantsApi::entry)));
        });
    }

    /** Ids, tiers and dates only: the reason is free text that may name a person, so it stays with the grant. */
    private static AuditTrail.Entry entry(TierGrantService.Outcome o) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("grantId", o.grant().id());
        details.put("tier", o.grant().tier());
        details.put("mode", o.grant().mode().name().toLowerCase(java.util.Locale.ROOT));
        details.put("until", o.grant().until() == null ? null : o.grant().until().toString());
        details.put("tierBefore", o.tierBefore());
        details.put("tierAfter", o.tierAfter());
        return new AuditTrail.Entry("member:" + o.member().value(), o.member(), details);
    }

    private static Map<String, Object> view(TierGrantService.Outcome o) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("memberId", o.member().value());
        view.put("grant", grant(o.grant()));
        view.put("tier", o.tierAfter());
        view.put("previousTier", o.tierBefore());
        return view;
    }

    /** A grant on the wire; {@code until} is its last day (null: until revoked). */
    static Map<String, Object> grant(TierGrant g) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", g.id());
        view.put("tier", g.tier());
        view.put("mode", g.mode().name().toLowerCase(java.util.Locale.ROOT));
        view.put("until", g.until() == null ? null : g.until().toString());
        view.put("reason", g.reason());
        view.put("grantedBy", g.grantedBy());
        view.put("grantedAt", g.grantedAt().toString());
        if (g.endedAt() != null) {
            view.put("endedAt", g.endedAt().toString());
            view.put("endedBy", g.endedBy());
            view.put("endReason", g.endReason());
        }
        return view;
    }

    static List<Map<String, Object>> history(List<TierGrant> grants) {
        return grants.stream().map(TierGrantsApi::grant).toList();
    }
}
