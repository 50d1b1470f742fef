package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.member.Consent;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.member.NewMember;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch's members, already locked by the load. Settlement only needs a member's id, so no personal data is
 * loaded: the member handed out carries the id and the join time alone.
 */
final class BatchMembers implements Members {
    private final Map<MemberId, Instant> joined;

    BatchMembers(Snapshot snapshot) {
        this.joined = snapshot.members();
    }

    @Override
    public Optional<Member> byId(MemberId id) {
        Instant at = joined.get(id);
        return at == null ? Optional.empty()
                : Optional.of(new Member(id, null, null, null, null, new Consent(false), List.of(), at));
    }

    @Override
    public void lock(MemberId member) {
        // Locked, in id order, when the batch was loaded.
    }

    @Override
    public Optional<Member> byEmail(Email email) {
        throw unsupported();
    }

    @Override
    public Optional<Member> byIdentity(CrmIdentity identity) {
        throw unsupported();
    }

    @Override
    public Member createOrGetByEmail(NewMember member) {
        throw unsupported();
    }

    @Override
    public Member create(NewMember member) {
        throw unsupported();
    }

    @Override
    public boolean updateDetails(MemberId member, NewMember details) {
        throw unsupported();
    }

    @Override
    public List<MemberId> idsAfter(MemberId after, int limit) {
        throw unsupported();
    }

    @Override
    public long count() {
        throw unsupported();
    }

    @Override
    public List<MemberId> bornOn(int month, int day) {
        throw unsupported();
    }

    @Override
    public void link(MemberId member, CrmIdentity identity) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("the batch resolves members by id only");
    }
}
