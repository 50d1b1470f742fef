package io.loyaltybridge.sync;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-wise path of a CRM batch of orders: its cost in statements, and that it does not fall back. */
class SetWiseSettlementTest {
    private static final String CRM = "testcrm";
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.MEMBER_ID, "Member_Id"));

    private final AtomicInteger statements = new AtomicInteger();
    private Database database;
    private OrderIngest orders;
    private ContactIngest contacts;

    @BeforeEach
    void start() {
        Program program = ProgramFile.load(Path.of("config/program.yaml"));
        database = Database.connect(TestPostgres.freshDatabase(), null, null, 4).migrate();
        Core core = Core.assemble(counting(database.dataSource()), program, Clock.fixed(NOW, ZoneOffset.UTC));
        orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService(), core.clock());
        contacts = new ContactIngest(core.transactions(), core.syncStores(), Map.of(CRM, FIELDS), orders);
        List<InboundContact> people = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            people.add(new InboundContact(CRM, "C" + i, "c" + i + "@example.com", "First", "Last", null, null, false,
                    NOW.minusSeconds(86_400), Map.of()));
        }
        contacts.apply(people, null);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private static InboundOrder order(String id, int contact, String total, OrderStatus status, String refunded,
                                      int minutes) {
        return new InboundOrder(CRM, id, "C" + contact, new BigDecimal(total), "EUR",
                NOW.minusSeconds(86_400 + 60L * minutes), status, new BigDecimal(refunded), List.of(),
                NOW.minusSeconds(3_600 - minutes));
    }

    private int statementsFor(List<InboundOrder> batch) {
        int before = statements.get();
        IngestReport report = orders.apply(batch, null);
        assertThat(report.taken()).isEqualTo(batch.size());
        return statements.get() - before;
    }

    @Test
    void a_batch_costs_the_same_number_of_statements_whether_it_holds_ten_orders_or_two_hundred() {
        List<InboundOrder> ten = new ArrayList<>();
        List<InboundOrder> twoHundred = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(order("A" + i, i, "120.00", OrderStatus.COMPLETED, "0", i));
        }
        for (int i = 0; i < 200; i++) {
            twoHundred.add(order("B" + i, 50 + i % 150, "80.00", OrderStatus.COMPLETED, "0", i));
        }
        int small = statementsFor(ten);
        int large = statementsFor(twoHundred);
        assertThat(large).isEqualTo(small).isLessThan(40);
        assertThat(orders.batchesSettledOneByOne()).isZero();
    }

    @Test
    void refunds_cancellations_and_repeats_of_held_orders_settle_set_wise_without_falling_back() {
        List<InboundOrder> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(order("O" + i, i % 20, "200.00", OrderStatus.COMPLETED, "0", i));
        }
        orders.apply(first, null);
        List<InboundOrder> changes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            OrderStatus status = i % 3 == 0 ? OrderStatus.CANCELLED : i % 3 == 1 ? OrderStatus.PARTIALLY_REFUNDED
                    : OrderStatus.COMPLETED;
            changes.add(order("O" + i, i % 20, "200.00", status, status == OrderStatus.PARTIALLY_REFUNDED ? "50.00"
                    : "0", i + 100));
        }
        IngestReport report = orders.apply(changes, null);
        assertThat(report.taken()).isEqualTo(40);
        assertThat(orders.batchesSettledOneByOne()).isZero();
    }

    /**
     * New orders go in with COPY, which cannot skip a row it clashes with: a clash fails the COPY instead. Here
     * another writer took the id the batch reserved for its first new order; the batch must still diverge to the
     * one-by-one path inside the same transaction (its savepoint rolled back) and every order be settled.
     */
    @Test
    void a_new_order_clashing_with_a_row_written_meanwhile_sends_the_batch_one_by_one_and_settles_it_all()
            throws Exception {
        orders.apply(List.of(order("A0", 0, "100.00", OrderStatus.COMPLETED, "0", 0)), null);
        try (Connection c = database.dataSource().getConnection(); var s = c.createStatement()) {
            var next = s.executeQuery("SELECT nextval(pg_get_serial_sequence('orders', 'id')) + 1");
            next.next();
            long taken = next.getLong(1);
            s.executeUpdate("INSERT INTO orders (id, source, external_id, member_id, total, currency, placed_at,"
                    + " status, revision) OVERRIDING SYSTEM VALUE SELECT " + taken + ", 'elsewhere', 'X1', min(id),"
                    + " 1, 'EUR', now(), 'completed', 1 FROM members");
        }
        List<InboundOrder> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(order("B" + i, i, "100.00", OrderStatus.COMPLETED, "0", i));
        }

        IngestReport report = orders.apply(batch, null);

        assertThat(report.taken()).isEqualTo(10);
        assertThat(orders.batchesSettledOneByOne()).as("the clash sent the batch one by one").isEqualTo(1);
        try (Connection c = database.dataSource().getConnection(); var s = c.createStatement()) {
            var settled = s.executeQuery("SELECT count(DISTINCT o.id) FROM orders o JOIN ledger_entries e"
                    + " ON e.order_id = o.id WHERE o.external_id LIKE 'B%'");
            settled.next();
            assertThat(settled.getLong(1)).as("every order of the batch earned").isEqualTo(10);
        }
    }

    /** Counts the statements prepared on every connection of the data source. */
    private DataSource counting(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
