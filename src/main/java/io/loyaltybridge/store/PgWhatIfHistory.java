package io.loyaltybridge.store;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.tiers.TierGrant;
import io.loyaltybridge.domain.whatif.MemberHistory;
import io.loyaltybridge.domain.whatif.WhatIf;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The stored history a what-if replays, read in one read-only, repeatable-read transaction (one consistent view,
 * and the database itself refuses any write): members a page at a time, then that page's orders in
 * time order, its entries no order caused and its staff tier grants — four statements per page, whatever its
 * members hold. Pages
 * follow referral families (members are read once, with the head of their chain, two numbers each).
 */
public final class PgWhatIfHistory implements WhatIf.History {
    /** Entries the replay does not make itself: no order's, no badge's or referral's, and no expiry (a job's). */
    private static final String CARRIED = "order_id IS NULL AND kind <> 'expire'"
            + " AND operation_key NOT LIKE 'badge:%' AND operation_key NOT LIKE 'referral:%'";
    /**
     * An order as the replay takes it in: what was ordered, not what it earned then (the replay settles it anew),
     * so the earning context and campaign points are neither read nor decoded.
     */
    private static final String ORDER_COLUMNS = "id, source, external_id, member_id, total, currency, placed_at,"
            + " status, refunded_amount, lines::text AS lines";
    private final Transactions tx;
    private final Sql sql;
    private final ZoneId zone;

    public PgWhatIfHistory(Transactions tx, ZoneId zone) {
        this.tx = tx;
        this.sql = new Sql(tx);
        this.zone = zone;
    }

    @Override
    public long orders(LocalDate from) {
        return tx.read(() -> sql.one("SELECT count(*) FROM orders WHERE placed_at >= ?", row -> row.getLong(1),
                since(from)).orElse(0L));
    }

    @Override
    public void stream(LocalDate from, int batchMembers, Consumer<List<MemberHistory>> batch) {
        Instant since = since(from);
        tx.read(() -> {
            sql.update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            List<long[]> families = families();
            int start = 0;
            while (start < families.size()) {
                int end = start + Math.min(batchMembers, families.size() - start);
                // A family is never split: a referee's first order pays their referrer, which may lift the
                // referrer's tier for their later orders, so both must be settled in one batch, in time order.
                while (end < families.size() && families.get(end)[1] == families.get(end - 1)[1]) {
                    end++;
                }
                batch.accept(page(families.subList(start, end).stream().mapToLong(f -> f[0]).toArray(), since));
                start = end;
            }
            return null;
        });
    }

    /**
     * Every member with the first referrer of their chain (themselves when nobody referred them), grouped by it:
     * two numbers per member, read once.
     */
    private List<long[]> families() {
        return sql.list("WITH RECURSIVE up (member, root) AS ("
                + " SELECT id, id FROM members WHERE id NOT IN (SELECT referee_id FROM referrals)"
                + " UNION ALL SELECT r.referee_id, up.root FROM referrals r JOIN up ON r.referrer_id = up.member)"
                + " SELECT m.id, coalesce(up.root, m.id) AS root FROM members m LEFT JOIN up ON up.member = m.id"
                + " ORDER BY 2, 1", row -> new long[]{row.getLong(1), row.getLong(2)});
    }

    private record Head(MemberId member, Instant joinedAt, Set<String> segments, MemberId referrer) {
    }

    private List<MemberHistory> page(long[] members, Instant since) {
        Sql.LongArray ids = Sql.longArray(members);
        List<Head> heads = sql.list("SELECT m.id, m.created_at, s.segments, r.referrer_id FROM members m"
                + " LEFT JOIN member_segments s ON s.member_id = m.id LEFT JOIN referrals r ON r.referee_id = m.id"
                + " WHERE m.id = ANY (?) ORDER BY m.id", row -> {
                    Array segments = row.getArray("segments");
                    long referrerId = row.getLong("referrer_id");
                    MemberId referrer = row.wasNull() ? null : new MemberId(referrerId);
                    return new Head(new MemberId(row.getLong(1)), Sql.instant(row, "created_at"),
                            segments == null ? Set.of()
                                    : new LinkedHashSet<>(Arrays.asList((String[]) segments.getArray())),
                            referrer);
                }, ids);
        Map<MemberId, List<StoredOrder>> orders = new HashMap<>();
        sql.list("SELECT " + ORDER_COLUMNS + " FROM orders WHERE member_id = ANY (?) AND placed_at >= ?"
                        + " ORDER BY member_id, placed_at, id", PgWhatIfHistory::order, ids, since)
                .forEach(o -> orders.computeIfAbsent(o.order().member(), m -> new ArrayList<>()).add(o));
        Map<MemberId, List<MemberHistory.Carried>> carried = new HashMap<>();
        sql.list("SELECT member_id, account, kind, points, effective_at, source_system FROM ledger_entries"
                        + " WHERE member_id = ANY (?) AND effective_at >= ? AND " + CARRIED
                        + " ORDER BY member_id, effective_at, id",
                row -> carried.computeIfAbsent(new MemberId(row.getLong(1)), m -> new ArrayList<>())
                        .add(new MemberHistory.Carried(Account.fromWire(row.getString(2)),
                                EntryKind.fromWire(row.getString(3)), row.getLong(4),
                                Sql.instant(row, "effective_at"), event(row.getString("source_system")))),
                ids, since);
        // Every grant, whatever {@code from}: one given before it may still set the rate of the orders after it.
        Map<MemberId, List<TierGrant>> grants = new HashMap<>();
        sql.list("SELECT g.member_id, " + PgTierGrants.COLUMNS + " FROM tier_grants g WHERE g.member_id = ANY (?)"
                        + " ORDER BY g.member_id, g.granted_at, g.id",
                row -> grants.computeIfAbsent(new MemberId(row.getLong(1)), m -> new ArrayList<>())
                        .add(PgTierGrants.grant(row)), ids);
        return heads.stream().map(h -> new MemberHistory(h.member(), h.joinedAt(),
                orders.getOrDefault(h.member(), List.of()), carried.getOrDefault(h.member(), List.of()),
                h.segments(), h.referrer(), grants.getOrDefault(h.member(), List.of()))).toList();
    }

    private static StoredOrder order(ResultSet row) throws SQLException {
        return new StoredOrder(row.getLong("id"), PgOrders.order(row, OrderLinesJson.read(row.getString("lines"))),
                1);
    }

    /** An event's grant is sourced {@code event:<name>} (the API's events, signup, birthday); else null. */
    private static String event(String sourceSystem) {
        return sourceSystem != null && sourceSystem.startsWith("event:") ? sourceSystem.substring(6) : null;
    }

    /** The start of {@code from} in the program's zone; no day: the beginning. */
    private Instant since(LocalDate from) {
        return from == null ? Instant.EPOCH.minusSeconds(86_400L * 365 * 100) : from.atStartOfDay(zone).toInstant();
    }
}
