package io.loyaltybridge.store;

import io.loyaltybridge.store.PgBackfillStaging.Line;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backfill's scratch order lines: COPY in, read back by order id, gone when the run ends or a new one begins. */
class BackfillStagingTest {
    @Test
    void lines_copied_in_come_back_by_order_id_with_tabs_newlines_backslashes_and_nulls_intact() {
        try (StoreFixture store = new StoreFixture()) {
            PgBackfillStaging staging = new PgBackfillStaging(store.transactions);
            long run = store.transactions.inTransaction(() -> staging.begin("salesforce"));
            Line awkward = new Line("801A", "802B", "false", "2", "9.50", "SKU\t1\\x", "Shoes\nand\r\nboots");
            Line bare = new Line("801A", "802A", null, "1", "3", null, null);
            Line other = new Line("801C", "802C", "true", "1", "1", "SKU-3", "Bags");
            long copied = store.transactions.inTransaction(() ->
                    staging.copy(run, List.of(awkward, bare, other).iterator(), 10));

            Map<String, List<Line>> found = store.transactions.read(() ->
                    staging.linesOf(run, List.of("801A", "801Z")));
            assertThat(copied).isEqualTo(3);
            assertThat(found).containsOnlyKeys("801A");
            assertThat(found.get("801A")).as("in item id order, as a REST read lists them")
                    .containsExactly(bare, awkward);
        }
    }

    @Test
    void each_copy_takes_at_most_its_share_and_the_next_one_carries_on_the_same_stream() {
        try (StoreFixture store = new StoreFixture()) {
            PgBackfillStaging staging = new PgBackfillStaging(store.transactions);
            long run = store.transactions.inTransaction(() -> staging.begin("salesforce"));
            Iterator<Line> lines = IntStream.range(0, 25)
                    .mapToObj(i -> new Line("801-" + i % 7, "802-" + i, "false", "1", "2", "SKU", "F")).iterator();
            List<Long> copies = new ArrayList<>();
            while (lines.hasNext()) {
                copies.add(store.transactions.inTransaction(() -> staging.copy(run, lines, 10)));
            }

            List<String> orders = IntStream.range(0, 7).mapToObj(i -> "801-" + i).toList();
            Map<String, List<Line>> found = store.transactions.read(() -> staging.linesOf(run, orders));
            assertThat(copies).containsExactly(10L, 10L, 5L);
            assertThat(found.values().stream().mapToInt(List::size).sum()).isEqualTo(25);
            assertThat(found.get("801-3")).extracting(Line::itemId).containsExactly("802-10", "802-17", "802-24",
                    "802-3");
        }
    }

    @Test
    void a_new_run_deletes_what_a_failed_run_left_and_an_ended_run_leaves_nothing() {
        try (StoreFixture store = new StoreFixture()) {
            PgBackfillStaging staging = new PgBackfillStaging(store.transactions);
            Transactions tx = store.transactions;
            long failed = tx.inTransaction(() -> staging.begin("salesforce"));
            tx.inTransaction(() -> staging.copy(failed, List.of(new Line("801A", "802A", "false", "1", "1", "S",
                    "F")).iterator(), 10));
            long hubspot = tx.inTransaction(() -> staging.begin("hubspot"));
            tx.inTransaction(() -> staging.copy(hubspot, List.of(new Line("9", "10", "false", "1", "1", "S", "F"))
                    .iterator(), 10));

            long next = tx.inTransaction(() -> staging.begin("salesforce"));
            assertThat(next).isNotEqualTo(failed);
            assertThat(staged(tx, failed)).as("the failed run's rows").isZero();
            assertThatThrownBy(() -> tx.read(() -> staging.linesOf(failed, List.of("801A"))))
                    .as("a run taken over must not settle orders without their lines")
                    .hasMessageContaining("taken over");
            assertThat(tx.read(() -> staging.linesOf(hubspot, List.of("9")))).as("another CRM's run").hasSize(1);

            tx.inTransaction(() -> staging.copy(next, List.of(new Line("801A", "802A", "false", "1", "1", "S", "F"))
                    .iterator(), 10));
            tx.inTransaction(() -> {
                staging.end(next);
                return null;
            });
            assertThat(staged(tx, next)).isZero();
            assertThat(tx.read(() -> new Sql(tx).one("SELECT count(*) FROM backfill_runs WHERE system = 'salesforce'",
                    row -> row.getLong(1)))).contains(0L);
        }
    }

    @Test
    void rows_copied_for_a_run_deleted_meanwhile_go_at_the_next_begin() {
        try (StoreFixture store = new StoreFixture()) {
            PgBackfillStaging staging = new PgBackfillStaging(store.transactions);
            Transactions tx = store.transactions;
            long overtaken = tx.inTransaction(() -> staging.begin("salesforce"));
            long newer = tx.inTransaction(() -> staging.begin("salesforce"));
            tx.inTransaction(() -> staging.copy(overtaken, List.of(new Line("801A", "802A", "false", "1", "1", "S",
                    "F")).iterator(), 10)); // the overtaken run's copy was still streaming

            tx.inTransaction(() -> staging.begin("salesforce"));
            assertThat(staged(tx, overtaken)).isZero();
            assertThat(staged(tx, newer)).isZero();
        }
    }

    private static long staged(Transactions tx, long run) {
        return tx.read(() -> new Sql(tx).one("SELECT count(*) FROM backfill_order_lines WHERE run_id = ?",
                row -> row.getLong(1), run)).orElseThrow();
    }
}
