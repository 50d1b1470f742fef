package io.loyaltybridge.store;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.MemberId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The append-only ledger and the stored balances it moves, in PostgreSQL. */
public final class PgLedgerEntries implements LedgerEntries {
    static final String COLUMNS = "id, member_id, account, points, kind, reason, source_system, source_id, "
            + "rule_version, created_at, effective_at, operation_key, order_id";
    static final String EARNED_KINDS = Arrays.stream(EntryKind.values()).filter(EntryKind::countsAsEarned)
            .map(kind -> "'" + kind.wireName() + "'").collect(Collectors.joining(", ", "(", ")"));

    /*
     * One round trip: insert the entry (nothing on a used operation key) and, only if it went in, move the balance
     * and queue the member for every CRM they are in (the outbox). Keeping all three in one statement means no code
     * path can append without moving the balance or without the CRMs hearing of it.
     */
    private static final String APPEND = "WITH entry AS ("
            + " INSERT INTO ledger_entries (member_id, account, points, kind, reason, source_system, source_id,"
            + " rule_version, created_at, effective_at, operation_key, order_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT ON CONSTRAINT ledger_entries_operation_key DO NOTHING RETURNING *),"
            + " moved AS (INSERT INTO member_balances (member_id, account, available, lifetime)"
            + " SELECT member_id, account, points, CASE WHEN kind IN " + EARNED_KINDS + " THEN points ELSE 0 END"
            + " FROM entry ON CONFLICT (member_id, account) DO UPDATE SET"
            + " available = member_balances.available + excluded.available,"
            + " lifetime = member_balances.lifetime + excluded.lifetime),"
            + " queued AS (INSERT INTO crm_outbox (member_id, system)"
            + " SELECT DISTINCT i.member_id, i.system FROM entry JOIN member_identities i"
            + " ON i.member_id = entry.member_id AND NOT i.deleted"
            + " ON CONFLICT (member_id, system) DO UPDATE SET version = crm_outbox.version + 1)"
            + " SELECT " + COLUMNS + " FROM entry";

    private final Sql sql;
    private final Clock clock;

    public PgLedgerEntries(Transactions transactions, Clock clock) {
        this.sql = new Sql(transactions);
        this.clock = clock;
    }

    @Override
    public Optional<LedgerEntry> append(NewEntry e) {
        return sql.one(APPEND, PgLedgerEntries::entry, e.member().value(), e.account().wireName(), e.points(),
                e.kind().wireName(), e.reason(), e.source().system(), e.source().id(), e.ruleVersion(),
                clock.instant(), e.effectiveAt(), e.operationKey(), e.orderId());
    }

    @Override
    public Optional<LedgerEntry> byOperationKey(String operationKey) {
        return sql.one("SELECT " + COLUMNS + " FROM ledger_entries WHERE operation_key = ?",
                PgLedgerEntries::entry, operationKey);
    }

    @Override
    public Balance lockBalance(MemberId member, Account account) {
        // DO UPDATE (rather than DO NOTHING) so the existing row is returned and stays locked by this transaction.
        return sql.one("INSERT INTO member_balances (member_id, account, available, lifetime) VALUES (?, ?, 0, 0) "
                        + "ON CONFLICT (member_id, account) DO UPDATE SET available = member_balances.available "
                        + "RETURNING available, lifetime",
                row -> new Balance(row.getLong(1), row.getLong(2)), member.value(), account.wireName()).orElseThrow();
    }

    @Override
    public Balance balance(MemberId member, Account account) {
        return sql.one("SELECT available, lifetime FROM member_balances WHERE member_id = ? AND account = ?",
                row -> new Balance(row.getLong(1), row.getLong(2)), member.value(), account.wireName())
                .orElse(Balance.ZERO);
    }

    @Override
    public Map<MemberId, Map<Account, Balance>> balances(Collection<MemberId> members) {
        Map<MemberId, Map<Account, Balance>> byMember = new HashMap<>();
        sql.list("SELECT member_id, account, available, lifetime FROM member_balances WHERE member_id = ANY (?)",
                row -> byMember.computeIfAbsent(new MemberId(row.getLong(1)), m -> new EnumMap<>(Account.class))
                        .put(Account.fromWire(row.getString(2)), new Balance(row.getLong(3), row.getLong(4))),
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return byMember;
    }

    @Override
    public Map<Account, Long> creditedForOrder(long orderId) {
        Map<Account, Long> credited = new EnumMap<>(Account.class);
        sql.list("SELECT account, sum(points) FROM ledger_entries WHERE order_id = ? AND operation_key LIKE 'order:%'"
                        + " GROUP BY account", row -> credited.put(Account.fromWire(row.getString(1)), row.getLong(2)),
                orderId);
        return credited;
    }

    @Override
    public List<LedgerEntry> pendingBonusesOf(long orderId) {
        return sql.list("SELECT " + COLUMNS + " FROM ledger_entries WHERE order_id = ? AND account = 'pending'"
                + " AND operation_key NOT LIKE 'order:%' ORDER BY id", PgLedgerEntries::entry, orderId);
    }

    @Override
    public List<LedgerEntry> forOrder(long orderId) {
        return sql.list("SELECT " + COLUMNS + " FROM ledger_entries WHERE order_id = ? ORDER BY id",
                PgLedgerEntries::entry, orderId);
    }

    @Override
    public Map<MemberId, List<LedgerEntry>> history(Collection<MemberId> members, Account account) {
        Map<MemberId, List<LedgerEntry>> byMember = new HashMap<>();
        sql.list("SELECT " + COLUMNS + " FROM ledger_entries WHERE member_id = ANY (?) AND account = ?"
                        + " ORDER BY member_id, effective_at, id", PgLedgerEntries::entry,
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()), account.wireName())
                .forEach(e -> byMember.computeIfAbsent(e.member(), m -> new ArrayList<>()).add(e));
        return byMember;
    }

    @Override
    public List<LedgerEntry> page(MemberId member, Long beforeId, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM ledger_entries WHERE member_id = ? AND id < ? "
                + "ORDER BY id DESC LIMIT ?", PgLedgerEntries::entry, member.value(),
                beforeId == null ? Long.MAX_VALUE : beforeId, limit);
    }

    static LedgerEntry entry(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getLong("id"), new MemberId(row.getLong("member_id")),
                Account.fromWire(row.getString("account")), row.getLong("points"),
                EntryKind.fromWire(row.getString("kind")), row.getString("reason"),
                new EntrySource(row.getString("source_system"), row.getString("source_id")),
                row.getString("rule_version"), Sql.instant(row, "created_at"), Sql.instant(row, "effective_at"),
                row.getString("operation_key"), row.getObject("order_id", Long.class));
    }
}
