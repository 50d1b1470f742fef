package io.loyaltybridge.domain.member;

import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;

import java.util.List;
import java.util.Optional;

/** Creating members and reading their profiles and ledgers. */
public final class MemberService {
    private final UnitOfWork unitOfWork;
    private final Members members;
    private final LedgerEntries ledger;

    public MemberService(UnitOfWork unitOfWork, Members members, LedgerEntries ledger) {
        this.unitOfWork = unitOfWork;
        this.members = members;
        this.ledger = ledger;
    }

    public MemberProfile create(NewMember member) {
        return unitOfWork.inTransaction(() -> profileOf(members.create(member)));
    }

    public MemberProfile profile(MemberId id) {
        return unitOfWork.inTransaction(() -> profileOf(require(id)));
    }

    public Optional<MemberProfile> byEmail(Email email) {
        return unitOfWork.inTransaction(() -> members.byEmail(email).map(this::profileOf));
    }

    /** Entries newest first, {@code limit} at most, strictly older than {@code beforeId} when given. */
    public List<LedgerEntry> ledger(MemberId id, Long beforeId, int limit) {
        return unitOfWork.inTransaction(() -> {
            require(id);
            return ledger.page(id, beforeId, limit);
        });
    }

    /** Every points-account entry of the member, oldest first. */
    public List<LedgerEntry> pointEntries(MemberId id) {
        return unitOfWork.inTransaction(() -> {
            require(id);
            return ledger.history(List.of(id), Account.POINTS).getOrDefault(id, List.of());
        });
    }

    private Member require(MemberId id) {
        return members.byId(id).orElseThrow(() -> new NotFound("no member with id " + id));
    }

    private MemberProfile profileOf(Member member) {
        return new MemberProfile(member, ledger.balance(member.id(), Account.POINTS));
    }
}
