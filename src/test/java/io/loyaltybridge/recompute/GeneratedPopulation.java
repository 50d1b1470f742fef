package io.loyaltybridge.recompute;

import io.loyaltybridge.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Members and their orders written straight into PostgreSQL with generate_series, so a population of 100 000
 * members and 1 000 000 orders exists in seconds rather than the hour a sync would take. The population is
 * deliberately uneven, so every rule of the recompute has work to do: members with many orders and with none,
 * cancellations, full and partial refunds, a declared foreign currency (USD) and an undeclared one (GBP), lines with
 * and without a category, orders after "today", tiers, staff tier grants, balances, CRM identities and erased
 * members. The same seed gives the same population.
 */
final class GeneratedPopulation {
    private GeneratedPopulation() {
    }

    /** Generates {@code members} members and about {@code orders} orders; returns the first member id. */
    static long generate(Database database, int members, int orders) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.25)");
            s.execute("INSERT INTO members (email, first_name, last_name, created_at)"
                    + " SELECT 'member' || g || '@example.test', 'Generated', 'Member ' || g,"
                    + " timestamptz '2022-01-01 00:00+00' + random() * interval '1250 days'"
                    + " FROM generate_series(1, " + members + ") g");
            long first = one(c, "SELECT min(id) FROM members WHERE email LIKE 'member%@example.test'");
            // Skewed towards low indexes (some members order often), and every 20th member never orders.
            s.execute("INSERT INTO orders (source, external_id, member_id, total, currency, placed_at, status,"
                    + " refunded_amount, lines, revision)"
                    + " SELECT 'generated', 'order-' || o.g, " + first + " + o.m, l.total,"
                    + " CASE WHEN o.r_cur < 0.94 THEN 'EUR' WHEN o.r_cur < 0.98 THEN 'USD' ELSE 'GBP' END, o.placed_at,"
                    + " CASE WHEN o.r_status < 0.85 THEN 'completed' WHEN o.r_status < 0.90 THEN 'cancelled'"
                    + "      WHEN o.r_status < 0.95 THEN 'refunded' ELSE 'partially_refunded' END,"
                    + " CASE WHEN o.r_status >= 0.95 THEN round(l.total * 0.3, 2) ELSE 0 END, l.lines, 1"
                    + " FROM (SELECT g, CASE WHEN m % 20 = 0 THEN m + 1 ELSE m END AS m, r_status, r_cur, placed_at, seed"
                    + "       FROM (SELECT g, floor(" + members + " * power(random(), 1.6))::bigint AS m,"
                    + "             random() AS r_status, random() AS r_cur,"
                    + "             timestamptz '2023-01-01 00:00+00' + random() * interval '915 days' AS placed_at,"
                    + "             floor(random() * 1000000)::bigint AS seed"
                    + "             FROM generate_series(1, " + orders + ") g) raw) o,"
                    + " LATERAL (SELECT jsonb_agg(jsonb_build_object('sku', 'SKU-' || x.i, 'category', x.category,"
                    + "                 'quantity', x.quantity, 'unitPrice', x.price) ORDER BY x.i) AS lines,"
                    + "                 sum(x.quantity * x.price) AS total"
                    + "          FROM (SELECT i, (ARRAY['shoes', 'bags', 'accessories', NULL])[1 + (o.seed / (i * 3)) % 4]"
                    + "                AS category, 1 + (o.seed / (i * 5)) % 3 AS quantity,"
                    + "                round(5 + ((o.seed / (i * 7)) % 400) / 2.0, 2) AS price"
                    + "                FROM generate_series(1, 1 + (o.seed % 3)::int) i) x) l");
            s.execute("INSERT INTO member_tiers (member_id, tier, held_since, below_since)"
                    + " SELECT id, (ARRAY['bronze', 'silver', 'gold', 'vip'])[1 + id % 4], date '2024-01-01',"
                    + " CASE WHEN id % 7 = 0 THEN date '2025-05-01' END FROM members WHERE id % 3 <> 0 OR id % 50 = 1");
            // A staff grant is given to a member with a tier row (the grant creates one first), as in production.
            s.execute("INSERT INTO tier_grants (member_id, tier, mode, valid_until, reason, granted_by, granted_at)"
                    + " SELECT id, 'gold', CASE WHEN id % 2 = 0 THEN 'pin' ELSE 'floor' END,"
                    + " CASE WHEN id % 3 = 0 THEN date '2025-06-01' END, 'generated', 'test', now()"
                    + " FROM members WHERE id % 50 = 1");
            s.execute("INSERT INTO member_balances (member_id, account, available, lifetime)"
                    + " SELECT id, 'points', (id * 37) % 2000 - 100, (id * 37) % 2000 + 100 FROM members");
            s.execute("INSERT INTO member_identities (system, external_id, member_id)"
                    + " SELECT 'salesforce', 'sf-' || id, id FROM members UNION ALL"
                    + " SELECT 'hubspot', 'hs-' || id, id FROM members WHERE id % 2 = 0");
            // Erased as PgErasure erases: personal data gone, identities closed, orders and points kept.
            s.execute("UPDATE members SET email = NULL, first_name = NULL, last_name = NULL, erased_at = now()"
                    + " WHERE id % 97 = 0");
            s.execute("UPDATE member_identities SET deleted = true, external_id = 'erased:' || member_id || ':' || system"
                    + " WHERE member_id % 97 = 0");
            s.execute("ANALYZE");
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("could not generate the population", e);
        }
    }

    private static long one(Connection c, String query) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(query); var rows = p.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
