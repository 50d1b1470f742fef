package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.ledger.batch.BatchSettlement;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.MemberTiers;
import io.loyaltybridge.domain.program.tiers.TierGrant;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff tier grants replayed with their dates: each order settles under the grant that was in force when it was
 * placed (given before it, not yet revoked, replaced or lapsed, its last day not passed), so a grant raises the rate
 * of the orders placed while it held and of no others. A grant of a tier the program does not have cannot be
 * applied under it: its member is counted as not replayed.
 */
final class GrantReplay implements BatchSettlement.BeforeOrder {
    private final Program program;
    private final Map<MemberId, MemberHistory> withGrants = new HashMap<>();
    /** One instance per grant, so an unchanged grant is not saved again before every order. */
    private final Map<Long, TierGrant> holding = new HashMap<>();

    GrantReplay(Program program, List<MemberHistory> batch) {
        this.program = program;
        batch.stream().filter(h -> !h.tierGrants().isEmpty()).forEach(h -> withGrants.put(h.member(), h));
    }

    @Override
    public void before(OrderSubmission next, MemberTiers tiers) {
        if (withGrants.isEmpty()) {
            return;
        }
        MemberHistory history = withGrants.get(next.member().id());
        if (history == null) {
            return;
        }
        TierGrant inForce = inForceAt(history.tierGrants(), next.placedAt());
        TierState state = tiers.get(history.member()).orElseGet(() -> TierState.start(
                program.tiers().lowest().name(), history.joinedAt().atZone(program.zone()).toLocalDate()));
        if (state.grant() != inForce) {
            tiers.save(history.member(), state.withGrant(inForce));
        }
    }

    /**
     * The grant that decided the tier at {@code at}, as one still holding (the settlement judges it on today, and a
     * grant that held then is not to be judged on today); null: none, or one this program cannot apply.
     */
    private TierGrant inForceAt(List<TierGrant> grants, Instant at) {
        LocalDate day = at.atZone(program.zone()).toLocalDate();
        for (int i = grants.size() - 1; i >= 0; i--) {
            TierGrant g = grants.get(i);
            boolean held = !g.grantedAt().isAfter(at) && (g.endedAt() == null || at.isBefore(g.endedAt()))
                    && (g.until() == null || !day.isAfter(g.until()));
            if (held) {
                return applies(g) ? holding(g) : null;
            }
        }
        return null;
    }

    private TierGrant holding(TierGrant g) {
        return holding.computeIfAbsent(g.id(), id -> new TierGrant(g.id(), g.tier(), g.mode(), null, g.reason(),
                g.grantedBy(), g.grantedAt(), null, null, null));
    }

    /** Whether the program has the grant's tier. */
    boolean applies(TierGrant grant) {
        return program.tiers().level(grant.tier()).isPresent();
    }

    /** The member's grant holding today, if the program can apply it: it decides their tier in force now. */
    TierGrant today(MemberHistory history, LocalDate today) {
        if (history.tierGrants().isEmpty()) {
            return null;
        }
        TierGrant last = history.tierGrants().get(history.tierGrants().size() - 1);
        return last.holdsOn(today) && applies(last) ? last : null;
    }

    /** Whether some grant of the member names a tier this program lacks (so it was not replayed). */
    boolean unreplayable(MemberHistory history) {
        return history.tierGrants().stream().anyMatch(g -> !applies(g));
    }
}
