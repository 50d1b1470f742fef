package io.loyaltybridge.sync;

import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parts of a batch commit on their own. When one part cannot be settled set-wise (here: an order reported under
 * another contact than the member who holds it), the parts that committed stay, and the batch is settled one by one
 * in the caller's transaction: their orders are found settled and write nothing twice. The batch must end as it
 * ends on one lane (where the whole batch falls back), and settling it again must write nothing.
 */
class PartitionedSettlementFallbackTest {
    private static final String CRM = "crm";
    private static final int CONTACTS = 40;
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.POINTS, "Points"));

    private record Run(Map<String, String> entries, Map<String, String> balances, List<String> deadLetters,
                       long settledInParts, long settledOneByOne, int entriesAfterRetry, IngestReport second) {
    }

    @Test
    void a_part_that_cannot_settle_leaves_what_one_lane_leaves_and_a_retry_writes_nothing() throws SQLException {
        List<List<InboundOrder>> batches = batches();

        Run inParts = run(new SettleLanes(2), batches);
        Run oneLane = run(SettleLanes.ONE, batches);

        assertThat(inParts.settledInParts()).as("the first batch settled in parts").isEqualTo(1);
        assertThat(inParts.settledOneByOne()).as("the second batch handed to the one-by-one path").isEqualTo(1);
        assertThat(oneLane.settledOneByOne()).as("on one lane too").isEqualTo(1);
        // The part without the moved order committed before the batch fell back: the one-by-one path found its
        // orders settled already (skipped by their stored version); on one lane nothing had committed.
        assertThat(inParts.second().skipped()).as("orders of the committed part, found settled").isPositive();
        assertThat(oneLane.second().skipped()).isZero();
        assertThat(inParts.second().taken() + inParts.second().skipped()).isEqualTo(oneLane.second().taken());
        assertThat(inParts.deadLetters()).as("the moved order dead-lettered")
                .containsExactly("o-5/order_member_mismatch");
        assertThat(inParts.entries()).as("ledger entries").isEqualTo(oneLane.entries());
        assertThat(inParts.balances()).as("balances").isEqualTo(oneLane.balances());
        assertThat(inParts.deadLetters()).isEqualTo(oneLane.deadLetters());
        assertThat(inParts.entriesAfterRetry()).as("entries after the second batch was settled again")
                .isEqualTo(inParts.entries().size());
    }

    /** Two batches of 200 new orders each; the second also reports the first's order o-5 under another contact. */
    private static List<List<InboundOrder>> batches() {
        Random random = new Random(7);
        List<InboundOrder> first = new ArrayList<>();
        List<InboundOrder> second = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            first.add(order("o-" + n, n % CONTACTS, BigDecimal.valueOf(1_000 + random.nextInt(20_000), 2), AT));
            second.add(order("p-" + n, random.nextInt(CONTACTS), BigDecimal.valueOf(1_000 + random.nextInt(20_000),
                    2), AT.plusSeconds(60)));
        }
        InboundOrder moved = first.get(5);
        second.add(100, order(moved.externalId(), 17, moved.total(), AT.plusSeconds(60)));
        return List.of(first, second);
    }

    private static InboundOrder order(String id, int contact, BigDecimal total, Instant modified) {
        return new InboundOrder(CRM, id, "c" + contact, total, "EUR", AT, OrderStatus.COMPLETED, BigDecimal.ZERO,
                List.of(new OrderLine("SKU", null, 1, total)), modified);
    }

    private static Run run(SettleLanes lanes, List<List<InboundOrder>> batches) throws SQLException {
        try (StoreFixture store = new StoreFixture()) {
            SyncStores stores = SyncStores.open(store.transactions);
            OrderIngest orders = new OrderIngest(store.transactions, stores, store.ledgerService,
                    store.core.clock(), lanes);
            List<InboundContact> people = new ArrayList<>();
            for (int i = 0; i < CONTACTS; i++) {
                people.add(new InboundContact(CRM, "c" + i, "c" + i + "@example.com", "F", "L", null, null, false,
                        AT.minus(Duration.ofDays(1)), Map.of()));
            }
            new ContactIngest(store.transactions, stores, Map.of(CRM, FIELDS), orders).apply(people, null);
            orders.apply(batches.get(0), new SourceCursor(CRM, "order", AT));
            IngestReport second = orders.apply(batches.get(1), new SourceCursor(CRM, "order", AT));
            // Order row ids (in operation keys) are handed out in another order when parts run side by side.
            Map<String, String> entries = rows(store, "SELECT coalesce(o.external_id, '') || ' '"
                    + " || regexp_replace(e.operation_key, '^order:[0-9]+:', 'order:'), m.email || ' ' || e.account"
                    + " || ' ' || e.points FROM ledger_entries e JOIN members m ON m.id = e.member_id"
                    + " LEFT JOIN orders o ON o.id = e.order_id");
            Map<String, String> balances = rows(store, "SELECT m.email || ' ' || account, available || ' ' || lifetime"
                    + " FROM member_balances b JOIN members m ON m.id = b.member_id");
            List<String> letterCodes = new ArrayList<>();
            rows(store, "SELECT record_id, error_code FROM dead_letters").forEach((id, code) -> letterCodes.add(id
                    + "/" + code));
            long inParts = orders.batchesSettledInParts();
            long oneByOne = orders.batchesSettledOneByOne();
            orders.apply(batches.get(1), new SourceCursor(CRM, "order", AT));
            int afterRetry = rows(store, "SELECT operation_key, '' FROM ledger_entries").size();
            assertThat(store.check.mismatches()).as("balances against their entries").isEmpty();
            return new Run(entries, balances, letterCodes, inParts, oneByOne, afterRetry, second);
        }
    }

    private static Map<String, String> rows(StoreFixture store, String sql) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = store.database.dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                rows.put(r.getString(1), r.getString(2));
            }
        }
        return rows;
    }
}
