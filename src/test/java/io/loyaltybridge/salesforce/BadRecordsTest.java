package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Salesforce records with missing or absurd fields, and text built to break out of a SOQL string: a bad order is
 * dead-lettered alone with what is wrong, and no value from outside ever becomes SOQL.
 */
class BadRecordsTest {
    static final String HOSTILE = "O'Brien \\' OR Id != '\" \\";
    SalesforceSandbox sf;
    Harness h;

    @BeforeEach
    void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults());
        h = new Harness(sf);
    }

    @AfterEach
    void stop() {
        h.close();
        sf.close();
    }

    String order(String contact, String status, LocalDate day, String currency, double quantity, double price) {
        return sf.admin().createOrder(contact, status, day, currency, List.of(new Line("SKU-ACC-01", quantity, price)));
    }

    @Test
    void absurd_orders_are_dead_lettered_alone_and_the_good_order_beside_them_earns_its_points() {
        LocalDate march = LocalDate.of(2026, 3, 1);
        String good = sf.admin().createContact(Map.of("LastName", "Good", "Email", "good@example.com"));
        order(good, "Activated", march, "EUR", 1, 40);
        String unknownStatus = order(good, "Shipped", march, "EUR", 1, 10);
        String negative = order(good, "Activated", march, "EUR", 1, -50);
        // a quantity no int holds used to stop every order read with an ArithmeticException, for ever
        String huge = order(good, "Activated", march, "EUR", 1e12, 1);
        String currency = order(good, "Activated", march, "XYZ", 1, 10);
        String noContact = order(null, "Activated", march, "EUR", 1, 10);
        String year9999 = order(good, "Activated", LocalDate.of(9999, 12, 31), "EUR", 1, 10);
        sf.admin().createContact(Map.of("LastName", "NoEmail"));
        sf.admin().createContact(Map.of("LastName", "Late", "Email", "late@example.com",
                "Birthdate", LocalDate.of(9999, 12, 31)));
        h.start(Map.of("loyalty.salesforce.poll.period-seconds", "1"));

        Harness.await("the good order is in and the bad ones are dead letters",
                () -> h.points(good) == 40 && Db.count(h.databaseUrl, "dead_letters") == 5);
        assertThat(Db.rows(h.databaseUrl, "SELECT record_id, error FROM dead_letters ORDER BY record_id"))
                .containsExactly(negative + " | total: must not be negative",
                        huge + " | total: must not exceed 1000000000",
                        currency + " | currency: must be a known ISO 4217 code, was XYZ",
                        noContact + " | contact: is required",
                        year9999 + " | placedAt: must not be in the future, was 9999-12-31T00:00:00Z");
        assertThat(Db.rows(h.databaseUrl, "SELECT external_id, status FROM orders ORDER BY external_id"))
                .as("an unknown status is not a purchase").hasSize(2).last().isEqualTo(unknownStatus + " | cancelled");
        // In any order: a Bulk query without ORDER BY answers its rows in no defined order, so members are
        // numbered in whatever order the backfill read them.
        assertThat(Db.rows(h.databaseUrl, "SELECT email, last_name, birth_date FROM members ORDER BY id"))
                .containsExactlyInAnyOrder("good@example.com | Good | null", "null | NoEmail | null",
                        "late@example.com | Late | null");
        assertThat(Db.longValue(h.databaseUrl, "SELECT count(*) FROM ledger_entries")).isEqualTo(1);
        h.awaitConverged(Map.of(good, 40L));
    }

    @Test
    void text_made_to_break_out_of_a_soql_string_stays_one_literal_in_the_sandboxs_real_soql_parser()
            throws Exception {
        String hostile = sf.admin().createContact(Map.of("LastName", HOSTILE, "Email", "obrien@example.com"));
        String other = sf.admin().createContact(Map.of("LastName", "Other", "Email", "other@example.com"));

        // What the escaping prevents: pasted in raw, the text turns the filter into one every contact passes.
        String raw = "SELECT Id FROM Contact WHERE LastName = '" + "x' OR LastName != 'x" + "'";
        assertThat(OrgQuery.all(sf, raw)).hasSize(2);
        // Escaped, the parser sees one string and finds exactly the contact bearing it.
        List<JsonNode> found = OrgQuery.all(sf, "SELECT Id, LastName FROM Contact WHERE LastName = "
                + Soql.literal(HOSTILE));
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.path("Id").asText()).isEqualTo(hostile);
            assertThat(r.path("LastName").asText()).isEqualTo(HOSTILE);
        });
        assertThat(OrgQuery.all(sf, "SELECT Id FROM Contact WHERE LastName = " + Soql.literal("x' OR LastName != 'x")))
                .isEmpty();
        assertThatThrownBy(() -> Soql.idList(List.of(other, "003' OR Id != '"))).isInstanceOf(
                IllegalArgumentException.class);

        // Through the app: the hostile name syncs as it is, and a CRM id made of SOQL reaches no query.
        h.start(Map.of("loyalty.salesforce.poll.period-seconds", "3600"));
        h.awaitConverged(Map.of(hostile, 0L, other, 0L));
        assertThat(Db.rows(h.databaseUrl, "SELECT last_name FROM members ORDER BY id")).contains(HOSTILE);
        Http http = new Http(h.app.baseUrl(), TestApp.TOKEN);
        var created = http.post("/api/orders", """
                {"source": "shop", "externalId": "INJ-1", "member": {"crm": {"system": "salesforce",
                 "externalId": "003' OR Id != '"}, "email": "inj@example.com"}, "total": "12", "currency": "EUR",
                 "placedAt": "2026-03-01T10:00:00Z", "status": "completed", "lines": []}""");
        long queries = sf.calls().count("query");
        var side = http.get("/api/members/" + created.json().at("/order/memberId").asLong() + "/crm");
        assertThat(side.status()).as(side.text()).isEqualTo(200);
        assertThat(side.json().at("/systems/salesforce/fields").isNull()).as(side.text()).isTrue();
        assertThat(sf.calls().count("query")).as("no query was sent").isEqualTo(queries);
        assertThat(sf.admin().field(other, "LastName")).isEqualTo("Other");
    }
}
