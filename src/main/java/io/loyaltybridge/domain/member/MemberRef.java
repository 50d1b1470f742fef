package io.loyaltybridge.domain.member;

/**
 * How a caller points at a member: by our id, by a CRM identity, or by email. When several are given they are
 * tried in that order; {@code details} is used to create the member when none matches and an email is known.
 */
public record MemberRef(MemberId id, CrmIdentity identity, Email email, NewMember details) {
    public static MemberRef byId(MemberId id) {
        return new MemberRef(id, null, null, null);
    }

    public static MemberRef byEmail(Email email) {
        return new MemberRef(null, null, email, NewMember.withEmail(email));
    }
}
