package io.loyaltybridge.api;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.ledger.PointsOutcome;
import io.loyaltybridge.domain.ledger.PointsRequest;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberProfile;
import io.loyaltybridge.domain.member.MemberService;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.domain.program.Explanation;
import io.loyaltybridge.domain.program.MemberJoin;
import io.loyaltybridge.domain.program.MemberStandings;
import io.loyaltybridge.domain.program.Standing;
import io.loyaltybridge.domain.program.rewards.RewardRedemptions;
import io.loyaltybridge.domain.program.tiers.TierGrantService;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /api/members} resource: profiles, ledgers, redemptions and adjustments. */
public final class MembersApi {
    private final ApiGuard guard;
    private final MemberService members;
    private final LedgerService ledger;
    private final MemberStandings standings;
    private final MemberJoin join;
    private final RewardRedemptions spending;
    private final TierGrantService tierGrants;
    private final int defaultPageSize;

    public MembersApi(ApiGuard guard, MemberService members, LedgerService ledger, MemberStandings standings,
                      MemberJoin join, RewardRedemptions spending, TierGrantService tierGrants,
                      int defaultPageSize) {
        this.guard = guard;
        this.members = members;
        this.ledger = ledger;
        this.standings = standings;
        this.join = join;
        this.spending = spending;
        this.tierGrants = tierGrants;
        this.defaultPageSize = defaultPageSize;
    }

    public void create(Exchange exchange) {
        guard.handle(exchange, request -> {
            BodyReader body = request.body();
            Email email = MemberRefs.email(body, true);
            NewMember details = MemberRefs.details(body, email);
            String referralCode = body.text("referralCode", false, 20);
            requireValid(body);
            return Reply.created(view(members.profile(join.join(details, referralCode))));
        });
    }

    public void profile(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(view(members.profile(request.memberId("id")))));
    }

    public void find(Exchange exchange) {
        guard.handle(exchange, request -> {
            String email = request.query("email");
            if (email == null || !Email.isValid(email)) {
                throw InvalidInput.of("email", "give ?email=<address> to find a member");
            }
            return Reply.ok(view(members.byEmail(new Email(email))
                    .orElseThrow(() -> new NotFound("no member with that email"))));
        });
    }

    public void ledger(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId id = request.memberId("id");
            int limit = request.queryInt("limit", defaultPageSize, 1, 500);
            int before = request.queryInt("before", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
            List<LedgerEntry> page = members.ledger(id, before == Integer.MAX_VALUE ? null : (long) before, limit);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("entries", Views.entries(page));
            view.put("next", page.size() < limit ? null
                    : "/api/members/" + id + "/ledger?limit=" + limit + "&before=" + page.get(page.size() - 1).id());
            return Reply.ok(view);
        });
    }

    /** Points by default; {@code account: cashback} pays out cashback (in minor units) on the program's terms. */
    public void redeem(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId member = request.memberId("id");
            BodyReader body = request.body();
            Account account = body.parsed("account", false, MembersApi::spendable, "must be points or cashback");
            PointsRequest parsed = pointsRequest(request, body, true);
            return moved(account == Account.CASHBACK ? spending.redeemCashback(member, parsed)
                    : ledger.redeem(member, parsed));
        });
    }

    public void adjust(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId member = request.memberId("id");
            PointsRequest parsed = pointsRequest(request, request.body(), false);
            request.requireWithinAdjustmentLimit(parsed.points());
            return moved(request.audited("points.adjusted", () -> ledger.adjust(member, parsed),
                    outcome -> outcome.replayed() ? AuditTrail.Entry.NOTHING : new AuditTrail.Entry(
                            "member:" + member.value(), member, Map.of("points", outcome.entry().points(),
                            "entryId", outcome.entry().id(), "idempotencyKey", parsed.idempotencyKey()))));
        });
    }

    private static Account spendable(String wire) {
        Account account = Account.fromWire(wire);
        if (account == Account.PENDING || account == Account.PENDING_CASHBACK) {
            throw new IllegalArgumentException("pending points and pending cashback cannot be spent");
        }
        return account;
    }

    /** Reads a redemption or adjustment, reporting shape errors and the domain's rules together. */
    /** {@code GET /api/members/{id}/explain}: the balance and tier in sentences, with the entries behind them. */
    public void explain(Exchange exchange) {
        guard.handle(exchange, request -> {
            MemberId id = request.memberId("id");
            MemberProfile profile = members.profile(id);
            Standing standing = standings.of(id);
            List<LedgerEntry> entries = members.pointEntries(id);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("memberId", id.value());
            view.put("explanation", Explanation.of(standing, entries, ledger.program()));
            view.put("balance", profile.points().available());
            view.put("tier", standing.tier().tier());
            view.put("tierGrant", standing.tier().grant() == null ? null
                    : TierGrantsApi.grant(standing.tier().grant()));
            view.put("tierGrants", TierGrantsApi.history(tierGrants.history(id)));
            view.put("ruleVersion", ledger.program().version());
            List<LedgerEntry> newestFirst = new java.util.ArrayList<>(entries);
            java.util.Collections.reverse(newestFirst);
            view.put("entries", Views.entries(newestFirst));
            return Reply.ok(view);
        });
    }

    private Map<String, Object> view(MemberProfile profile) {
        Map<String, Object> view = Views.member(profile);
        StandingViews.addTo(view, standings.of(profile.member().id()));
        return view;
    }

    private static PointsRequest pointsRequest(ApiRequest request, BodyReader body, boolean redemption) {
        Long points = body.integer("points", true);
        String reason = body.text("reason", true, 500);
        String key = body.text("idempotencyKey", true, 100);
        PointsRequest parsed = new PointsRequest(points == null ? 0 : points, reason, key, request.actor());
        body.rejectAll(parsed.violations(redemption));
        requireValid(body);
        return parsed;
    }

    private static Reply moved(PointsOutcome outcome) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("entry", Views.entry(outcome.entry()));
        view.put("replayed", outcome.replayed());
        view.put("balance", outcome.balance().available());
        return new Reply(outcome.replayed() ? 200 : 201, view);
    }

    private static void requireValid(BodyReader body) {
        body.requireValid();
    }
}
