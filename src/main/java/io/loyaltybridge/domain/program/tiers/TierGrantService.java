package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.program.Program;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Staff tier grants: give one (replacing the member's earlier grant), revoke it, and let grants past their last day
 * lapse (the tier-assessment job does that first). The mode is the program's {@code tiers.vip.mode} (floor when the
 * program names no VIP tier). Each change runs in one transaction with the member's tier row locked; the tier in
 * force before and after is compared so a grant that moves it is announced like any tier change.
 */
public final class TierGrantService {
    /** What staff ask for; {@code tier} null means the program's VIP tier. */
    public record Request(String tier, LocalDate until, String reason) {
    }

    /** A grant given or ended, with the member's tier in force before and after. */
    public record Outcome(MemberId member, TierGrant grant, String tierBefore, String tierAfter) {
    }

    private final UnitOfWork unitOfWork;
    private final Members members;
    private final MemberTiers tiers;
    private final TierGrants grants;
    private final Consumer<MemberId> ensureTier;
    private final TierMoves moves;
    private final Program program;
    private final TierPolicy policy;
    private final Clock clock;

    /** @param ensureTier gives a member without a stored tier one (the grant hangs on it) */
    public TierGrantService(UnitOfWork unitOfWork, Members members, MemberTiers tiers, TierGrants grants,
                            Consumer<MemberId> ensureTier, TierMoves moves, Program program, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.members = members;
        this.tiers = tiers;
        this.grants = grants;
        this.ensureTier = ensureTier;
        this.moves = moves;
        this.program = program;
        this.policy = new TierPolicy(program.tiers());
        this.clock = clock;
    }

    /** What is wrong with the request today: a tier the program lacks, an {@code until} already past. */
    public List<Violation> violations(Request request) {
        List<Violation> wrong = new ArrayList<>();
        Tiers t = program.tiers();
        List<String> names = t.levels().stream().map(Tiers.TierLevel::name).toList();
        if (request.tier() == null && t.vip() == null) {
            wrong.add(new Violation("tier", "is required: the program names no VIP tier (tiers: "
                    + String.join(", ", names) + ")"));
        } else if (request.tier() != null && t.level(request.tier()).isEmpty()) {
            wrong.add(new Violation("tier", "names no tier of the program (tiers: " + String.join(", ", names) + ")"));
        }
        if (request.until() != null && request.until().isBefore(today())) {
            wrong.add(new Violation("until", "must be today (" + today() + ") or later"));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            wrong.add(new Violation("reason", "is required"));
        }
        return wrong;
    }

    public Outcome grant(MemberId member, Request request, String by) {
        List<Violation> wrong = violations(request);
        if (!wrong.isEmpty()) {
            throw new InvalidInput(wrong);
        }
        String tier = request.tier() == null ? program.tiers().vip().tier() : request.tier();
        Tiers.VipMode mode = program.tiers().vip() == null ? Tiers.VipMode.FLOOR : program.tiers().vip().mode();
        return unitOfWork.inTransaction(() -> {
            Locked locked = lock(member);
            TierState state = locked.state();
            LocalDate today = today();
            String before = policy.effectiveTier(state, today);
            locked.current().ifPresent(earlier ->
                    grants.end(earlier.id(), clock.instant(), by, "replaced by a newer grant"));
            TierGrant granted = grants.open(member, new TierGrants.New(tier, mode, request.until(),
                    request.reason().strip(), by, clock.instant()));
            String after = policy.effectiveTier(state.withGrant(granted), today);
            moves.moved(member, before, after, "grant:" + granted.id());
            return new Outcome(member, granted, before, after);
        });
    }

    /** Ends the member's grant; NotFound when they have none. */
    public Outcome revoke(MemberId member, String reason, String by) {
        return unitOfWork.inTransaction(() -> {
            Locked locked = lock(member);
            TierState state = locked.state();
            TierGrant current = locked.current()
                    .orElseThrow(() -> new NotFound("member " + member + " has no tier grant in force"));
            LocalDate today = today();
            String before = policy.effectiveTier(state.withGrant(current), today);
            grants.end(current.id(), clock.instant(), by, "revoked: " + reason);
            String after = policy.effectiveTier(state.withGrant(null), today);
            moves.moved(member, before, after, "revoke:" + current.id());
            return new Outcome(member, current, before, after);
        });
    }

    /** Ends every grant whose last day has passed, a batch per transaction; returns how many lapsed. */
    public int lapse(String by) {
        LocalDate today = today();
        int lapsed = 0;
        while (true) {
            int batch = unitOfWork.inTransaction(() -> {
                Map<MemberId, TierGrant> due = grants.lapsedBefore(today, 200);
                due.forEach((member, grant) -> {
                    TierState state = tiers.get(member).orElseThrow();
                    String before = policy.effectiveTier(state.withGrant(grant), grant.until());
                    grants.end(grant.id(), clock.instant(), by, "lapsed");
                    moves.moved(member, before, policy.effectiveTier(state.withGrant(null), today),
                            "lapse:" + grant.id());
                });
                return due.size();
            });
            if (batch == 0) {
                return lapsed;
            }
            lapsed += batch;
        }
    }

    public List<TierGrant> history(MemberId member) {
        return unitOfWork.inTransaction(() -> {
            requireMember(member);
            return grants.history(member);
        });
    }

    /** The member's tier state and grant, read with their tier row locked (given one first if they had none). */
    private Locked lock(MemberId member) {
        requireMember(member);
        ensureTier.accept(member);
        Optional<TierGrant> current = grants.lockCurrent(member);
        return new Locked(tiers.get(member).orElseThrow(), current);
    }

    private record Locked(TierState state, Optional<TierGrant> current) {
    }

    private void requireMember(MemberId member) {
        if (members.byId(member).isEmpty()) {
            throw new NotFound("no member with id " + member);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(program.zone()));
    }
}
