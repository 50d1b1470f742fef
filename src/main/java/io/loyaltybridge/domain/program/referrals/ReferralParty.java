package io.loyaltybridge.domain.program.referrals;

import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;

import java.util.Set;

/** What referral checks need to know about one side of a referral. */
public record ReferralParty(MemberId id, Email email, Set<CrmIdentity> identities) {
    public ReferralParty {
        identities = Set.copyOf(identities);
    }
}
