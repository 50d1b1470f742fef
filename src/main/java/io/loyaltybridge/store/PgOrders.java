package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.order.Orders;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.earning.MemberContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders in PostgreSQL, one row per (source, external id), replaced in place as their state changes. */
public final class PgOrders implements Orders {
    static final String COLUMNS = "id, source, external_id, member_id, total, currency, placed_at, status, "
            + "refunded_amount, lines::text AS lines, revision, earn_context::text AS earn_context,"
            + " earn_campaigns::text AS earn_campaigns";
    private final Sql sql;

    public PgOrders(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    @Override
    public Optional<StoredOrder> insertIfAbsent(Order order) {
        // A concurrent first report of the same order waits on the key here, then finds it taken.
        return sql.one("INSERT INTO orders (source, external_id, member_id, total, currency, placed_at, status, "
                        + "refunded_amount, lines, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                        + "ON CONFLICT ON CONSTRAINT orders_source_key DO NOTHING RETURNING " + COLUMNS,
                PgOrders::stored, order.key().source(), order.key().externalId(), order.member().value(),
                order.total(), order.currency().code(), order.placedAt(), order.status().wireName(),
                order.refundedAmount(), OrderLinesJson.write(order.lines()));
    }

    @Override
    public Optional<StoredOrder> lock(OrderKey key) {
        return sql.one("SELECT " + COLUMNS + " FROM orders WHERE source = ? AND external_id = ? FOR UPDATE",
                PgOrders::stored, key.source(), key.externalId());
    }

    @Override
    public Optional<StoredOrder> lock(long orderId) {
        return sql.one("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE", PgOrders::stored, orderId);
    }

    @Override
    public void recordEarning(long orderId, MemberContext context, long points, Map<String, Long> campaignPoints,
                              Instant availableAt) {
        sql.update("UPDATE orders SET earn_context = ?, earned_points = ?, earn_campaigns = ?, points_available_at = ?"
                + " WHERE id = ?", EarnContextJson.write(context), points, EarnContextJson.write(campaignPoints),
                availableAt, orderId);
    }

    @Override
    public List<Long> dueForRelease(Instant now, int limit) {
        // Two EXISTS rather than one IN, so each uses its account's partial index.
        return sql.list("SELECT o.id FROM orders o WHERE o.points_available_at <= ? AND (EXISTS ("
                + " SELECT 1 FROM ledger_entries e WHERE e.order_id = o.id AND e.account = 'pending'"
                + " GROUP BY e.order_id HAVING sum(e.points) > 0) OR EXISTS ("
                + " SELECT 1 FROM ledger_entries e WHERE e.order_id = o.id AND e.account = 'pending_cashback'"
                + " GROUP BY e.order_id HAVING sum(e.points) > 0)) ORDER BY o.points_available_at, o.id LIMIT ?",
                row -> row.getLong(1), now, limit);
    }

    public Optional<StoredOrder> byKey(OrderKey key) {
        return sql.one("SELECT " + COLUMNS + " FROM orders WHERE source = ? AND external_id = ?",
                PgOrders::stored, key.source(), key.externalId());
    }

    @Override
    public StoredOrder replace(StoredOrder previous, Order next) {
        return sql.one("UPDATE orders SET total = ?, currency = ?, placed_at = ?, status = ?, refunded_amount = ?, "
                        + "lines = ?, revision = revision + 1, updated_at = now() WHERE id = ? RETURNING " + COLUMNS,
                PgOrders::stored, next.total(), next.currency().code(), next.placedAt(), next.status().wireName(),
                next.refundedAmount(), OrderLinesJson.write(next.lines()), previous.id()).orElseThrow();
    }

    /** The CRM version of the order we last took in, if any. */
    public Optional<Instant> sourceModifiedAt(OrderKey key) {
        return sql.one("SELECT source_modified_at FROM orders WHERE source = ? AND external_id = ?",
                row -> Sql.instant(row, "source_modified_at"), key.source(), key.externalId());
    }

    public void sourceModified(OrderKey key, Instant modifiedAt) {
        sql.update("UPDATE orders SET source_modified_at = greatest(source_modified_at, ?)"
                + " WHERE source = ? AND external_id = ?", modifiedAt, key.source(), key.externalId());
    }

    static StoredOrder stored(ResultSet row) throws SQLException {
        Order order = order(row, OrderLinesJson.read(row.getString("lines")));
        return new StoredOrder(row.getLong("id"), order, row.getInt("revision"),
                EarnContextJson.context(row.getString("earn_context")),
                EarnContextJson.campaigns(row.getString("earn_campaigns")));
    }

    /** The order of a row holding the order columns but its lines, with these lines. */
    static Order order(ResultSet row, List<OrderLine> lines) throws SQLException {
        return new Order(new OrderKey(row.getString("source"), row.getString("external_id")),
                new MemberId(row.getLong("member_id")), row.getBigDecimal("total").stripTrailingZeros(),
                new CurrencyCode(row.getString("currency")), Sql.instant(row, "placed_at"),
                OrderStatus.fromWire(row.getString("status")), row.getBigDecimal("refunded_amount").stripTrailingZeros(),
                lines);
    }
}
