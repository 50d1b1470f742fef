package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.referrals.Referrals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Referrals, recording "referral completed" for the referrer when a referee's referral completes (once: completing
 * is itself keyed).
 */
public final class RecordingReferrals implements Referrals {
    private final Referrals referrals;
    private final MemberEvents events;

    public RecordingReferrals(Referrals referrals, MemberEvents events) {
        this.referrals = referrals;
        this.events = events;
    }

    @Override
    public void record(MemberId referee, MemberId referrer, Instant at) {
        referrals.record(referee, referrer, at);
    }

    @Override
    public Optional<MemberId> pendingReferrerOf(MemberId referee) {
        return referrals.pendingReferrerOf(referee);
    }

    @Override
    public boolean complete(MemberId referee, Instant at) {
        Optional<MemberId> referrer = referrals.pendingReferrerOf(referee);
        boolean completed = referrals.complete(referee, at);
        if (completed && referrer.isPresent()) {
            events.record(new MemberEvent(referrer.get(), EventType.REFERRAL_COMPLETED,
                    "referral_completed:" + referee, at, Map.of("referee_member_id", referee.toString())));
        }
        return completed;
    }

    @Override
    public void reopen(MemberId referee) {
        referrals.reopen(referee);
    }

    @Override
    public Map<MemberId, MemberId> chainAbove(MemberId member) {
        return referrals.chainAbove(member);
    }
}
