package io.loyaltybridge.domain.program.rewards;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.ledger.DueExpiry;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.ledger.PointsOutcome;
import io.loyaltybridge.domain.ledger.PointsRequest;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.MemberContexts;

import java.time.Clock;
import java.util.Optional;

/**
 * Spending on the program's terms: catalogue rewards (points or cashback, tier-limited) and cashback pay-outs.
 * Like the ledger's own redemptions, each locks the balance it takes from before checking it, and is keyed by the
 * member and the caller's idempotency key ({@code reward:} and {@code cashback:} keys are separate from
 * points redemptions' {@code redeem:} ones).
 */
public final class RewardRedemptions {
    private final UnitOfWork unitOfWork;
    private final Members members;
    private final LedgerEntries ledger;
    private final MemberContexts contexts;
    private final Program program;
    private final Redemptions rules;
    private final DueExpiry dueExpiry;
    private final Clock clock;

    public RewardRedemptions(UnitOfWork unitOfWork, Members members, LedgerEntries ledger, MemberContexts contexts,
                             Program program, DueExpiry dueExpiry, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.members = members;
        this.ledger = ledger;
        this.contexts = contexts;
        this.program = program;
        this.rules = new Redemptions(program);
        this.dueExpiry = dueExpiry;
        this.clock = clock;
    }

    /** What a reward redemption took, whether it replayed an earlier one, and what the member receives. */
    public record Redeemed(PointsOutcome outcome, String granted) {
    }

    public Redeemed redeemReward(MemberId member, String rewardId, String idempotencyKey, String actor) {
        Reward reward = program.reward(rewardId).orElseThrow(() -> new NotFound("no reward " + rewardId));
        requireKey(idempotencyKey);
        return unitOfWork.inTransaction(() -> {
            requireMember(member);
            String tier = contexts.current(member).tier();
            Balance balance = ledger.lockBalance(member, reward.account());
            // Points already expired by today cannot pay for a reward, even before the nightly job wrote them.
            if (reward.account() == Account.POINTS && dueExpiry.expireDue(member) > 0) {
                balance = ledger.lockBalance(member, reward.account());
            }
            String key = "reward:" + member + ":" + idempotencyKey;
            Optional<LedgerEntry> earlier = ledger.byOperationKey(key);
            if (earlier.isPresent()) {
                requireSame(earlier.get(), rewardId.equals(earlier.get().source().id()), idempotencyKey);
                return new Redeemed(new PointsOutcome(earlier.get(), true, balance), reward.grants());
            }
            // Refused even with an unlimited balance means the reward is not for this member at all.
            Redemptions.Decision allowed = rules.redeemReward(rewardId, tier, Long.MAX_VALUE);
            if (!allowed.granted()) {
                throw new Conflict("reward_not_allowed", allowed.message() + "; member " + member + " is " + tier);
            }
            Redemptions.Decision decision = rules.redeemReward(rewardId, tier, balance.available());
            if (!decision.granted()) {
                throw new Conflict("insufficient_balance", decision.message());
            }
            NewEntry entry = new NewEntry(member, decision.account(), -decision.debit(), EntryKind.REDEEM,
                    decision.message() + ": " + decision.granting(), new EntrySource("reward", rewardId),
                    program.version(), clock.instant(), key, null);
            return new Redeemed(debit(entry, balance), reward.grants());
        });
    }

    /** Pays out {@code request.points()} minor units of cashback (at least the program's minimum). */
    public PointsOutcome redeemCashback(MemberId member, PointsRequest request) {
        if (!request.violations(true).isEmpty()) {
            throw new InvalidInput(request.violations(true));
        }
        Redemptions.Decision shape = rules.redeemCashback(request.points(), Long.MAX_VALUE);
        if (!shape.granted()) {
            boolean offered = program.cashback() != null && program.cashback().enabled();
            throw InvalidInput.of(offered ? "points" : "account", shape.message());
        }
        return unitOfWork.inTransaction(() -> {
            requireMember(member);
            Balance balance = ledger.lockBalance(member, Account.CASHBACK);
            String key = "cashback:" + member + ":" + request.idempotencyKey();
            Optional<LedgerEntry> earlier = ledger.byOperationKey(key);
            if (earlier.isPresent()) {
                requireSame(earlier.get(), earlier.get().points() == -request.points(), request.idempotencyKey());
                return new PointsOutcome(earlier.get(), true, balance);
            }
            Redemptions.Decision decision = rules.redeemCashback(request.points(), balance.available());
            if (!decision.granted()) {
                throw new Conflict("insufficient_balance", "member " + member + ": " + decision.message() + ", "
                        + request.points() + " requested");
            }
            return debit(new NewEntry(member, Account.CASHBACK, -decision.debit(), EntryKind.REDEEM,
                    request.reason(), new EntrySource("api", request.actor()), program.version(), clock.instant(),
                    key, null), balance);
        });
    }

    private PointsOutcome debit(NewEntry entry, Balance balance) {
        // The balance lock is held, so nobody else can have written this member's key meanwhile.
        LedgerEntry written = ledger.append(entry).orElseThrow();
        return new PointsOutcome(written, false, new Balance(balance.available() + entry.points(),
                balance.lifetime()));
    }

    private void requireMember(MemberId member) {
        if (members.byId(member).isEmpty()) {
            throw new NotFound("no member with id " + member);
        }
    }

    private static void requireSame(LedgerEntry earlier, boolean same, String idempotencyKey) {
        if (!same) {
            throw new Conflict("idempotency_key_reused", "idempotency key '" + idempotencyKey
                    + "' was used for another redemption: " + earlier.reason());
        }
    }

    /** The same key rule as points redemptions, checked on a request that is otherwise valid. */
    private static void requireKey(String idempotencyKey) {
        var problems = new PointsRequest(1, "reward", idempotencyKey, "api").violations(true);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
