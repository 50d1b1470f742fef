package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin.Line;
import io.loyaltybridge.sandbox.salesforce.SandboxOptions;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The org's shape, learnt with describe at start: a single-currency org is adapted to, a configured field the org
 * lacks refuses the start naming its key, and a permanent refusal at run time stops that stream, visibly, until the
 * configuration changes.
 */
class OrgShapeTest {
    static final Map<String, String> POLL = Map.of("loyalty.salesforce.backfill.enabled", "false",
            "loyalty.salesforce.cdc.enabled", "false", "loyalty.salesforce.poll.period-seconds", "1",
            "loyalty.salesforce.poll.lookback-seconds", "60");

    @Test
    void a_single_currency_org_without_currency_iso_code_earns_in_the_organizations_currency() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults().withSingleCurrency("EUR"));
             Harness h = new Harness(sf)) {
            String ann = sf.admin().createContact(Map.of("LastName", "Single", "Email", "single@example.com"));
            sf.admin().createOrder(ann, "Activated", LocalDate.of(2026, 5, 1), null,
                    List.of(new Line("SKU-SHOE-01", 1, 89.0)));
            long bulkJobs = sf.calls().count("bulk.create");
            h.start(Map.of("loyalty.salesforce.cdc.enabled", "false"));
            h.awaitConverged(Map.of(ann, 89L));
            // the backfill asked for what the org has: two jobs for orders and items, one for contacts, none refused
            assertThat(sf.calls().count("bulk.create") - bulkJobs).isEqualTo(3);
            assertThat(sf.calls().count("describe")).isEqualTo(3);
        }
    }

    @Test
    void fields_the_org_lacks_refuse_the_start_naming_every_key_to_set() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()); Harness h = new Harness(sf)) {
            Map<String, String> settings = new HashMap<>(POLL);
            settings.put("loyalty.salesforce.order.amount-field", "Net_Amount__c");
            settings.put("loyalty.salesforce.field.tier", "Tier__c");
            assertThatThrownBy(() -> h.start(settings)).isInstanceOf(StartupException.class)
                    .hasMessageContaining("loyalty.salesforce.order.amount-field: Salesforce Order has no field"
                            + " Net_Amount__c")
                    .hasMessageContaining("loyalty.salesforce.field.tier: Salesforce Contact has no field Tier__c");
            assertThat(sf.calls().count("query") + sf.calls().count("queryAll") + sf.calls().count("bulk.create"))
                    .as("nothing is read from an org the configuration does not fit").isZero();
        }
    }

    @Test
    void a_permanent_refusal_stops_that_stream_visibly_until_the_configuration_changes() {
        try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults()); Harness h = new Harness(sf)) {
            String ann = sf.admin().createContact(Map.of("LastName", "Ann", "Email", "ann@example.com"));
            order(sf, ann, 40.0);
            h.start(POLL);
            h.awaitConverged(Map.of(ann, 40L));

            // an admin takes the integration user's access to CurrencyIsoCode away while we run
            sf.admin().revokeFieldAccess("Order", "CurrencyIsoCode");
            order(sf, ann, 25.0);
            Http http = new Http(h.app.baseUrl(), TestApp.TOKEN);
            Harness.await("the Order stream is stopped", () -> stream(http, "Order").hasNonNull("stopped"));
            String reason = stream(http, "Order").get("stopped").asText();
            assertThat(reason).contains("INVALID_FIELD").contains("CurrencyIsoCode").doesNotContain("ann@");
            assertThat(stream(http, "Contact").get("stopped").isNull()).isTrue();
            Http.Response ready = new Http(h.app.baseUrl(), null).get("/observe/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.text()).contains("salesforce Order stopped");
            long refusals = sf.calls().count("queryAll");
            // contacts still flow; orders are not asked for again
            String ben = sf.admin().createContact(Map.of("LastName", "Ben", "Email", "ben@example.com"));
            h.awaitConverged(Map.of(ben, 0L, ann, 40L));
            Harness.awaitSteady(() -> stream(http, "Order").get("errors").asLong(), Duration.ofSeconds(3));
            assertThat(sf.calls().count("queryAll") - refusals).as("only contact polls").isPositive();

            // the same configuration after a restart: the start's describe finds the field gone and names the key
            h.stop();
            assertThatThrownBy(() -> h.start(POLL)).isInstanceOf(StartupException.class)
                    .hasMessageContaining("loyalty.salesforce.order.currency-field: this multi-currency org's"
                            + " Order.CurrencyIsoCode is not visible to the integration user");

            // a configuration that fits the org: the stream runs again and takes the waiting order in
            Map<String, String> fixed = new HashMap<>(POLL);
            fixed.put("loyalty.salesforce.order.currency-field", "none");
            fixed.put("loyalty.salesforce.order.currency", "EUR");
            h.start(fixed);
            h.awaitConverged(Map.of(ann, 65L));
            assertThat(stream(new Http(h.app.baseUrl(), TestApp.TOKEN), "Order").get("stopped").isNull()).isTrue();
        }
    }

    private static void order(SalesforceSandbox sf, String contact, double price) {
        sf.admin().createOrder(contact, "Activated", LocalDate.of(2026, 5, 1), "EUR",
                List.of(new Line("SKU-SHOE-01", 1, price)));
    }

    private static JsonNode stream(Http http, String object) {
        for (JsonNode s : http.get("/api/sync/status").json().at("/systems/salesforce/streams")) {
            if (s.get("object").asText().equals(object)) {
                return s;
            }
        }
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
}
