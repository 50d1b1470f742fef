package io.loyaltybridge.domain.member;

import io.loyaltybridge.domain.ledger.Balance;

/** A member with their points standing: what the API and the CRMs show. */
public record MemberProfile(Member member, Balance points) {
}
