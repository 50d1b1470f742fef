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
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.EarnCalculator;
import io.loyaltybridge.domain.program.earning.EarnResult;
import io.loyaltybridge.domain.program.earning.MemberContext;
import io.loyaltybridge.domain.program.earning.MemberContexts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final MemberContexts contexts;
    private final Program program;
    private final EarnCalculator calculator;
    private final OrderEffects effects;
    private final DueExpiry dueExpiry;
    private final Clock clock;

    public LedgerService(UnitOfWork unitOfWork, LedgerPorts ports, Program program, OrderEffects effects,
                         DueExpiry dueExpiry, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.members = ports.members();
        this.resolver = new MemberResolver(members);
        this.orders = ports.orders();
        this.ledger = ports.entries();
        this.contexts = ports.contexts();
        this.program = program;
        this.calculator = new EarnCalculator(program);
        this.effects = effects;
        this.dueExpiry = dueExpiry;
        this.clock = clock;
    }

    public Program program() {
        return program;
    }

    /** The clock orders are judged by (an order placed after now plus a day is refused). */
    public Clock clock() {
        return clock;
    }

    public OrderOutcome submitOrder(OrderSubmission submission) {
        return unitOfWork.inTransaction(() -> {
            Member member = resolver.resolve(submission.member());
            members.lock(member.id());
            Order order = submission.forMember(member.id());
            Optional<StoredOrder> inserted = orders.insertIfAbsent(order);
            if (inserted.isPresent()) {
                return new OrderOutcome(inserted.get(), true, true, settle(inserted.get(), Map.of()));
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

    /**
     * Evaluates the order under the context it was first settled in (the current one for a new order, with the
     * campaign points other orders had taken then), writes the differences, and records what it is now worth.
     */
    private List<LedgerEntry> settle(StoredOrder order, Map<Account, Long> credited) {
        MemberId member = order.order().member();
        MemberContext now = contexts.current(member);
        Map<String, Long> grantedElsewhere = new HashMap<>(now.campaignPointsGranted());
        order.campaignPoints().forEach((campaign, points) -> grantedElsewhere.merge(campaign, -points, Long::sum));
        MemberContext first = order.earnContext() != null ? order.earnContext()
                : new MemberContext(now.tier(), now.segments(), grantedElsewhere);
        EarnResult worth = calculator.earn(order.order(), first, grantedElsewhere);
        List<LedgerEntry> written = new ArrayList<>();
        for (NewEntry entry : OrderSettlement.settle(order, credited, worth, program.version(), clock.instant(),
                "r" + order.revision())) {
            ledger.append(entry).ifPresent(written::add);
        }
        Map<String, Long> campaignDelta = new HashMap<>(worth.pointsByCampaign());
        order.campaignPoints().forEach((campaign, points) -> campaignDelta.merge(campaign, -points, Long::sum));
        campaignDelta.values().removeIf(points -> points == 0);
        contexts.addCampaignPoints(member, campaignDelta);
        orders.recordEarning(order.id(), first, worth.points(),
                worth.pointsByCampaign(), worth.availableAt());
        effects.orderSettled(order, worth);
        return written;
    }

    /**
     * Moves an order's pending points and cashback, and the bonuses it caused, to available once its return window
     * has ended. Idempotent: the release of a revision is keyed, and an order with nothing pending writes nothing.
     */
    public List<LedgerEntry> releasePending(long orderId) {
        return unitOfWork.inTransaction(() -> {
            StoredOrder order = orders.lock(orderId).orElseThrow(() -> new NotFound("no order with id " + orderId));
            Map<Account, Long> credited = ledger.creditedForOrder(orderId);
            long pending = credited.getOrDefault(Account.PENDING, 0L);
            long pendingCashback = credited.getOrDefault(Account.PENDING_CASHBACK, 0L);
            List<LedgerEntry> written = new ArrayList<>();
            List<NewEntry> release = new ArrayList<>(OrderSettlement.release(order, pending, pendingCashback,
                    program.version(), clock.instant(), "r" + order.revision() + ":release"));
            release.addAll(OrderBonuses.release(OrderBonuses.pending(ledger.pendingBonusesOf(orderId)),
                    program.version(), clock.instant()));
            for (NewEntry entry : release) {
                ledger.append(entry).ifPresent(written::add);
            }
            return written;
        });
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
            if (points < 0 && dueExpiry.expireDue(member) > 0) {
                balance = ledger.lockBalance(member, Account.POINTS);
            }
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
                    new EntrySource("api", request.actor()), program.version(), clock.instant(), key, null);
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
