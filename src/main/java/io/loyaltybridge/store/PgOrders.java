package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.order.Orders;
import io.loyaltybridge.domain.order.StoredOrder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Orders in PostgreSQL, one row per (source, external id), replaced in place as their state changes. */
public final class PgOrders implements Orders {
    private static final String COLUMNS = "id, source, external_id, member_id, total, currency, placed_at, status, "
            + "refunded_amount, lines::text AS lines, revision";
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

    private static StoredOrder stored(ResultSet row) throws SQLException {
        Order order = new Order(new OrderKey(row.getString("source"), row.getString("external_id")),
                new MemberId(row.getLong("member_id")), row.getBigDecimal("total").stripTrailingZeros(),
                new CurrencyCode(row.getString("currency")), Sql.instant(row, "placed_at"),
                OrderStatus.fromWire(row.getString("status")), row.getBigDecimal("refunded_amount").stripTrailingZeros(),
                OrderLinesJson.read(row.getString("lines")));
        return new StoredOrder(row.getLong("id"), order, row.getInt("revision"));
    }
}
