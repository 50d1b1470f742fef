package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.DowngradeRisk;
import io.loyaltybridge.domain.program.tiers.DowngradeRisks;
import io.loyaltybridge.domain.program.tiers.TierStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Downgrade risks, recording "tier at risk" when a save raises a member's risk (none to low, low to high, none to
 * high): what sales staff should act on. A risk that falls is stored and pushed to the CRM fields, but told to no
 * one. The day and the new level name the cause, so a replayed save is one event, and a member whose risk falls and
 * rises again on a later day is told again.
 */
public final class RecordingRisks implements DowngradeRisks {
    private final DowngradeRisks risks;
    private final MemberEvents events;
    private final Clock clock;

    public RecordingRisks(DowngradeRisks risks, MemberEvents events, Clock clock) {
        this.risks = risks;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Map<MemberId, DowngradeRisk> get(Collection<MemberId> members) {
        return risks.get(members);
    }

    @Override
    public void save(List<Change> changes, LocalDate on) {
        risks.save(changes, on);
        List<MemberEvent> raised = new ArrayList<>();
        for (Change change : changes) {
            TierStatus now = change.now();
            if (now.downgradeRisk().compareTo(change.before()) > 0) {
                raised.add(new MemberEvent(change.member(), EventType.TIER_AT_RISK, EventType.TIER_AT_RISK.wireName()
                        + ":" + change.member() + ":" + now.tier() + ":" + now.downgradeRisk().wireName() + ":" + on,
                        clock.instant(), Map.of("downgrade_risk", now.downgradeRisk().wireName(),
                        "previous_risk", change.before().wireName(),
                        "points_to_keep_tier", whole(now.toKeepTier()),
                        "projected_tier", Objects.toString(now.projectedTier(), ""),
                        "tier_expires_on", Objects.toString(now.tierExpiresOn(), ""))));
            }
        }
        events.recordAll(raised); // the batch's events together: a first run may find thousands
    }

    private static String whole(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(0, RoundingMode.CEILING).toPlainString();
    }
}
