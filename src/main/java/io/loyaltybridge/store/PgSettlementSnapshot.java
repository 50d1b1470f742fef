package io.loyaltybridge.store;

import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.batch.Snapshot;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.Qualifying;

import java.sql.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads what a batch of orders is settled against, for all its members at once: nine statements whatever the
 * batch's size. Members are locked first, in id order (so two batches sharing members queue, never deadlock), then
 * the batch's held orders, in id order, as an order settled alone locks its own.
 */
public final class PgSettlementSnapshot {
    private final Sql sql;
    private final PgMemberTiers tiers;
    private final PgGrantedBadges badges;
    private final ZoneId zone;

    public PgSettlementSnapshot(Transactions transactions, Program program) {
        this.sql = new Sql(transactions);
        this.tiers = new PgMemberTiers(transactions);
        this.badges = new PgGrantedBadges(transactions);
        this.zone = program.zone();
    }

    /** Locks the members (in id order) and tells when each joined; members that do not exist are absent. */
    public Map<MemberId, Instant> lockMembers(Collection<MemberId> members) {
        Map<MemberId, Instant> joined = new LinkedHashMap<>();
        sql.list("SELECT id, created_at FROM members WHERE id = ANY (?) ORDER BY id FOR NO KEY UPDATE",
                row -> joined.put(new MemberId(row.getLong(1)), Sql.instant(row, "created_at")), ids(members));
        return joined;
    }

    /**
     * Whether this transaction has written or locked nothing yet (no transaction id assigned: a row lock takes one
     * too). Only then may parts of its batch settle in transactions of their own beside it: they cannot wait on a
     * lock it holds while it waits for them (a wait PostgreSQL could not see, so never break), and they see what it
     * sees.
     */
    public boolean nothingWrittenYet() {
        return sql.one("SELECT pg_current_xact_id_if_assigned() IS NULL", row -> row.getBoolean(1)).orElseThrow();
    }

    /** Each of these members' referrer, where they have one (completed referrals too: a refund reopens them). */
    public Map<MemberId, MemberId> referrers(Collection<MemberId> members) {
        Map<MemberId, MemberId> referrers = new HashMap<>();
        sql.list("SELECT referee_id, referrer_id FROM referrals WHERE referee_id = ANY (?)",
                row -> referrers.put(new MemberId(row.getLong(1)), new MemberId(row.getLong(2))), ids(members));
        return referrers;
    }

    /** The rest of the snapshot of the locked members, with an order id reserved for each key not held yet. */
    public Snapshot load(Map<MemberId, Instant> members, Collection<OrderKey> keys, LocalDate grantsFrom) {
        Sql.LongArray ids = ids(members.keySet());
        Map<OrderKey, StoredOrder> held = new HashMap<>();
        sql.list("SELECT " + PgOrders.COLUMNS + " FROM orders WHERE (source, external_id) IN"
                        + " (SELECT * FROM unnest(?::text[], ?::text[])) ORDER BY id FOR UPDATE",
                PgOrders::stored, Sql.Column.of("text", keys.stream().map(OrderKey::source).toList()),
                Sql.Column.of("text", keys.stream().map(OrderKey::externalId).toList()))
                .forEach(stored -> held.put(stored.order().key(), stored));
        // Without lines, earn contexts or campaign points: of the orders it does not hold, a batch counts only days,
        // money and points (rows that grow with every member's history, so kept narrow).
        Map<MemberId, List<Snapshot.PastOrder>> history = new HashMap<>();
        sql.list("SELECT id, source, external_id, member_id, total, currency, placed_at, status, refunded_amount,"
                        + " earned_points FROM orders WHERE member_id = ANY (?)",
                row -> new Snapshot.PastOrder(row.getLong("id"), PgOrders.order(row, List.of()),
                        row.getLong("earned_points")), ids)
                .forEach(p -> history.computeIfAbsent(p.order().member(), m -> new ArrayList<>()).add(p));
        Map<Long, List<LedgerEntry>> entries = new HashMap<>();
        sql.list("SELECT " + PgLedgerEntries.COLUMNS + " FROM ledger_entries WHERE order_id = ANY (?) ORDER BY id",
                PgLedgerEntries::entry, Sql.longArray(held.values().stream().mapToLong(StoredOrder::id).toArray()))
                .forEach(e -> entries.computeIfAbsent(e.orderId(), o -> new ArrayList<>()).add(e));
        Map<MemberId, Set<String>> segments = new HashMap<>();
        Map<MemberId, Map<String, Long>> campaigns = new HashMap<>();
        sql.list("SELECT m.id, s.segments, (SELECT jsonb_object_agg(campaign_id, points) FROM member_campaign_points c"
                + " WHERE c.member_id = m.id)::text AS campaigns FROM members m"
                + " LEFT JOIN member_segments s ON s.member_id = m.id WHERE m.id = ANY (?)", row -> {
                    MemberId member = new MemberId(row.getLong(1));
                    Array array = row.getArray("segments");
                    if (array != null) {
                        segments.put(member, new LinkedHashSet<>(Arrays.asList((String[]) array.getArray())));
                    }
                    campaigns.put(member, EarnContextJson.campaigns(row.getString("campaigns")));
                    return member;
                }, ids);
        Map<MemberId, Snapshot.Referral> referrals = new HashMap<>();
        sql.list("SELECT referee_id, referrer_id, completed_at FROM referrals WHERE referee_id = ANY (?)",
                row -> referrals.put(new MemberId(row.getLong(1)), new Snapshot.Referral(new MemberId(row.getLong(2)),
                        Sql.instant(row, "completed_at"))), ids);
        Map<MemberId, List<Qualifying>> grants = new HashMap<>();
        sql.list("SELECT member_id, (effective_at AT TIME ZONE ?)::date AS day, points FROM ledger_entries"
                        + " WHERE member_id = ANY (?) AND effective_at >= ? AND " + PgMemberActivity.QUALIFYING_GRANT
                        + " ORDER BY member_id, effective_at, id",
                row -> grants.computeIfAbsent(new MemberId(row.getLong(1)), m -> new ArrayList<>())
                        .add(Qualifying.points(row.getDate(2).toLocalDate(), row.getLong(3))),
                zone.getId(), ids, grantsFrom.atStartOfDay(zone).toInstant());
        long fresh = keys.stream().distinct().filter(k -> !held.containsKey(k)).count();
        List<Long> newIds = sql.list("SELECT nextval(pg_get_serial_sequence('orders', 'id'))"
                + " FROM generate_series(1, ?)", row -> row.getLong(1), (int) fresh);
        return new Snapshot(members, held, history, entries, tiers.get(members.keySet()), segments, campaigns,
                badges.of(members.keySet()), referrals, grants, grantsFrom, newIds);
    }

    private static Sql.LongArray ids(Collection<MemberId> members) {
        return Sql.longArray(members.stream().mapToLong(MemberId::value).toArray());
    }
}
