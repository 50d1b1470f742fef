package io.loyaltybridge.sync;

import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances draining one outbox at the same time (two pushers, as two app processes have, on one database):
 * the rows each leases with SKIP LOCKED are its own, so every change reaches the CRM once, none twice.
 */
class OutboxSharingTest {
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.MEMBER_ID, "Member_Id",
            ProfileAttribute.POINTS, "Points"));

    @Test
    void twoPushersDrainingOneOutboxTogetherWriteEveryContactExactlyOnce() throws Exception {
        try (StoreFixture store = new StoreFixture()) {
            SyncStores stores = SyncStores.open(store.transactions);
            OrderIngest orders = new OrderIngest(store.transactions, stores, store.ledgerService);
            ContactIngest contacts = new ContactIngest(store.transactions, stores, Map.of("testcrm", FIELDS), orders);
            Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
            List<InboundContact> inbound = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                inbound.add(SyncEngineTest.contact("C" + i, "c" + i + "@example.com", t0));
            }
            contacts.apply(inbound, null);
            CountingCrm crm = new CountingCrm();
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> rounds = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    OutboxPusher pusher = new OutboxPusher(store.transactions, store.core.profiles(),
                            stores.deadLetters(), stores.sources(), Clock.systemUTC());
                    rounds.add(instances.submit(() -> drain(pusher, crm)));
                }
                int first = rounds.get(0).get();
                int second = rounds.get(1).get();
                assertThat(first).as("both instances pushed").isPositive();
                assertThat(second).as("both instances pushed").isPositive();
            } finally {
                instances.shutdownNow();
            }
            assertThat(crm.writes).hasSize(400);
            assertThat(crm.writes.values()).allMatch(count -> count == 1);
            assertThat(store.transactions.read(() -> stores.outbox().depth("testcrm"))).isZero();
        }
    }

    private static int drain(OutboxPusher pusher, CountingCrm crm) {
        int rounds = 0;
        while (pusher.pushOnce(crm, FIELDS).members() > 0) {
            rounds++;
        }
        return rounds;
    }

    /** Answers every record as written, counting writes per contact; slow enough that the two pushers overlap. */
    private static final class CountingCrm implements CrmWriter {
        final Map<String, Integer> writes = new ConcurrentHashMap<>();

        @Override
        public String system() {
            return "testcrm";
        }

        @Override
        public int maxBatch() {
            return 25;
        }

        @Override
        public List<PushResult> write(List<PushRecord> records) throws InterruptedException {
            Thread.sleep(20);
            return records.stream().map(r -> {
                writes.merge(r.externalId(), 1, Integer::sum);
                return PushResult.success(r.externalId());
            }).toList();
        }

        @Override
        public ErrorClass classify(Exception failure) {
            return ErrorClass.RETRIABLE;
        }
    }
}
