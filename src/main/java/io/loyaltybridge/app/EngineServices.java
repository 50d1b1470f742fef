package io.loyaltybridge.app;

import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.contests.Leaderboards;
import io.loyaltybridge.domain.program.earning.MemberContexts;
import io.loyaltybridge.domain.program.expiry.MemberExpiry;
import io.loyaltybridge.domain.program.grants.ProgramGrants;
import io.loyaltybridge.domain.program.rewards.RewardRedemptions;
import io.loyaltybridge.domain.program.tiers.TierUpgrades;
import io.loyaltybridge.store.PgEarningsInPeriod;
import io.loyaltybridge.store.PgGrantHistory;
import io.loyaltybridge.store.Transactions;

import java.time.Clock;

/** The program engine's use cases behind the API: event and partner grants, rewards and cashback, leaderboard. */
public record EngineServices(ProgramGrants grants, RewardRedemptions redemptions, Leaderboards leaderboards) {

    static EngineServices assemble(Transactions tx, Members members, LedgerEntries ledger, MemberContexts contexts,
                                   TierUpgrades upgrades, Program program, Clock clock) {
        return new EngineServices(
                new ProgramGrants(tx, members, ledger, new PgGrantHistory(tx), program, upgrades::recheck, clock),
                new RewardRedemptions(tx, members, ledger, contexts, program, new MemberExpiry(program, ledger, clock),
                        clock),
                new Leaderboards(tx, new PgEarningsInPeriod(tx), program));
    }
}
