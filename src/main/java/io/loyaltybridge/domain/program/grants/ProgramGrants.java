package io.loyaltybridge.domain.program.grants;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberResolver;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.program.Program;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Points the program grants outside orders: non-purchase events (a BONUS) and partner transactions (an EARN at the
 * partner's rate). Each runs in one transaction under the member's points-balance lock, so two reports of the same
 * event cannot both pass {@code maxPerMember}, and each is keyed by the caller's id, so a report twice is one grant.
 * <p>
 * Event entries have source system {@code event:<name>}: that is what {@code maxPerMember} counts. Partner entries
 * have the partner id as source system and the transaction id as source id.
 */
public final class ProgramGrants {
    private final UnitOfWork unitOfWork;
    private final MemberResolver resolver;
    private final LedgerEntries ledger;
    private final GrantHistory history;
    private final Program program;
    private final EventAwards awards;
    private final PartnerEarn partnerEarn;
    private final Consumer<MemberId> afterGrant;
    private final Clock clock;

    /** @param afterGrant runs in the grant's transaction once points were written (tier upgrades) */
    public ProgramGrants(UnitOfWork unitOfWork, Members members, LedgerEntries ledger, GrantHistory history,
                         Program program, Consumer<MemberId> afterGrant, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.resolver = new MemberResolver(members);
        this.ledger = ledger;
        this.history = history;
        this.program = program;
        this.awards = new EventAwards(program);
        this.partnerEarn = new PartnerEarn(program);
        this.afterGrant = afterGrant;
        this.clock = clock;
    }

    /** What is wrong with the report, judged now; the API reports it together with shape errors. */
    public List<Violation> violations(EventReport report) {
        return report.violations(program, clock.instant());
    }

    public List<Violation> violations(PartnerTransaction transaction) {
        return transaction.violations(program, clock.instant());
    }

    /** Grants the event's points once per {@code eventId}; a Conflict once the member reached its limit. */
    public Grant grantEvent(EventReport report) {
        requireValid(report.violations(program, clock.instant()));
        String system = "event:" + report.event();
        String key = system + ":" + report.eventId();
        Instant effective = report.occurredAt() == null ? clock.instant() : report.occurredAt();
        return unitOfWork.inTransaction(() -> {
            Member member = resolver.resolve(report.member());
            Balance balance = ledger.lockBalance(member.id(), Account.POINTS);
            var earlier = ledger.byOperationKey(key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), member.id(), balance, earlier.get().points(), "eventId");
            }
            EventAwards.Award award = awards.award(report.event(), history.count(member.id(), system));
            if (!award.granted()) {
                throw new Conflict("event_limit_reached", "member " + member.id() + ": " + award.reason());
            }
            return write(new NewEntry(member.id(), Account.POINTS, award.points(), EntryKind.BONUS, award.reason(),
                    new EntrySource(system, report.eventId()), program.version(), effective, key, null), balance,
                    "eventId");
        });
    }

    /** Credits a partner transaction at the partner's rate, once per partner and transaction id. */
    public Grant partnerTransaction(PartnerTransaction t) {
        Partner partner = partner(t.partnerId());
        requireValid(t.violations(program, clock.instant()));
        PartnerEarn.Result earned = partnerEarn.pointsFor(partner.id(), t.amount()).orElseThrow();
        String key = "partner:" + partner.id() + ":" + t.transactionId();
        return unitOfWork.inTransaction(() -> {
            Member member = resolver.resolve(t.member());
            Balance balance = ledger.lockBalance(member.id(), Account.POINTS);
            var earlier = ledger.byOperationKey(key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), member.id(), balance, earned.points(), "transactionId");
            }
            if (earned.points() == 0) {
                // The ledger records movements only; a transaction too small to earn a point leaves no trace.
                return new Grant(member.id(), null, false, balance, earned.reason());
            }
            return write(new NewEntry(member.id(), Account.POINTS, earned.points(), EntryKind.EARN, earned.reason(),
                    new EntrySource(partner.id(), t.transactionId()), program.version(), t.occurredAt(), key, null),
                    balance, "transactionId");
        });
    }

    /** The partner the program declares under this id; NotFound otherwise. */
    public Partner partner(String partnerId) {
        return program.partner(partnerId)
                .orElseThrow(() -> new NotFound("no partner " + partnerId + " in the program"));
    }

    private Grant write(NewEntry entry, Balance balance, String idField) {
        return ledger.append(entry)
                .map(written -> {
                    afterGrant.accept(entry.member());
                    return written;
                })
                .map(written -> new Grant(entry.member(), written, false, new Balance(
                        balance.available() + entry.points(), balance.lifetime() + entry.points()), entry.reason()))
                // Same key written meanwhile for another member (whose balance lock we do not hold): compare.
                .orElseGet(() -> replay(ledger.byOperationKey(entry.operationKey()).orElseThrow(), entry.member(),
                        balance, entry.points(), idField));
    }

    /** The earlier grant under this key, if it was for this member and amount; otherwise the id was reused. */
    private static Grant replay(LedgerEntry earlier, MemberId member, Balance balance, long points, String field) {
        if (!earlier.member().equals(member) || earlier.points() != points) {
            throw new Conflict("idempotency_key_reused", field + " '" + earlier.source().id()
                    + "' was already used for another " + (earlier.member().equals(member) ? "amount" : "member"));
        }
        return new Grant(member, earlier, true, balance, earlier.reason());
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
