package io.loyaltybridge.api;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.store.PgMemberSearch;
import io.loyaltybridge.store.Transactions;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/members}: {@code ?q=} finds members by member id, CRM record id, email, or part of a name or
 * email (case and accents ignored) and answers a list; {@code ?email=} still answers the one member's profile.
 */
public final class MemberSearchApi {
    static final int MAX_QUERY = 200;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 20;
    /** Shorter text is matched only as an id: two letters already narrow a name search to a page. */
    static final int MIN_PARTIAL = 2;

    private final ApiGuard guard;
    private final MembersApi byEmail;
    private final Transactions tx;
    private final PgMemberSearch search;
    private final String lowestTier;

    /** {@code lowestTier}: the tier of a member no assessment has placed yet, as their profile says. */
    public MemberSearchApi(ApiGuard guard, MembersApi byEmail, Transactions tx, String lowestTier) {
        this.guard = guard;
        this.byEmail = byEmail;
        this.tx = tx;
        this.search = new PgMemberSearch(tx);
        this.lowestTier = lowestTier;
    }

    public void find(Exchange exchange) {
        if (exchange.getMessage().getHeader("q") == null) {
            byEmail.find(exchange);
            return;
        }
        guard.handle(exchange, request -> {
            String q = request.query("q");
            if (request.query("email") != null) {
                throw InvalidInput.of("q", "give either ?q= or ?email=, not both");
            }
            if (q == null) {
                throw InvalidInput.of("q", "give a member id, CRM record id, email or part of a name");
            }
            if (q.length() > MAX_QUERY) {
                throw InvalidInput.of("q", "must be at most " + MAX_QUERY + " characters");
            }
            int limit = request.queryInt("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            // One more than asked tells whether there are more.
            List<PgMemberSearch.Hit> hits = tx.read(() -> search.find(q, limit + 1, MIN_PARTIAL));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("query", q);
            view.put("members", hits.stream().limit(limit).map(this::hit).toList());
            view.put("more", hits.size() > limit);
            return Reply.ok(view);
        });
    }

    private Map<String, Object> hit(PgMemberSearch.Hit hit) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", hit.id());
        view.put("email", hit.email());
        view.put("firstName", hit.firstName());
        view.put("lastName", hit.lastName());
        view.put("tier", hit.tier() == null ? lowestTier : hit.tier());
        view.put("points", hit.points());
        view.put("matchedBy", hit.matchedBy());
        return view;
    }
}
