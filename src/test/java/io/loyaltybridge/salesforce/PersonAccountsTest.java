package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.sandbox.salesforce.PersonAccountShape;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orgs with person accounts (B2C): a person is one member, keyed by its person contact, whichever id reaches us;
 * an order naming only its person account earns; loyalty fields are written through the person account as __pc
 * fields in the same collections calls (the sandbox refuses writes aimed at a person contact).
 */
class PersonAccountsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T12:00:00Z"));

    @ParameterizedTest
    @EnumSource(value = PersonAccountShape.class, names = {"PERSONS", "MIXED"})
    void the_backfill_makes_one_member_per_person_and_orders_naming_only_a_person_account_earn(
            PersonAccountShape shape) throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()
                .withPersonAccounts(shape)); Harness h = new Harness(sf)) {
            List<String> people = sf.seed(230, 400, 23);
            Map<String, Long> expected = expectedPoints(sf, people);
            h.start(Map.of("loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "3600",
                    "loyalty.salesforce.backfill.page-size", "100", "loyalty.salesforce.batch-size", "60"));
            h.awaitConverged(expected);
            assertThat(OrgQuery.all(sf, "SELECT Id FROM Order WHERE BillToContactId = null")).isNotEmpty();
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM members")).isEqualTo(230);
            assertThat(h.compositeCalls()).isEqualTo(Harness.callsFor(230));
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM dead_letters WHERE direction = 'outbound'"))
                    .isZero();
        }
    }

    @Test
    void the_poll_links_orders_by_bill_to_contact_else_person_account_and_leaves_a_business_order_without_contact()
            throws Exception {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock)
                .withPersonAccounts(PersonAccountShape.PERSONS)); Harness h = new Harness(sf)) {
            h.start(Map.of("loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "1",
                    "loyalty.salesforce.poll.lookback-seconds", "0"));
            Harness.await("the first poll ran", () -> h.source("Order").isPresent());
            assertThat(new io.loyaltybridge.support.Http(h.app.baseUrl(), io.loyaltybridge.support.TestApp.TOKEN)
                    .get("/api/sync/status").json().at("/systems/salesforce/orgShape").asText())
                    .isEqualTo("contacts and person accounts");
            String ada = sf.admin().createPersonAccount("Ada", "Lovelace", "ada@example.com");
            String adaPerson = (String) sf.admin().field(ada, "PersonContactId");
            String bob = sf.admin().createPersonAccount("Bob", "Byron", "bob@example.com");
            String bobPerson = (String) sf.admin().field(bob, "PersonContactId");
            String clerk = sf.admin().createContact(Map.of("LastName", "Clerk", "AccountId",
                    sf.admin().defaultAccountId()));
            clock.advance(Duration.ofSeconds(1));
            sf.admin().createOrderOn(ada, null, "Activated", LocalDate.of(2026, 6, 1), "EUR",
                    List.of(new Line("SKU-APP-01", 1, 30)));
            sf.admin().createOrderOn(ada, adaPerson, "Activated", LocalDate.of(2026, 6, 2), "EUR",
                    List.of(new Line("SKU-APP-01", 1, 12)));
            sf.admin().createOrderOn(bob, null, "Activated", LocalDate.of(2026, 6, 2), "EUR",
                    List.of(new Line("SKU-APP-01", 1, 20)));
            String unlinked = sf.admin().createOrderOn(sf.admin().defaultAccountId(), null, "Activated",
                    LocalDate.of(2026, 6, 3), "EUR", List.of(new Line("SKU-APP-01", 1, 99)));
            h.awaitConverged(Map.of(adaPerson, 42L, bobPerson, 20L, clerk, 0L));
            assertThat(sf.admin().field(ada, "Loyalty_Points__pc")).isEqualTo(42.0);
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM members")).isEqualTo(3);
            Harness.await("the business account's order without a contact is dead-lettered", () ->
                    Db.longValue(h.databaseUrl, "SELECT count(*) FROM dead_letters WHERE record_id = '" + unlinked
                            + "' AND error LIKE '%contact%'") == 1);

            clock.advance(Duration.ofSeconds(1));
            sf.admin().update(ada, Map.of("PersonEmail", "ada.lovelace@example.com"));
            Harness.await("the person account's new email reaches the member", () -> "ada.lovelace@example.com"
                    .equals(h.member(adaPerson).orElseThrow().email().value()));
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM members")).isEqualTo(3);
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM dead_letters WHERE direction = 'outbound'"))
                    .isZero();
        }
    }

    @Test
    void a_person_changed_once_is_read_once_from_its_two_change_events_and_erasure_and_deletion_reach_it() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withClock(clock)
                .withKeepAlive(Duration.ofSeconds(1)).withPersonAccounts(PersonAccountShape.MIXED));
             Harness h = new Harness(sf)) {
            int streams = sf.openPubSubStreams();
            h.start(ChangeEventsTest.eventsOnly());
            Harness.await("contact, order and account event streams are open",
                    () -> sf.openPubSubStreams() == streams + 3);
            Harness.await("the start-up catch-up poll ran", () -> h.source("Order").isPresent());
            clock.advance(Duration.ofSeconds(1));
            String ada = sf.admin().createPersonAccount("Ada", "Lovelace", "ada@example.com");
            String adaPerson = (String) sf.admin().field(ada, "PersonContactId");
            String ann = sf.admin().createPersonAccount("Ann", "Erasmus", "ann@example.com");
            String annPerson = (String) sf.admin().field(ann, "PersonContactId");
            clock.advance(Duration.ofSeconds(1));
            sf.admin().createOrderOn(ada, null, "Activated", LocalDate.of(2026, 6, 1), "EUR",
                    List.of(new Line("SKU-APP-01", 1, 30)));
            String annOrder = sf.admin().createOrderOn(ann, null, "Activated", LocalDate.of(2026, 6, 1), "EUR",
                    List.of(new Line("SKU-APP-01", 1, 10)));
            h.awaitConverged(Map.of(adaPerson, 30L, annPerson, 10L));
            long contactReads = sf.calls().count("queryAll");

            clock.advance(Duration.ofSeconds(1));
            sf.admin().update(ada, Map.of("PersonEmail", "ada.lovelace@example.com"));
            Harness.await("the new email arrives by change events", () -> "ada.lovelace@example.com"
                    .equals(h.member(adaPerson).orElseThrow().email().value()));
            Harness.awaitSteady(() -> sf.calls().count("queryAll"), Duration.ofMillis(1500));
            // Two events (Account, Contact) for one change: one read of the person.
            assertThat(sf.calls().count("queryAll") - contactReads).isEqualTo(1);

            long member = h.member(annPerson).orElseThrow().id().value();
            io.loyaltybridge.support.Http api = new io.loyaltybridge.support.Http(h.app.baseUrl(),
                    io.loyaltybridge.support.TestApp.TOKEN);
            assertThat(api.send(api.builder("/api/members/" + member).DELETE().build()).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            sf.admin().update(ann, Map.of("FirstName", "Annika"));
            clock.advance(Duration.ofSeconds(1));
            sf.admin().createOrderOn(ann, null, "Activated", LocalDate.of(2026, 6, 9), "EUR",
                    List.of(new Line("SKU-APP-01", 1, 25)));
            clock.advance(Duration.ofSeconds(1));
            sf.admin().delete(annOrder);
            Harness.await("the erased person's deleted order is taken back", () -> Db.longValue(h.databaseUrl,
                    "SELECT coalesce(sum(available), 0) FROM member_balances WHERE account = 'points'"
                            + " AND member_id = " + member) == 0);
            Harness.awaitSteady(() -> sf.calls().count("queryAll"), Duration.ofMillis(1000));
            assertThat(h.member(annPerson)).isEmpty();
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM members WHERE first_name LIKE 'Ann%'"))
                    .isZero();
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM orders")).isEqualTo(2);

            clock.advance(Duration.ofSeconds(1));
            sf.admin().delete(ada);
            Harness.await("the deleted person account's member stops syncing", () -> Db.longValue(h.databaseUrl,
                    "SELECT count(*) FROM member_identities WHERE system = 'salesforce' AND external_id = '"
                            + adaPerson + "' AND deleted") == 1);
            assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM members")).isEqualTo(2);
            assertThat(h.app.ledgerCheck().mismatches()).isEmpty();
        }
    }

    /** Points by member: each activated EUR order's whole euros, to its bill-to contact or its person account. */
    static Map<String, Long> expectedPoints(SalesforceSandbox sf, List<String> people) throws Exception {
        Map<String, Long> expected = new HashMap<>();
        people.forEach(id -> expected.put(id, 0L));
        for (JsonNode order : OrgQuery.all(sf, "SELECT BillToContactId, Account.IsPersonAccount,"
                + " Account.PersonContactId, TotalAmount FROM Order"
                + " WHERE Status = 'Activated' AND CurrencyIsoCode = 'EUR'")) {
            String buyer = order.path("BillToContactId").isTextual() ? order.get("BillToContactId").asText()
                    : order.path("Account").path("PersonContactId").asText();
            expected.merge(buyer, (long) Math.floor(order.get("TotalAmount").asDouble()), Long::sum);
        }
        return expected;
    }
}
