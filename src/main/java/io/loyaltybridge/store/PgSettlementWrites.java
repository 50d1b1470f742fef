package io.loyaltybridge.store;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.batch.Changes;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.StoredOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes what a batch of orders changed with one statement per table (each row set bound as arrays and read back
 * with unnest), whatever the batch's size: orders, ledger entries, balances, campaign totals, tiers, badges,
 * referrals, the CRM outbox and member events. Balances and totals move by increments, so a redemption committed
 * meanwhile is kept.
 */
public final class PgSettlementWrites {
    private final Transactions tx;
    private final Sql sql;
    private final PgOutbox outbox;
    private final PgMemberEvents events;

    /** Thrown when the database holds what the snapshot did not foresee; the caller settles the batch alone. */
    public static final class Diverged extends RuntimeException {
        Diverged(String message) {
            super(message);
        }
    }

    /** {@code events}: where member events go; null when notifications are off (events are then not kept). */
    public PgSettlementWrites(Transactions transactions, PgMemberEvents events) {
        this.tx = transactions;
        this.sql = new Sql(transactions);
        this.outbox = new PgOutbox(transactions);
        this.events = events;
    }

    public void write(Changes changes, Map<OrderKey, Instant> sourceModified) {
        insertOrders(changes.newOrders(), changes.earnings(), sourceModified);
        updateOrders(changes.changedOrders(), changes.earnings(), sourceModified);
        // The CRM's version of orders written above went with them; only unchanged re-reads are left to mark.
        Map<OrderKey, Instant> unchanged = new LinkedHashMap<>(sourceModified);
        changes.newOrders().forEach(o -> unchanged.remove(o.order().key()));
        changes.changedOrders().forEach(o -> unchanged.remove(o.order().key()));
        sourceModified(unchanged);
        appendEntries(changes.entries());
        moveBalances(changes.balanceMoves());
        addCampaignPoints(changes.campaignPoints());
        Set<MemberId> queued = new LinkedHashSet<>();
        changes.entries().forEach(e -> queued.add(e.member()));
        queued.addAll(PgMemberTiers.upsert(sql, changes.tiers()));
        outbox.mark(queued);
        badges(changes);
        referrals(changes);
        if (events != null) {
            events.recordAll(changes.events());
        }
    }

    /**
     * New orders go in with COPY: a backfill writes most of its rows here, and COPY spares binding sixteen arrays
     * and unnesting them again. The ids were reserved by the snapshot, so none can clash with a concurrent insert;
     * a key another writer took meanwhile fails the COPY, and the batch is settled one by one instead.
     */
    private void insertOrders(List<StoredOrder> orders, Map<Long, Changes.Earning> earnings,
                              Map<OrderKey, Instant> modified) {
        if (orders.isEmpty()) {
            return;
        }
        try {
            CopyRows.copy(tx, "orders (id, source, external_id, member_id, total, currency, placed_at, status,"
                    + " refunded_amount, lines, revision, earn_context, earned_points, earn_campaigns,"
                    + " points_available_at, source_modified_at)", orders, s -> orderRow(s, earnings, modified));
        } catch (StoreException e) {
            if (CopyRows.isUniqueViolation(e)) {
                throw new Diverged("a new order of the batch was taken in meanwhile");
            }
            throw e;
        }
    }

    private static Object[] orderRow(StoredOrder s, Map<Long, Changes.Earning> earnings,
                                     Map<OrderKey, Instant> modified) {
        Changes.Earning earning = earning(earnings, s);
        return new Object[]{s.id(), s.order().key().source(), s.order().key().externalId(), s.order().member().value(),
                s.order().total().toPlainString(), s.order().currency().code(), s.order().placedAt(),
                s.order().status().wireName(), s.order().refundedAmount().toPlainString(),
                OrderLinesJson.write(s.order().lines()).text(), s.revision(),
                s.earnContext() == null ? null : EarnContextJson.write(s.earnContext()).text(), earning.points(),
                EarnContextJson.write(s.campaignPoints()).text(), earning.availableAt(),
                modified.get(s.order().key())};
    }

