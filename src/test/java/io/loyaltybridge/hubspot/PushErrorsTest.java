package io.loyaltybridge.hubspot;

import io.loyaltybridge.support.Db;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.OrderIngest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch update where HubSpot refuses one contact: that contact alone is dead-lettered, the rest go through. */
class PushErrorsTest {
    private static final String UNKNOWN = "10999999";

    @Test
    void a_contact_id_hubspot_does_not_know_is_dead_lettered_alone_and_the_other_contact_in_the_batch_is_updated() {
        long[] c = new long[1];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(),
                hs -> c[0] = hs.admin().createContact("stays@example.com", "Stays", "Here"))) {
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.inSync(c[0]));
            // In one transaction: the known contact now shows a wrong points value, and a member is linked to a
            // contact id HubSpot never had. Both go out in the next batch update.
            var core = w.app.core();
            var orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
            new ContactIngest(core.transactions(), core.syncStores(), Map.of("hubspot", HubSpotWorld.fieldMap()),
                    orders).apply(List.of(
                    new InboundContact("hubspot", Long.toString(c[0]), "stays@example.com", "Stays", "Here", null, null,
                            false, Instant.now(), Map.of("loyalty_points", "999")),
                    new InboundContact("hubspot", UNKNOWN, "ghost@example.com", "Ghost", null, null, null, false,
                            Instant.now(), Map.of())), null);

            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> deadLetters(w) == 1);
            HubSpotWorld.throughout(Duration.ofMillis(600), () -> w.batchUpdates() == 2 && deadLetters(w) == 1);
            assertThat(w.inSync(c[0])).isTrue();
            assertThat(w.hs.admin().contact(c[0]).orElseThrow()).containsEntry("loyalty_points", "0");
            assertThat(Db.longValue(w.url, "SELECT count(*) FROM dead_letters WHERE status = 'open' AND record_id = '"
                    + UNKNOWN + "' AND error_code = 'OBJECT_NOT_FOUND'")).isEqualTo(1);
            w.assertLedgerAndSpecs();
        }
    }

    private static long deadLetters(HubSpotWorld w) {
        return Db.longValue(w.url, "SELECT count(*) FROM dead_letters WHERE direction = 'outbound'");
    }
}
