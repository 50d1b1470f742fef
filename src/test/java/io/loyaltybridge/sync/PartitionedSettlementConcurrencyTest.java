package io.loyaltybridge.sync;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.store.LedgerCheck;
import io.loyaltybridge.support.StoreFixture;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both connectors settle their batches in parts on two lanes while the API settles single orders, all for the same
 * members (each member is a contact in both CRMs), at once and without the process's ingest lock between the two
 * connectors (as two instances would run them). Nothing may deadlock, nothing may be lost or doubled: every order
 * lands once, every balance is its entries' sum, and every member ends with the points the same reports leave when
 * settled one after the other on one lane, in a database of their own.
 */
class PartitionedSettlementConcurrencyTest {
    private static final int MEMBERS = 60;
    private static final int BATCHES = 6;
    private static final int ORDERS_PER_BATCH = 300;
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.POINTS, "Points"));

    /** Every order reported, by its key (orders reported again count once). */
    private final java.util.Set<OrderKey> keys = new java.util.HashSet<>();

    @Test
    void both_connectors_and_the_api_settling_the_same_members_at_once_leave_right_balances_and_no_deadlock()
            throws Exception {
        String url = TestPostgres.freshDatabase();
        Map<String, Long> points;
        List<List<InboundOrder>> salesforce;
        List<List<InboundOrder>> hubspot;
        List<ApiOrder> apiOrders;
        int apiCount;
        List<LedgerCheck.Mismatch> mismatches;
        long[] parted = new long[2];
        long[] oneByOne = new long[2];
        long ordersStored;
        try (Database database = Database.connect(url, null, null, 12).migrate()) {
            Core core = Core.assemble(database.dataSource(), ProgramFile.load(StoreFixture.FLAT_PROGRAM),
                    Clock.systemUTC());
            SettleLanes lanes = new SettleLanes(2);
            OrderIngest orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService(),
                    core.clock(), lanes);
            ContactIngest contacts = new ContactIngest(core.transactions(), core.syncStores(),
                    Map.of("salesforce", FIELDS, "hubspot", FIELDS), orders);
            contacts.apply(contacts("salesforce"), null);
            contacts.apply(contacts("hubspot"), null);
            Map<String, MemberId> memberOf = members(database);
            assertThat(memberOf).as("one member per person, a contact in each CRM").hasSize(MEMBERS);

            salesforce = batches("salesforce", 1);
            hubspot = batches("hubspot", 2);
            AtomicBoolean connectorsDone = new AtomicBoolean();
            apiOrders = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                OrderIngest sfIngest = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService(),
                        core.clock(), lanes);
                OrderIngest hsIngest = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService(),
                        core.clock(), lanes);
                Future<?> sf = threads.submit(connector(go, sfIngest, salesforce));
                Future<?> hs = threads.submit(connector(go, hsIngest, hubspot));
                Future<Integer> api = threads.submit(api(go, core, memberOf, connectorsDone, apiOrders));
                go.countDown();
                sf.get(3, TimeUnit.MINUTES);
                hs.get(3, TimeUnit.MINUTES);
                connectorsDone.set(true);
                apiCount = api.get(1, TimeUnit.MINUTES);
                assertThat(apiCount).as("API orders settled meanwhile").isPositive();
                parted[0] = sfIngest.batchesSettledInParts();
                parted[1] = hsIngest.batchesSettledInParts();
                oneByOne[0] = sfIngest.batchesSettledOneByOne();
                oneByOne[1] = hsIngest.batchesSettledOneByOne();
            } finally {
                threads.shutdownNow();
            }
            mismatches = core.ledgerCheck().mismatches();
            points = pointsByEmail(database);
            ordersStored = count(database, "SELECT count(*) FROM orders");
        }

        assertThat(parted[0]).as("Salesforce batches settled in parts").isPositive();
        assertThat(parted[1]).as("HubSpot batches settled in parts").isPositive();
        assertThat(oneByOne).as("batches handed to the one-by-one path").containsOnly(0L);
        assertThat(ordersStored).as("orders stored").isEqualTo(keys.size() + apiCount);
        assertThat(mismatches).as("balances against their entries").isEmpty();
        assertThat(points).as("points per member, against the same reports settled one after the other")
                .isEqualTo(settledOneAfterTheOther(salesforce, hubspot, apiOrders));
        assertThat(deadlocksAfterEveryConnectionClosed(url)).as("deadlocks PostgreSQL detected").isZero();
    }

    private static List<InboundContact> contacts(String system) {
        List<InboundContact> people = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            people.add(new InboundContact(system, system + "-c" + i, email(i), "First" + i, "Last" + i, null, null,
                    false, START.minus(Duration.ofDays(1)), Map.of()));
        }
        return people;
    }

    private static String email(int person) {
        return "p" + person + "@example.com";
    }

    /**
     * Each batch holds new orders of every member and, after the first, refunds and edits of orders of the
     * batch before (so held orders are locked and changed too), in a shuffled order.
     */
    private List<List<InboundOrder>> batches(String system, long seed) {
        Random random = new Random(seed);
        List<List<InboundOrder>> batches = new ArrayList<>();
        List<InboundOrder> previous = List.of();
        for (int b = 0; b < BATCHES; b++) {
            List<InboundOrder> batch = new ArrayList<>();
            Instant at = START.plus(Duration.ofMinutes(b));
            for (int n = 0; n < ORDERS_PER_BATCH; n++) {
                int person = random.nextInt(MEMBERS);
                BigDecimal total = BigDecimal.valueOf(500 + random.nextInt(9_000), 2);
                batch.add(record(system, system + "-o" + b + "-" + n, person, total, OrderStatus.COMPLETED,
                        BigDecimal.ZERO, at));
            }
            for (InboundOrder before : previous) {
                if (random.nextInt(5) == 0) {
                    BigDecimal refunded = before.total().divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
                    batch.add(random.nextInt(ORDERS_PER_BATCH), record(system, before.externalId(),
                            Integer.parseInt(before.contactExternalId().replaceAll(".*-c", "")), before.total(),
                            OrderStatus.PARTIALLY_REFUNDED, refunded, at.plusSeconds(1)));
                }
            }
            batches.add(batch);
            previous = batch;
        }
        return batches;
    }

    private InboundOrder record(String system, String id, int person, BigDecimal total, OrderStatus status,
                                BigDecimal refunded, Instant modified) {
        keys.add(new OrderKey(system, id));
        return new InboundOrder(system, id, system + "-c" + person, total, "EUR", START, status, refunded,
                List.of(new OrderLine("SKU-1", null, 1, total)), modified);
    }

    private static Callable<Void> connector(CountDownLatch go, OrderIngest ingest, List<List<InboundOrder>> batches) {
        return () -> {
            go.await();
            for (List<InboundOrder> batch : batches) {
                Instant watermark = batch.get(batch.size() - 1).modifiedAt();
                ingest.apply(batch, new SourceCursor(batch.get(0).system(), "order", watermark));
            }
            return null;
        };
    }

    /** Single orders through the ledger's use case, as the API settles them, round the members until both end. */
    private Callable<Integer> api(CountDownLatch go, Core core, Map<String, MemberId> memberOf,
                                  AtomicBoolean connectorsDone, List<ApiOrder> apiOrders) {
        List<String> people = new ArrayList<>(memberOf.keySet());
        return () -> {
            go.await();
            int n = 0;
            while (!connectorsDone.get()) {
                String person = people.get(n % people.size());
                BigDecimal total = BigDecimal.valueOf(1_000 + n % 50, 2);
                ApiOrder order = new ApiOrder(person, new OrderKey("api", "a" + n), total);
                core.ledgerService().submitOrder(order.submission(memberOf));
                apiOrders.add(order);
                n++;
            }
            return n;
        };
    }

    private record ApiOrder(String person, OrderKey key, BigDecimal total) {
        OrderSubmission submission(Map<String, MemberId> memberOf) {
            return new OrderSubmission(MemberRef.byId(memberOf.get(person)), key, total, new CurrencyCode("EUR"),
                    START, OrderStatus.COMPLETED, BigDecimal.ZERO, List.of(new OrderLine("SKU-2", null, 1, total)));
        }
    }

    /**
     * The same reports settled with no concurrency at all, on one lane (the set-wise path the differential test
     * holds to the per-order one), into a fresh database: the points each member must end with.
     */
    private static Map<String, Long> settledOneAfterTheOther(List<List<InboundOrder>> salesforce,
                                                            List<List<InboundOrder>> hubspot, List<ApiOrder> api)
            throws SQLException {
        try (Database database = Database.connect(TestPostgres.freshDatabase(), null, null, 4).migrate()) {
            Core core = Core.assemble(database.dataSource(), ProgramFile.load(StoreFixture.FLAT_PROGRAM),
                    Clock.systemUTC());
            OrderIngest orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService(),
                    core.clock());
            ContactIngest contacts = new ContactIngest(core.transactions(), core.syncStores(),
                    Map.of("salesforce", FIELDS, "hubspot", FIELDS), orders);
            contacts.apply(contacts("salesforce"), null);
            contacts.apply(contacts("hubspot"), null);
            Map<String, MemberId> memberOf = members(database);
            for (List<InboundOrder> batch : salesforce) {
                orders.apply(batch, null);
            }
            for (List<InboundOrder> batch : hubspot) {
                orders.apply(batch, null);
            }
            api.forEach(order -> core.ledgerService().submitOrder(order.submission(memberOf)));
            assertThat(core.ledgerCheck().mismatches()).as("the serial run's balances").isEmpty();
            return pointsByEmail(database);
        }
    }

    private static Map<String, MemberId> members(Database database) throws SQLException {
        Map<String, MemberId> members = new HashMap<>();
        try (Connection c = database.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT email, id FROM members")) {
            while (rows.next()) {
                members.put(rows.getString(1), new MemberId(rows.getLong(2)));
            }
        }
        return members;
    }

    private static Map<String, Long> pointsByEmail(Database database) throws SQLException {
        Map<String, Long> points = new HashMap<>();
        try (Connection c = database.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT m.email, b.available FROM member_balances b"
                     + " JOIN members m ON m.id = b.member_id WHERE b.account = 'points'")) {
            while (rows.next()) {
                points.put(rows.getString(1), rows.getLong(2));
            }
        }
        return points;
    }

    private static long count(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * PostgreSQL counts the deadlocks it broke per database, but a session reports its counts when it ends or
     * idles: read once every other session of the database has gone (the pool is closed by then). A deadlock
     * broken and retried by {@code Transactions} would otherwise pass unseen.
     */
    private static long deadlocksAfterEveryConnectionClosed(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                try (ResultSet rows = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                    rows.next();
                    if (rows.getLong(1) == 0 || System.nanoTime() > deadline) {
                        break;
                    }
                }
                Thread.sleep(50);
            }
            c.createStatement().execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