    private void updateOrders(List<StoredOrder> orders, Map<Long, Changes.Earning> earnings,
                              Map<OrderKey, Instant> modified) {
        if (orders.isEmpty()) {
            return;
        }
        sql.update("UPDATE orders o SET total = v.total::numeric, currency = v.currency,"
                + " placed_at = v.placed_at::timestamptz, status = v.status, refunded_amount = v.refunded::numeric,"
                + " lines = v.lines::jsonb, updated_at = CASE WHEN o.revision = v.revision THEN o.updated_at"
                + " ELSE now() END, revision = v.revision, earn_context = v.context::jsonb, earned_points = v.points,"
                + " earn_campaigns = v.campaigns::jsonb, points_available_at = v.available_at::timestamptz,"
                + " source_modified_at = greatest(o.source_modified_at, v.modified::timestamptz)"
                + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS v(id, source, external_id,"
                + " member_id, total, currency, placed_at, status, refunded, lines, revision, context, points,"
                + " campaigns, available_at, modified) WHERE o.id = v.id", orderColumns(orders, earnings, modified));
    }

    private static Object[] orderColumns(List<StoredOrder> orders, Map<Long, Changes.Earning> earnings,
                                         Map<OrderKey, Instant> modified) {
        Function<Function<StoredOrder, Object>, List<Object>> column = f -> orders.stream().map(f).toList();
        return new Object[]{
                Sql.Column.of("bigint", column.apply(StoredOrder::id)),
                Sql.Column.of("text", column.apply(s -> s.order().key().source())),
                Sql.Column.of("text", column.apply(s -> s.order().key().externalId())),
                Sql.Column.of("bigint", column.apply(s -> s.order().member().value())),
                Sql.Column.of("text", column.apply(s -> s.order().total().toPlainString())),
                Sql.Column.of("text", column.apply(s -> s.order().currency().code())),
                Sql.Column.of("text", column.apply(s -> s.order().placedAt().toString())),
                Sql.Column.of("text", column.apply(s -> s.order().status().wireName())),
                Sql.Column.of("text", column.apply(s -> s.order().refundedAmount().toPlainString())),
                Sql.Column.of("text", column.apply(s -> OrderLinesJson.write(s.order().lines()).text())),
                Sql.Column.of("integer", column.apply(StoredOrder::revision)),
                Sql.Column.of("text", column.apply(s -> s.earnContext() == null ? null
                        : EarnContextJson.write(s.earnContext()).text())),
                Sql.Column.of("bigint", column.apply(s -> earning(earnings, s).points())),
                Sql.Column.of("text", column.apply(s -> EarnContextJson.write(s.campaignPoints()).text())),
                Sql.Column.of("text", column.apply(s -> {
                    Instant at = earning(earnings, s).availableAt();
                    return at == null ? null : at.toString();
                })),
                Sql.Column.of("text", column.apply(s -> {
                    Instant at = modified.get(s.order().key());
                    return at == null ? null : at.toString();
                }))};
    }

    private static Changes.Earning earning(Map<Long, Changes.Earning> earnings, StoredOrder stored) {
        Changes.Earning earning = earnings.get(stored.id());
        if (earning == null) {
            throw new IllegalStateException("order " + stored.id() + " changed without being settled");
        }
        return earning;
    }

    private void sourceModified(Map<OrderKey, Instant> modified) {
        if (modified.isEmpty()) {
            return;
        }
        List<OrderKey> keys = new ArrayList<>(modified.keySet());
        sql.update("UPDATE orders o SET source_modified_at = greatest(o.source_modified_at, v.at::timestamptz)"
                        + " FROM unnest(?, ?, ?) AS v(source, external_id, at)"
                        + " WHERE o.source = v.source AND o.external_id = v.external_id",
                Sql.Column.of("text", keys.stream().map(OrderKey::source).toList()),
                Sql.Column.of("text", keys.stream().map(OrderKey::externalId).toList()),
                Sql.Column.of("text", keys.stream().map(k -> modified.get(k).toString()).toList()));
    }

    /** Entries go in with COPY, in the batch's order (ids follow it); an operation key held already diverges. */
    private void appendEntries(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            CopyRows.copy(tx, "ledger_entries (member_id, account, points, kind, reason, source_system, source_id,"
                    + " rule_version, created_at, effective_at, operation_key, order_id)", entries,
                    e -> new Object[]{e.member().value(), e.account().wireName(), e.points(), e.kind().wireName(),
                            e.reason(), e.source().system(), e.source().id(), e.ruleVersion(), e.createdAt(),
                            e.effectiveAt(), e.operationKey(), e.orderId()});
        } catch (StoreException e) {
            if (CopyRows.isUniqueViolation(e)) {
                throw new Diverged("a ledger entry of the batch was written before");
            }
            throw e;
        }
    }

