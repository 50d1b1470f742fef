package io.loyaltybridge.recompute;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the recompute reads of an order besides its money: its day in the program's zone (Europe/Paris, today is
 * 2025-07-01 there), and its lines by category, scaled by the share of the order the customer kept.
 */
class RecomputeOrderDayAndCategoriesTest {
    private Database database;
    private Core core;

    @BeforeEach
    void open() {
        database = Database.connect(TestPostgres.freshDatabase(), null, null, 4).migrate();
        core = Core.assemble(database.dataSource(), ProgramFile.load(RecomputeScaleTest.PROGRAM), RecomputeScaleTest.TODAY);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void an_order_placed_before_midnight_in_the_program_zone_counts_today_and_one_placed_after_does_not() {
        long member = member("night-owl");
        order(member, "late", "2025-07-01T21:30:00Z", line("bags", 1, "20.00")); // 23:30 in Paris: today
        order(member, "early", "2025-07-01T22:10:00Z", line("shoes", 5, "100.00")); // 00:10 tomorrow in Paris
        long tomorrowOnly = member("tomorrow-only");
        order(tomorrowOnly, "next-day", "2025-07-01T22:00:00Z", line("shoes", 1, "80.00")); // midnight exactly

        core.jobs().segmentsAndCltv();

        assertThat(stored(member)).containsExactly("bags", "1", "20.00");
        assertThat(stored(tomorrowOnly)).as("no order counts yet").containsExactly(null, null, "0.00");
    }

    @Test
    void a_members_category_spend_adds_up_lines_of_all_orders_and_a_partly_refunded_order_counts_its_kept_share() {
        long member = member("basket");
        order(member, "basket-1", "2025-06-01T10:00:00Z", line("shoes", 2, "30.00"), line(null, 1, "500.00"),
                line("bags", 1, "50.00"), line("shoes", 1, "5.00"));
        long refunded = order(member, "basket-2", "2025-06-02T10:00:00Z", line("bags", 1, "40.00"));
        // 75 % of the bags refunded: bags 50 + 10 = 60 kept, shoes 65 (whole, bags would be 90), the uncategorised
        // line counts in no category.
        update("UPDATE orders SET status = 'partially_refunded', refunded_amount = 30 WHERE id = " + refunded);

        core.jobs().segmentsAndCltv();

        assertThat(stored(member).get(0)).isEqualTo("shoes");
    }

    private long member(String name) {
        return one("INSERT INTO members (email, first_name, last_name) VALUES ('" + name + "@example.test', 'A', '"
                + name + "') RETURNING id");
    }

    private static String line(String category, int quantity, String unitPrice) {
        return "{\"sku\": \"SKU\", " + (category == null ? "" : "\"category\": \"" + category + "\", ")
                + "\"quantity\": " + quantity + ", \"unitPrice\": \"" + unitPrice + "\"}";
    }

    private long order(long member, String id, String placedAt, String... lines) {
        return one("INSERT INTO orders (source, external_id, member_id, total, currency, placed_at, status, lines,"
                + " revision) SELECT 'api', '" + id + "', " + member + ", sum((l ->> 'unitPrice')::numeric"
                + " * (l ->> 'quantity')::numeric), 'EUR', timestamptz '" + placedAt + "', 'completed', j, 1"
                + " FROM (SELECT '[" + String.join(", ", lines) + "]'::jsonb AS j) x, jsonb_array_elements(j) l"
                + " GROUP BY j RETURNING id");
    }

    private List<String> stored(long member) {
        return row("SELECT preferred_category, frequency::text, cltv_historic::text FROM member_segments"
                + " WHERE member_id = " + member);
    }

    private List<String> row(String query) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                values.add(rows.getString(i));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long one(String query) {
        return Long.parseLong(row(query).get(0));
    }

    private void update(String statement) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
