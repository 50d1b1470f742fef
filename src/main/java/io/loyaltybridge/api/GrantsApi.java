package io.loyaltybridge.api;

import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.program.grants.EventReport;
import io.loyaltybridge.domain.program.grants.Grant;
import io.loyaltybridge.domain.program.grants.PartnerTransaction;
import io.loyaltybridge.domain.program.grants.ProgramGrants;
import org.apache.camel.Exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/events} and {@code POST /api/partners/{partnerId}/transactions}: points outside orders. */
public final class GrantsApi {
    private final ApiGuard guard;
    private final ProgramGrants grants;

    public GrantsApi(ApiGuard guard, ProgramGrants grants) {
        this.guard = guard;
        this.grants = grants;
    }

    public void event(Exchange exchange) {
        guard.handle(exchange, request -> {
            BodyReader body = request.body();
            MemberRef member = member(body);
            EventReport report = new EventReport(member, body.text("event", true, 100),
                    body.text("eventId", true, 255), body.instant("occurredAt", false));
            body.rejectAll(grants.violations(report));
            requireValid(body);
            return answer(request.audited("points.granted.event", () -> grants.grantEvent(report),
                    GrantsApi::entry));
        });
    }

    public void partnerTransaction(Exchange exchange) {
        guard.handle(exchange, request -> {
            String partnerId = grants.partner(request.query("partnerId")).id();
            BodyReader body = request.body();
            MemberRef member = member(body);
            String transactionId = body.text("transactionId", true, 255);
            BigDecimal amount = body.decimal("amount", true);
            String currency = body.text("currency", false, 3);
            if (currency != null && !CurrencyCode.isKnown(currency)) {
                body.reject("currency", "must be a known ISO 4217 currency code such as EUR or USD");
                currency = null;
            }
            PartnerTransaction transaction = new PartnerTransaction(member, partnerId, transactionId, amount,
                    currency == null ? null : new CurrencyCode(currency), body.instant("occurredAt", true));
            body.rejectAll(grants.violations(transaction));
            requireValid(body);
            return answer(request.audited("points.granted.partner", () -> grants.partnerTransaction(transaction),
                    GrantsApi::entry));
        });
    }

    private static MemberRef member(BodyReader body) {
        BodyReader member = body.object("member", true);
        return member == null ? null : MemberRefs.read(member);
    }

    /** A grant worth no points or replayed changed nothing, so it is not an action to audit. */
    private static AuditTrail.Entry entry(Grant grant) {
        if (grant.replayed() || grant.entry() == null) {
            return AuditTrail.Entry.NOTHING;
        }
        return new AuditTrail.Entry("member:" + grant.member().value(), grant.member(), Map.of("points",
                grant.entry().points(), "entryId", grant.entry().id(), "reason", grant.reason()));
    }

    private static Reply answer(Grant grant) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("memberId", grant.member().value());
        view.put("points", grant.entry() == null ? 0 : grant.entry().points());
        view.put("reason", grant.reason());
        view.put("entry", grant.entry() == null ? null : Views.entry(grant.entry()));
        view.put("replayed", grant.replayed());
        view.put("balance", grant.balance().available());
        // Nothing is stored for a grant worth no points, so it is never "created".
        return new Reply(grant.replayed() || grant.entry() == null ? 200 : 201, view);
    }

    private static void requireValid(BodyReader body) {
        body.requireValid();
    }
}
