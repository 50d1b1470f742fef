package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.badges.GrantedBadges;
import io.loyaltybridge.domain.program.expiry.LotBook;
import io.loyaltybridge.domain.program.expiry.LotHistory;
import io.loyaltybridge.domain.program.jobs.JobPorts;
import io.loyaltybridge.domain.program.referrals.ReferralCode;
import io.loyaltybridge.domain.program.segments.NextBestOffer;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.tiers.MemberActivity;
import io.loyaltybridge.domain.program.tiers.MemberTiers;
import io.loyaltybridge.domain.program.tiers.Qualifying;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierState;
import io.loyaltybridge.domain.program.tiers.TierStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes members' standings a batch at a time: a fixed number of reads for the whole batch (balances, tiers,
 * activity, segments, point history, badges), then pure policies per member. The profile API asks for one member;
 * the CRM pusher asks for two hundred.
 */
public final class MemberStandings {
    private final UnitOfWork unitOfWork;
    private final Program program;
    private final TierPolicy tiers;
    private final LedgerEntries ledger;
    private final MemberTiers memberTiers;
    private final MemberActivity activity;
    private final SegmentStore segments;
    private final GrantedBadges badges;
    private final NextBestOffer offers;
    private final Clock clock;

    public MemberStandings(Program program, JobPorts ports, GrantedBadges badges, Clock clock) {
        this.unitOfWork = ports.unitOfWork();
        this.program = program;
        this.tiers = new TierPolicy(program.tiers());
        this.ledger = ports.ledger();
        this.memberTiers = ports.tiers();
        this.activity = ports.activity();
        this.segments = ports.segments();
        this.badges = badges;
        this.offers = new NextBestOffer(program);
        this.clock = clock;
    }

    public Map<MemberId, Standing> of(Collection<MemberId> members) {
        return unitOfWork.inTransaction(() -> read(members));
    }

    private Map<MemberId, Standing> read(Collection<MemberId> members) {
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        Map<MemberId, Map<Account, Balance>> balances = ledger.balances(members);
        Map<MemberId, TierState> states = memberTiers.get(members);
        Map<MemberId, LocalDate> joined = activity.joinedOn(members);
        Map<MemberId, List<Qualifying>> qualifying = activity.qualifying(members,
                today.minusMonths(Math.max(24, 2L * program.tiers().rollingMonths())));
        Map<MemberId, SegmentStore.Assigned> assigned = segments.get(members);
        Map<MemberId, List<LedgerEntry>> history = ledger.history(members, Account.POINTS);
        Map<MemberId, Set<String>> held = badges.of(members);
        Map<MemberId, Standing> standings = new HashMap<>();
        for (MemberId member : members) {
            Map<Account, Balance> accounts = balances.getOrDefault(member, Map.of());
            Balance points = accounts.getOrDefault(Account.POINTS, Balance.ZERO);
            LocalDate joinedOn = joined.getOrDefault(member, today);
            TierState state = states.getOrDefault(member, TierState.start(program.tiers().lowest().name(), joinedOn));
            TierStatus status = tiers.status(state, qualifying.getOrDefault(member, List.of()), today, joinedOn);
            SegmentStore.Assigned segs = assigned.get(member);
            LotBook.Expiring expiring = LotHistory.replay(history.getOrDefault(member, List.of()), program.expiry(),
                    program.zone()).expiringWithin(today, program.expiry().warnDays());
            Set<String> memberSegments = segs == null ? Set.of() : segs.segments();
            standings.put(member, new Standing(member, points,
                    accounts.getOrDefault(Account.PENDING, Balance.ZERO).available(),
                    accounts.getOrDefault(Account.CASHBACK, Balance.ZERO).available(),
                    accounts.getOrDefault(Account.PENDING_CASHBACK, Balance.ZERO).available(), status, segs, expiring,
                    held.getOrDefault(member, Set.of()), ReferralCode.of(member),
                    offers.pick(status.tier(), memberSegments, segs == null ? null : segs.preferredCategory(),
                            points.available(), today)));
        }
        return standings;
    }

    public Standing of(MemberId member) {
        return of(List.of(member)).get(member);
    }
}
