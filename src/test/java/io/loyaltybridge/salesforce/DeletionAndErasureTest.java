package io.loyaltybridge.salesforce;

import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Salesforce deletion means: a deleted Contact sits in the recycle bin and can be undeleted, and merges delete
 * the losing Contacts too, so a deletion only stops the sync of that record; the member and their data stay. Erasure
 * is an explicit request (DELETE /api/members/{id}); after it, no read of the Contact brings the person back.
 */
class DeletionAndErasureTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T12:00:00Z"));

    @Test
    void a_deleted_contact_only_stops_syncing_and_an_erased_member_is_not_brought_back_by_later_reads() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock)
                .withKeepAlive(Duration.ofSeconds(1))); Harness h = new Harness(sf)) {
            int streams = sf.openPubSubStreams();
            h.start(ChangeEventsTest.eventsOnly());
            Harness.await("both event streams are open", () -> sf.openPubSubStreams() == streams + 2);
            String ann = sf.admin().createContact(Map.of("FirstName", "Annika", "LastName", "Erasmus",
                    "Email", "annika.erasmus@example.com"));
            clock.advance(Duration.ofMillis(10));
            String bought = sf.admin().createOrder(ann, "Activated", LocalDate.of(2026, 6, 1), "EUR",
                    List.of(new Line("SKU-APP-01", 1, 40)));
            h.awaitConverged(Map.of(ann, 40L));
            long member = h.member(ann).orElseThrow().id().value();

            clock.advance(Duration.ofSeconds(1));
            sf.admin().delete(ann);
            Harness.await("the deletion is seen", () -> identityDeleted(h, ann));
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM members WHERE id = " + member
                    + " AND email = 'annika.erasmus@example.com' AND erased_at IS NULL")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            sf.admin().undelete(ann);
            Harness.await("the undeletion is seen", () -> !identityDeleted(h, ann));

            Http api = new Http(h.app.baseUrl(), TestApp.TOKEN);
            Http.Response erased = api.send(api.builder("/api/members/" + member).DELETE().build());
            assertThat(erased.status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            sf.admin().update(ann, Map.of("FirstName", "Annika-Marie"));
            clock.advance(Duration.ofSeconds(1));
            sf.admin().createOrder(ann, "Activated", LocalDate.of(2026, 6, 9), "EUR",
                    List.of(new Line("SKU-APP-01", 1, 25)));
            clock.advance(Duration.ofSeconds(1));
            sf.admin().delete(bought);
            // The order taken in before the erasure still moves the (anonymous) member's ledger.
            Harness.await("the deleted order's points are taken back", () -> pointsOf(h, member) == 0);
            // The contact's and the orders' events come in batches of their own streams: let both be taken in.
            Harness.await("every change event is taken in", () -> {
                long reads = sf.calls().count("queryAll");
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(800).toNanos());
                return sf.calls().count("queryAll") == reads;
            });
            Harness.awaitSteady(() -> sf.calls().count("queryAll"), Duration.ofMillis(1000));

            assertThat(h.member(ann)).isEmpty();
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM members WHERE first_name LIKE 'Annika%'"
                    + " OR email = 'annika.erasmus@example.com'")).isZero();
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM members")).isEqualTo(1);
            // The new order of the erased person is not taken in, and is not kept as a dead letter either.
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM orders")).isEqualTo(1);
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM dead_letters")).isZero();
            assertThat(h.app.ledgerCheck().mismatches()).isEmpty();
        }
    }

    private static long pointsOf(Harness h, long member) {
        return Db.longValue(h.databaseUrl, "SELECT coalesce(sum(available), 0) FROM member_balances"
                + " WHERE account = 'points' AND member_id = " + member);
    }

    private static boolean identityDeleted(Harness h, String contactId) {
        return Db.longValue(h.databaseUrl, "SELECT count(*) FROM member_identities WHERE system = 'salesforce'"
                + " AND external_id = '" + contactId + "' AND deleted") == 1;
    }
}
