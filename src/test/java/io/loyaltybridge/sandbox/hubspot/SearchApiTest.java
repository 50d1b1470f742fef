package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchApiTest extends SandboxFixture {

    private static String search(String filterGroups, String sorts, int limit, String after) {
        return """
                {"filterGroups":%s,"sorts":%s,"properties":["email","firstname","lastname"],"limit":%d,"after":"%s"}"""
                .formatted(filterGroups, sorts, limit, after);
    }

    private List<String> emails(JsonNode res) {
        List<String> out = new ArrayList<>();
        res.get("results").forEach(r -> out.add(r.get("properties").get("email").asText()));
        return out;
    }

    @Test
    void filtersInAGroupAreAndedAndGroupsAreOred() {
        hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        hs.admin().createContact("ben@example.com", "Ben", "Meyer");
        hs.admin().createContact("cleo@example.com", "Cleo", "Smith");
        var res = http.post("/crm/v3/objects/contacts/search", search("""
                [{"filters":[{"propertyName":"lastname","operator":"EQ","value":"meyer"},
                             {"propertyName":"firstname","operator":"NEQ","value":"Ben"}]},
                 {"filters":[{"propertyName":"email","operator":"CONTAINS_TOKEN","value":"cleo*"}]}]""",
                "[]", 10, "0"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("total").asInt()).isEqualTo(2);
        assertThat(emails(res.json())).containsExactlyInAnyOrder("ann@example.com", "cleo@example.com");
    }

    @Test
    void rangeInAndPresenceOperatorsWorkOnNumbersAndDates() {
        long c = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        for (String total : List.of("5", "50", "500")) {
            hs.admin().createOrder(c, Map.of("hs_total_price", total, "hs_currency_code", "EUR"));
        }
        hs.admin().createOrder(c, Map.of("hs_currency_code", "USD"));
        var between = http.post("/crm/v3/objects/orders/search", """
                {"filterGroups":[{"filters":[{"propertyName":"hs_total_price","operator":"BETWEEN","value":"10",
                 "highValue":"500"}]}],"sorts":[],"properties":["hs_total_price"],"limit":10,"after":"0"}""");
        assertThat(between.json().get("total").asInt()).isEqualTo(2);
        var in = http.post("/crm/v3/objects/orders/search", """
                {"filterGroups":[{"filters":[{"propertyName":"hs_currency_code","operator":"IN","values":["usd"]}]}],
                 "sorts":[],"properties":[],"limit":10,"after":"0"}""");
        assertThat(in.json().get("total").asInt()).isEqualTo(1);
        var missing = http.post("/crm/v3/objects/orders/search", """
                {"filterGroups":[{"filters":[{"propertyName":"hs_total_price","operator":"NOT_HAS_PROPERTY"}]}],
                 "sorts":[],"properties":[],"limit":10,"after":"0"}""");
        assertThat(missing.json().get("total").asInt()).isEqualTo(1);
        var recent = http.post("/crm/v3/objects/orders/search", """
                {"filterGroups":[{"filters":[{"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"%d"}]}],
                 "sorts":[],"properties":[],"limit":10,"after":"0"}""".formatted(clock.millis()));
        assertThat(recent.json().get("total").asInt()).isEqualTo(4);
    }

    @Test
    void oneSortOrdersResultsAndAfterPagesThroughThem() {
        for (String name : List.of("Dora", "Ana", "Cleo", "Bea", "Eve")) {
            hs.admin().createContact(name.toLowerCase() + "@example.com", name, "X");
        }
        List<String> seen = new ArrayList<>();
        String after = "0";
        while (after != null) {
            var page = http.post("/crm/v3/objects/contacts/search",
                    search("[]", "[{\"propertyName\":\"firstname\",\"direction\":\"DESCENDING\"}]", 2, after)).json();
            seen.addAll(emails(page));
            after = page.path("paging").path("next").path("after").isMissingNode() ? null
                    : page.get("paging").get("next").get("after").asText();
        }
        assertThat(seen).containsExactly("eve@example.com", "dora@example.com", "cleo@example.com",
                "bea@example.com", "ana@example.com");
    }

    @Test
    void askingForResultsPastTheTenThousandthIsA400() {
        var res = http.post("/crm/v3/objects/contacts/search", search("[]", "[]", 100, "10000"));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().get("category").asText()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void theLastPageBeforeTheCapHasNoNextLinkEvenWhenMoreMatch() {
        hs.admin().seed(10_050, 0);
        var res = http.post("/crm/v3/objects/contacts/search", search("[]", "[]", 200, "9900")).json();
        assertThat(res.get("total").asInt()).isEqualTo(10_050);
        assertThat(res.get("results")).hasSize(100);
        assertThat(res.has("paging")).isFalse();
    }

    @Test
    void tooManyFilterGroupsOrFiltersOrALimitOver200AreRefused() {
        String f = "{\"propertyName\":\"email\",\"operator\":\"HAS_PROPERTY\"}";
        String sixGroups = "[" + String.join(",", java.util.Collections.nCopies(6, "{\"filters\":[" + f + "]}")) + "]";
        assertThat(http.post("/crm/v3/objects/contacts/search", search(sixGroups, "[]", 10, "0")).status())
                .isEqualTo(400);
        String sevenFilters = "[{\"filters\":[" + String.join(",", java.util.Collections.nCopies(7, f)) + "]}]";
        assertThat(http.post("/crm/v3/objects/contacts/search", search(sevenFilters, "[]", 10, "0")).status())
                .isEqualTo(400);
        assertThat(http.post("/crm/v3/objects/contacts/search", search("[]", "[]", 201, "0")).status())
                .isEqualTo(400);
    }

    @Test
    void moreThanFiveSearchesInOneSecondGet429WithPolicySecondly() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/crm/v3/objects/contacts/search", search("[]", "[]", 1, "0")).status())
                    .isEqualTo(200);
        }
        var limited = http.post("/crm/v3/objects/contacts/search", search("[]", "[]", 1, "0"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("policyName").asText()).isEqualTo("SECONDLY");
        clock.advance(Duration.ofMillis(1001));
        assertThat(http.post("/crm/v3/objects/contacts/search", search("[]", "[]", 1, "0")).status())
                .isEqualTo(200);
    }

    @Test
    void changesBecomeSearchableOnlyAfterTheIndexingDelay() {
        hs.close();
        hs = HubSpotSandbox.start(options().indexingDelay(Duration.ofSeconds(5)));
        http = new HubSpotHttp(hs.baseUrl(), TOKEN);
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        String byName = "[{\"filters\":[{\"propertyName\":\"lastname\",\"operator\":\"EQ\",\"value\":\"%s\"}]}]";
        assertThat(http.post("/crm/v3/objects/contacts/search", search(byName.formatted("Meyer"), "[]", 10, "0"))
                .json().get("total").asInt()).isZero();
        clock.advance(Duration.ofSeconds(5));
        hs.admin().update(ObjectType.CONTACTS, id, Map.of("lastname", "Smith"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(emails(http.post("/crm/v3/objects/contacts/search",
                search(byName.formatted("Meyer"), "[]", 10, "0")).json())).containsExactly("ann@example.com");
        clock.advance(Duration.ofSeconds(3));
        assertThat(http.post("/crm/v3/objects/contacts/search", search(byName.formatted("Smith"), "[]", 10, "0"))
                .json().get("total").asInt()).isEqualTo(1);
    }
}
