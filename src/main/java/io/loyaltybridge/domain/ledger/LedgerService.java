package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberResolver;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.Orders;
import io.loyaltybridge.domain.order.StoredOrder;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's use cases. Each runs in one transaction and is idempotent: orders by their key and revision,
 * redemptions and adjustments by their idempotency key.
 */
public final class LedgerService {
    private final UnitOfWork unitOfWork;
    private final Members members;
    private final MemberResolver resolver;
    private final Orders orders;
    private final LedgerEntries ledger;
    private final EarnPolicy earnPolicy;
    private final Clock clock;

    public LedgerService(UnitOfWork unitOfWork, Members members, Orders orders, LedgerEntries ledger,
                         EarnPolicy earnPolicy, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.members = members;
        this.resolver = new MemberResolver(members);
        this.orders = orders;
        this.ledger = ledger;
        this.earnPolicy = earnPolicy;
        this.clock = clock;
    }

    public OrderOutcome submitOrder(OrderSubmission submission) {
        return unitOfWork.inTransaction(() -> {
            Member member = resolver.resolve(submission.member());
            Order order = submission.forMember(member.id());
            Optional<StoredOrder> inserted = orders.insertIfAbsent(order);
            if (inserted.isPresent()) {
                return new OrderOutcome(inserted.get(), true, true, settle(inserted.get(), 0));
            }
            // Someone reported this order before: queue behind any concurrent report of it, then compare.
            StoredOrder held = orders.lock(order.key()).orElseThrow();
            if (!held.order().member().equals(member.id())) {
                throw new Conflict("order_member_mismatch", "order " + order.key() + " belongs to member "
                        + held.order().member() + ", not to member " + member.id());
            }
            if (held.order().sameStateAs(order)) {
                return new OrderOutcome(held, false, false, List.of());
            }
            StoredOrder next = orders.replace(held, order);
            return new OrderOutcome(next, false, true, settle(next, ledger.creditedForOrder(next.id())));
        });
    }

    private List<LedgerEntry> settle(StoredOrder order, long credited) {
        return OrderSettlement.settle(order, credited, earnPolicy, clock.instant())
                .flatMap(ledger::append)
                .map(List::of)
                .orElse(List.of());
    }

    /** Takes points; refused with a Conflict when the balance would go below zero. */
    public PointsOutcome redeem(MemberId member, PointsRequest request) {
        requireValid(request.violations(true));
        return move(member, request, -request.points(), EntryKind.REDEEM, "redeem");
    }

    /** Adds or takes points by hand; taking is refused when the balance would go below zero. */
    public PointsOutcome adjust(MemberId member, PointsRequest request) {
        requireValid(request.violations(false));
        return move(member, request, request.points(), EntryKind.ADJUST, "adjust");
    }

    private PointsOutcome move(MemberId member, PointsRequest request, long points, EntryKind kind, String prefix) {
        return unitOfWork.inTransaction(() -> {
            if (members.byId(member).isEmpty()) {
                throw new NotFound("no member with id " + member);
            }
            // The balance lock serialises every spend of this member, across threads and app instances.
            Balance balance = ledger.lockBalance(member, Account.POINTS);
            String key = prefix + ":" + member + ":" + request.idempotencyKey();
            Optional<LedgerEntry> earlier = ledger.byOperationKey(key);
            if (earlier.isPresent()) {
                if (earlier.get().points() != points) {
                    throw new Conflict("idempotency_key_reused", "idempotency key '" + request.idempotencyKey()
                            + "' was used for " + Math.abs(earlier.get().points()) + " points, not " + Math.abs(points));
                }
                return new PointsOutcome(earlier.get(), true, balance);
            }
            if (points < 0 && balance.available() + points < 0) {
                throw new Conflict("insufficient_balance", "member " + member + " has " + balance.available()
                        + " points available, " + (-points) + " requested");
            }
            NewEntry entry = new NewEntry(member, Account.POINTS, points, kind, request.reason(),
                    new EntrySource("api", request.actor()), earnPolicy.version(), clock.instant(), key, null);
            LedgerEntry written = ledger.append(entry).orElseThrow();
            long lifetime = balance.lifetime() + (kind.countsAsEarned() ? points : 0);
            return new PointsOutcome(written, false, new Balance(balance.available() + points, lifetime));
        });
    }

    private static void requireValid(List<io.loyaltybridge.domain.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
