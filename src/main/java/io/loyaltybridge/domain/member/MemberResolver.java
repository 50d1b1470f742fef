package io.loyaltybridge.domain.member;

import io.loyaltybridge.domain.InvalidInput;

import java.util.Optional;

/**
 * Finds the member a reference points at: our id first, then the CRM identity, then the email. A member that does
 * not exist yet is created when an email is known, and a given CRM identity is linked to them.
 */
public final class MemberResolver {
    private final Members members;

    public MemberResolver(Members members) {
        this.members = members;
    }

    public Member resolve(MemberRef ref) {
        if (ref.id() != null) {
            return members.byId(ref.id())
                    .orElseThrow(() -> InvalidInput.of("member.id", "no member with id " + ref.id()));
        }
        if (ref.identity() != null) {
            Optional<Member> known = members.byIdentity(ref.identity());
            if (known.isPresent()) {
                return known.get();
            }
        }
        if (ref.email() == null) {
            throw InvalidInput.of("member", "no member matches; give an email to create one");
        }
        Member member = members.createOrGetByEmail(ref.details());
        if (ref.identity() != null) {
            members.link(member.id(), ref.identity());
            return members.byId(member.id()).orElseThrow();
        }
        return member;
    }
}