    private void moveBalances(Map<MemberId, Map<Account, long[]>> moves) {
        List<Long> members = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<Long> available = new ArrayList<>();
        List<Long> lifetime = new ArrayList<>();
        moves.forEach((member, byAccount) -> byAccount.forEach((account, move) -> {
            members.add(member.value());
            accounts.add(account.wireName());
            available.add(move[0]);
            lifetime.add(move[1]);
        }));
        if (members.isEmpty()) {
            return;
        }
        sql.update("INSERT INTO member_balances (member_id, account, available, lifetime)"
                + " SELECT * FROM unnest(?, ?, ?, ?) ORDER BY 1, 2 ON CONFLICT (member_id, account) DO UPDATE SET"
                + " available = member_balances.available + excluded.available,"
                + " lifetime = member_balances.lifetime + excluded.lifetime",
                Sql.Column.of("bigint", members), Sql.Column.of("text", accounts), Sql.Column.of("bigint", available),
                Sql.Column.of("bigint", lifetime));
    }

    private void addCampaignPoints(Map<MemberId, Map<String, Long>> added) {
        List<Long> members = new ArrayList<>();
        List<String> campaigns = new ArrayList<>();
        List<Long> points = new ArrayList<>();
        added.forEach((member, byCampaign) -> byCampaign.forEach((campaign, delta) -> {
            members.add(member.value());
            campaigns.add(campaign);
            points.add(delta);
        }));
        if (members.isEmpty()) {
            return;
        }
        sql.update("INSERT INTO member_campaign_points (member_id, campaign_id, points)"
                + " SELECT * FROM unnest(?, ?, ?) ORDER BY 1, 2 ON CONFLICT (member_id, campaign_id) DO UPDATE SET"
                + " points = member_campaign_points.points + excluded.points",
                Sql.Column.of("bigint", members), Sql.Column.of("text", campaigns), Sql.Column.of("bigint", points));
    }

    /** Saves the tiers that moved; returns the members whose stored tier changed (the CRMs must hear of it). */
    private void badges(Changes changes) {
        List<Long> members = new ArrayList<>();
        List<String> badges = new ArrayList<>();
        changes.badgesRevoked().forEach((member, ids) -> ids.forEach(badge -> {
            members.add(member.value());
            badges.add(badge);
        }));
        if (!members.isEmpty()) {
            sql.update("DELETE FROM member_badges b USING unnest(?, ?) AS v(member_id, badge_id)"
                    + " WHERE b.member_id = v.member_id AND b.badge_id = v.badge_id",
                    Sql.Column.of("bigint", members), Sql.Column.of("text", badges));
        }
        members.clear();
        badges.clear();
        List<String> at = new ArrayList<>();
        changes.badgesGranted().forEach((member, granted) -> granted.forEach((badge, when) -> {
            members.add(member.value());
            badges.add(badge);
            at.add(when.toString());
        }));
        if (!members.isEmpty()) {
            sql.update("INSERT INTO member_badges (member_id, badge_id, granted_at)"
                    + " SELECT v.member_id, v.badge_id, v.at::timestamptz FROM unnest(?, ?, ?) AS v(member_id, badge_id,"
                    + " at) ON CONFLICT DO NOTHING", Sql.Column.of("bigint", members), Sql.Column.of("text", badges),
                    Sql.Column.of("text", at));
        }
    }

    private void referrals(Changes changes) {
        if (changes.referrals().isEmpty()) {
            return;
        }
        List<MemberId> referees = new ArrayList<>(changes.referrals().keySet());
        sql.update("UPDATE referrals r SET completed_at = v.at::timestamptz FROM unnest(?, ?) AS v(referee_id, at)"
                        + " WHERE r.referee_id = v.referee_id",
                Sql.Column.of("bigint", referees.stream().map(MemberId::value).toList()),
                Sql.Column.of("text", referees.stream().map(r -> {
                    Instant completed = changes.referrals().get(r).completedAt();
                    return completed == null ? null : completed.toString();
                }).toList()));
    }
}
