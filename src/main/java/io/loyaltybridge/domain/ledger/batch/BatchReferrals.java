package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.referrals.Referrals;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Referrals of one batch's referees: completed by a first qualifying order, reopened by its cancellation. */
final class BatchReferrals implements Referrals {
    private final Map<MemberId, Snapshot.Referral> stored;
    private final Map<MemberId, Snapshot.Referral> now;

    BatchReferrals(Snapshot snapshot) {
        this.stored = snapshot.referrals();
        this.now = new HashMap<>(snapshot.referrals());
    }

    @Override
    public Optional<MemberId> pendingReferrerOf(MemberId referee) {
        Snapshot.Referral referral = now.get(referee);
        return referral == null || referral.completedAt() != null ? Optional.empty()
                : Optional.of(referral.referrer());
    }

    @Override
    public boolean complete(MemberId referee, Instant at) {
        if (pendingReferrerOf(referee).isEmpty()) {
            return false;
        }
        now.put(referee, new Snapshot.Referral(now.get(referee).referrer(), at));
        return true;
    }

    @Override
    public void reopen(MemberId referee) {
        Snapshot.Referral referral = now.get(referee);
        if (referral != null) {
            now.put(referee, new Snapshot.Referral(referral.referrer(), null));
        }
    }

    @Override
    public void record(MemberId referee, MemberId referrer, Instant at) {
        throw new UnsupportedOperationException("referrals are recorded when members join, not by orders");
    }

    @Override
    public Map<MemberId, MemberId> chainAbove(MemberId member) {
        throw new UnsupportedOperationException("not read while settling a batch of orders");
    }

    Map<MemberId, Snapshot.Referral> changed() {
        Map<MemberId, Snapshot.Referral> changed = new HashMap<>();
        now.forEach((referee, referral) -> {
            if (!Objects.equals(stored.get(referee).completedAt(), referral.completedAt())) {
                changed.put(referee, referral);
            }
        });
        return changed;
    }
}
