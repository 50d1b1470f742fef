package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.Qualifying;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger as one batch sees it: the entries of its held orders, then what it appends. An operation key is used
 * once, as in the database; a key the database holds but the snapshot did not load is caught when the batch is
 * written (the insert finds it taken), and the batch is then settled order by order instead.
 */
final class BatchLedger implements LedgerEntries {
    /** Appended entries get ids above any real one until the database numbers them, in the same order. */
    private static final long FIRST_PROVISIONAL_ID = Long.MAX_VALUE / 2;
    private final Map<Long, List<LedgerEntry>> byOrder = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final List<LedgerEntry> appended = new ArrayList<>();
    /** Appended grants that count for tiers, by member, kept as they are appended (read at every order). */
    private final Map<MemberId, List<Qualifying>> grants = new HashMap<>();
    private final ZoneId zone;
    private final Map<MemberId, Map<Account, long[]>> moves = new LinkedHashMap<>();
    private final Clock clock;

    BatchLedger(Snapshot snapshot, Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        snapshot.entriesByOrder().forEach((order, entries) -> {
            byOrder.put(order, new ArrayList<>(entries));
            entries.forEach(e -> keys.add(e.operationKey()));
        });
    }

    @Override
    public Optional<LedgerEntry> append(NewEntry e) {
        if (!keys.add(e.operationKey())) {
            return Optional.empty();
        }
        LedgerEntry entry = new LedgerEntry(FIRST_PROVISIONAL_ID + appended.size(), e.member(), e.account(),
                e.points(), e.kind(), e.reason(), e.source(), e.ruleVersion(), clock.instant(), e.effectiveAt(),
                e.operationKey(), e.orderId());
        appended.add(entry);
        if (BatchActivity.qualifyingGrant(entry)) {
            grants.computeIfAbsent(e.member(), m -> new ArrayList<>())
                    .add(Qualifying.points(entry.effectiveAt().atZone(zone).toLocalDate(), entry.points()));
        }
        if (e.orderId() != null) {
            byOrder.computeIfAbsent(e.orderId(), o -> new ArrayList<>()).add(entry);
        }
        long[] move = moves.computeIfAbsent(e.member(), m -> new EnumMap<>(Account.class))
                .computeIfAbsent(e.account(), a -> new long[2]);
        move[0] += e.points();
        move[1] += e.kind().countsAsEarned() ? e.points() : 0;
        return Optional.of(entry);
    }

    @Override
    public Map<Account, Long> creditedForOrder(long orderId) {
        Map<Account, Long> credited = new EnumMap<>(Account.class);
        for (LedgerEntry e : byOrder.getOrDefault(orderId, List.of())) {
            if (e.operationKey().startsWith("order:")) {
                credited.merge(e.account(), e.points(), Long::sum);
            }
        }
        return credited;
    }

    @Override
    public List<LedgerEntry> pendingBonusesOf(long orderId) {
        return byOrder.getOrDefault(orderId, List.of()).stream()
                .filter(e -> e.account() == Account.PENDING && !e.operationKey().startsWith("order:")).toList();
    }

    List<LedgerEntry> appended() {
        return appended;
    }

    /** The member's appended grants that count for tiers, in the order appended. */
    List<Qualifying> grantsFor(MemberId member) {
        return grants.getOrDefault(member, List.of());
    }

    Map<MemberId, Map<Account, long[]>> moves() {
        return moves;
    }

    @Override
    public Optional<LedgerEntry> byOperationKey(String operationKey) {
        throw unsupported();
    }

    @Override
    public Balance lockBalance(MemberId member, Account account) {
        throw unsupported();
    }

    @Override
    public Balance balance(MemberId member, Account account) {
        throw unsupported();
    }

    @Override
    public Map<MemberId, Map<Account, Balance>> balances(Collection<MemberId> members) {
        throw unsupported();
    }

    @Override
    public List<LedgerEntry> forOrder(long orderId) {
        throw unsupported();
    }

    @Override
    public Map<MemberId, List<LedgerEntry>> history(Collection<MemberId> members, Account account) {
        throw unsupported();
    }

    @Override
    public List<LedgerEntry> page(MemberId member, Long beforeId, int limit) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not read while settling a batch of orders");
    }
}
