package io.loyaltybridge.api;

import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.rewards.RewardRedemptions;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** The rewards catalogue ({@code GET /api/rewards}) and redeeming one ({@code POST .../rewards/{rewardId}/redeem}). */
public final class RewardsApi {
    private final ApiGuard guard;
    private final Program program;
    private final RewardRedemptions redemptions;

    public RewardsApi(ApiGuard guard, Program program, RewardRedemptions redemptions) {
        this.guard = guard;
        this.program = program;
        this.redemptions = redemptions;
    }

    public void catalogue(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(Map.of("rewards",
                program.rewards().stream().map(ProgramViews::reward).toList())));
    }

    public void redeem(Exchange exchange) {
        guard.handle(exchange, request -> {
            var member = request.memberId("id");
            String rewardId = request.query("rewardId");
            BodyReader body = request.body();
            String key = body.text("idempotencyKey", true, 100);
            body.requireValid();
            // Audited like an adjustment (the console redeems for a member); a replayed request adds no entry.
            RewardRedemptions.Redeemed redeemed = request.audited("reward.redeemed",
                    () -> redemptions.redeemReward(member, rewardId, key, request.actor()),
                    r -> r.outcome().replayed() ? AuditTrail.Entry.NOTHING : new AuditTrail.Entry(
                            "member:" + member.value(), member, java.util.Map.of("rewardId", rewardId,
                            "points", r.outcome().entry().points(), "entryId", r.outcome().entry().id())));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("entry", Views.entry(redeemed.outcome().entry()));
            view.put("granted", redeemed.granted());
            view.put("replayed", redeemed.outcome().replayed());
            view.put("balance", redeemed.outcome().balance().available());
            view.put("account", redeemed.outcome().entry().account().wireName());
            return new Reply(redeemed.outcome().replayed() ? 200 : 201, view);
        });
    }
}
