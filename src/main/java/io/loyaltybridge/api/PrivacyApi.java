package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.MemberStandings;
import io.loyaltybridge.store.PgAudit;
import io.loyaltybridge.store.PgErasure;
import io.loyaltybridge.store.PgExport;
import io.loyaltybridge.store.Transactions;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's data rights and the admin trail: {@code GET /api/members/{id}/export} (everything held about them),
 * {@code DELETE /api/members/{id}} (erasure) and {@code GET /api/audit} (who did what).
 */
public final class PrivacyApi {
    private final ApiGuard guard;
    private final Transactions tx;
    private final MemberStandings standings;
    private final PgExport export;
    private final PgErasure erasure;
    private final PgAudit audit;
    private final int defaultPageSize;

    public PrivacyApi(ApiGuard guard, Transactions tx, MemberStandings standings,
                      int defaultPageSize) {
        this.guard = guard;
        this.tx = tx;
        this.standings = standings;
        this.export = new PgExport(tx);
        this.erasure = new PgErasure(tx);
        this.audit = new PgAudit(tx);
        this.defaultPageSize = defaultPageSize;
    }

    /** The stored rows section by section, and the program's view of them (tier status, expiring lots, badges). */
    public void export(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId id = request.memberId("id");
            return Reply.ok(tx.read(() -> {
                Map<String, String> sections = export.export(id)
                        .orElseThrow(() -> new NotFound("no member with id " + id));
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("memberId", id.value());
                sections.forEach((name, json) -> view.put(name, Json.tree(json)));
                Map<String, Object> standing = new LinkedHashMap<>();
                StandingViews.addTo(standing, standings.of(id));
                view.put("standing", standing);
                return view;
            }));
        });
    }

    /** Idempotent: a second request answers the same, with {@code alreadyErased}, and changes nothing. */
    public void erase(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId id = request.memberId("id");
            PgErasure.Outcome outcome = tx.inTransaction(() -> erasure.erase(id, request.actor()))
                    .orElseThrow(() -> new NotFound("no member with id " + id));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("memberId", id.value());
            view.put("erased", true);
            view.put("erasedAt", outcome.erasedAt().toString());
            view.put("alreadyErased", !outcome.erasedNow());
            return Reply.ok(view);
        });
    }

    /** Newest first; {@code ?memberId=} narrows to one member, {@code ?before=} pages on. */
    public void audit(Exchange exchange) {
        guard.handle(exchange, request -> {
            int limit = request.queryInt("limit", defaultPageSize, 1, 500);
            int before = request.queryInt("before", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
            int member = request.queryInt("memberId", 0, 1, Integer.MAX_VALUE);
            List<PgAudit.Entry> page = tx.read(() -> audit.page(member == 0 ? null : new MemberId(member),
                    before == Integer.MAX_VALUE ? null : (long) before, limit));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("entries", page.stream().map(PrivacyApi::entry).toList());
            view.put("next", page.size() < limit ? null : "/api/audit?limit=" + limit
                    + (member == 0 ? "" : "&memberId=" + member) + "&before=" + page.get(page.size() - 1).id());
            return Reply.ok(view);
        });
    }

    private static Map<String, Object> entry(PgAudit.Entry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("at", e.at().toString());
        view.put("actor", e.actor());
        view.put("action", e.action());
        view.put("target", e.target());
        view.put("memberId", e.memberId());
        JsonNode details = Json.tree(e.details());
        view.put("details", details);
        return view;
    }
}
