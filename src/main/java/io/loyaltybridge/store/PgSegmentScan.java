package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.MemberFigures;
import io.loyaltybridge.domain.program.Program;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The recompute's pass over members and orders: the orders summed up per member in two statements, then one
 * statement whose rows are streamed a page at a time ({@link SegmentScanSql}). PostgreSQL summarises each member's
 * orders (grouping, not a query per member) and ranks members on each RFM measure with window functions
 * (rank() - 1 is how many members have a strictly lower value, ties alike); the scoring rules stay in the domain.
 * Orders count as {@link io.loyaltybridge.domain.program.OrderFact} counts them: kept money in program units
 * ({@link ProgramMoney}) above 0, placed by today in the program's zone; category spend is each line's amount
 * scaled by the kept share of its order.
 */
final class PgSegmentScan {
    private static final int PAGE = 1000;
    private final Transactions transactions;
    private final String zone;
    private final String kept;

    PgSegmentScan(Transactions transactions, Program program) {
        this.transactions = transactions;
        this.zone = program.zone().getId();
        this.kept = ProgramMoney.keptSql(program);
    }

    void scan(LocalDate today, Consumer<MemberFigures> each) {
        Connection connection = transactions.connection();
        try (Statement statement = connection.createStatement()) {
            summarise(statement, today);
        } catch (SQLException e) {
            throw new StoreException("could not summarise the orders for the recompute: " + e.getMessage(), e);
        }
        try (PreparedStatement statement = connection.prepareStatement(SegmentScanSql.STREAM)) {
            statement.setFetchSize(PAGE); // a cursor: the driver holds one page of rows, not the population
            statement.setString(1, zone);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.accept(figures(rows));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the members' figures for the recompute: " + e.getMessage(), e);
        }
    }

    /**
     * The orders summed up per member into temporary tables (dropped at commit), each its own statement so that
     * it may use both cores (a query read through a cursor, as the members' rows are, never runs in parallel):
     * the totals (count, spend, first and last day), then the spend per category from the orders' jsonb lines.
     * For the second the planner cannot know how many (member, category) groups come out of the lines: it guesses
     * tens of millions, so it would walk the orders in member order by their index (random reads) to group them
     * sorted, about twice the work of one sequential read into a hash table, which holds at most members x
     * categories rows. Sorting is therefore off for that statement only, and a gathered row is costed as free, so
     * the workers sum their share of the lines instead of handing every order to the leader. Both tables are
     * analyzed after, so the ranking and joins that read them are planned for their real size.
     */
    private void summarise(Statement statement, LocalDate today) throws SQLException {
        // Literals, not parameters: CREATE TABLE AS takes none. The zone is a zone id, the day a date.
        String counted = SegmentScanSql.counted(kept, quoted(zone), "date '" + today + "'");
        statement.execute("SET LOCAL work_mem = '64MB'");
        statement.execute("CREATE TEMPORARY TABLE recompute_totals ON COMMIT DROP AS " + SegmentScanSql.totals(counted));
        statement.execute("SET LOCAL enable_sort = off");
        statement.execute("SET LOCAL enable_incremental_sort = off");
        statement.execute("SET LOCAL parallel_tuple_cost = 0");
        statement.execute("CREATE TEMPORARY TABLE recompute_categories ON COMMIT DROP AS "
                + SegmentScanSql.categories(counted));
        statement.execute("RESET enable_sort");
        statement.execute("RESET enable_incremental_sort");
        statement.execute("RESET parallel_tuple_cost");
        statement.execute("ANALYZE recompute_totals, recompute_categories");
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static MemberFigures figures(ResultSet row) throws SQLException {
        int orders = row.getInt("orders");
        MemberFigures.RfmRanks ranks = orders == 0 ? null : new MemberFigures.RfmRanks(row.getLong("recency_below"),
                row.getLong("frequency_below"), row.getLong("monetary_below"), row.getLong("scored"));
        BigDecimal spend = row.getBigDecimal("spend");
        return new MemberFigures(new MemberId(row.getLong("member_id")), row.getObject("joined_on", LocalDate.class),
                orders, row.getObject("first_day", LocalDate.class), row.getObject("last_day", LocalDate.class),
                spend == null ? BigDecimal.ZERO : spend, byCategory(row), row.getLong("points_balance"),
                row.getString("tier") == null ? null : PgMemberTiers.state(row), ranks,
                row.getObject("stored_member") == null ? null : PgSegmentStore.assigned(row));
    }

    private static Map<String, BigDecimal> byCategory(ResultSet row) throws SQLException {
        Array names = row.getArray("categories");
        Map<String, BigDecimal> spend = new HashMap<>();
        if (names != null) {
            String[] categories = (String[]) names.getArray();
            BigDecimal[] amounts = (BigDecimal[]) row.getArray("category_spend").getArray();
            for (int i = 0; i < categories.length; i++) {
                spend.put(categories[i], amounts[i]);
            }
        }
        return spend;
    }
}
