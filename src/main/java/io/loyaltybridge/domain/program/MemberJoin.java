package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.domain.program.grants.BonusEntries;
import io.loyaltybridge.domain.program.referrals.ReferralCode;
import io.loyaltybridge.domain.program.referrals.ReferralParty;
import io.loyaltybridge.domain.program.referrals.ReferralRules;
import io.loyaltybridge.domain.program.referrals.Referrals;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/**
 * A member joining through the API: created, enrolled under a referral code when given (self-referrals and loops
 * refused), and granted the program's signup event — all in one transaction, so a refused code creates nothing.
 */
public final class MemberJoin {
    private final UnitOfWork unitOfWork;
    private final Members members;
    private final Referrals referrals;
    private final LedgerEntries ledger;
    private final Program program;
    private final ReferralRules rules;
    private final Clock clock;

    public MemberJoin(UnitOfWork unitOfWork, Members members, Referrals referrals, LedgerEntries ledger,
                      Program program, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.members = members;
        this.referrals = referrals;
        this.ledger = ledger;
        this.program = program;
        this.rules = new ReferralRules(program.referral());
        this.clock = clock;
    }

    public MemberId join(NewMember details, String referralCode) {
        return unitOfWork.inTransaction(() -> {
            Member member = members.create(details);
            if (referralCode != null) {
                enrol(member, referralCode);
            }
            program.event("signup").filter(e -> e.points() > 0).ifPresent(signup ->
                    ledger.append(BonusEntries.bonus(member.id(), signup.points(), signup.description(),
                            "event:signup", member.id().toString(), program, clock.instant(),
                            "event:signup:" + member.id())));
            return member.id();
        });
    }

    private void enrol(Member referee, String code) {
        Member referrer = ReferralCode.memberOf(code).flatMap(members::byId)
                .orElseThrow(() -> InvalidInput.of("referralCode", "no member has this referral code"));
        List<String> refusals = rules.refusals(party(referrer), party(referee), referrals.chainAbove(referrer.id()));
        if (!refusals.isEmpty()) {
            throw InvalidInput.of("referralCode", String.join("; ", refusals));
        }
        referrals.record(referee.id(), referrer.id(), clock.instant());
    }

    private static ReferralParty party(Member member) {
        return new ReferralParty(member.id(), member.email(), new HashSet<>(member.identities()));
    }
}
