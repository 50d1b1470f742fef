package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the sandbox serves as HubSpot's standard clients call it: repeated query parameters, line items and their
 * associations, pipelines, account-info, OAuth 2026-03; and what it does not serve says so.
 */
class ServedApisTest {
    private HubSpotSandbox hs;
    private HubSpotHttp http;

    @BeforeEach
    void start() {
        hs = HubSpotSandbox.start(SandboxOptions.defaults().token("pat-test").timeZone(ZoneId.of("Europe/Berlin"))
                .currencies("EUR", List.of("USD")).oauthApp("client", "secret", "refresh"));
        http = new HubSpotHttp(hs.baseUrl(), "pat-test");
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void repeated_and_comma_separated_properties_parameters_both_return_every_property_asked_for() {
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        for (String query : List.of("properties=email&properties=firstname&properties=lastname",
                "properties=email,firstname&properties=lastname")) {
            var read = http.get("/crm/v3/objects/contacts/" + id + "?" + query);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("properties").has("email")).as(query).isTrue();
            assertThat(read.json().get("properties").has("firstname")).as(query).isTrue();
            assertThat(read.json().get("properties").get("lastname").asText()).as(query).isEqualTo("Meyer");
        }
    }

    @Test
    void line_items_of_an_order_are_read_through_associations_and_a_batch_read() {
        long contact = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        long order = hs.admin().createOrder(contact, Map.of("hs_total_price", "100"));
        long line = hs.admin().createLineItem(ObjectType.ORDERS, order, Map.of("quantity", "2", "price", "50",
                "hs_sku", "SHOE-1"));
        var links = http.post("/crm/v4/associations/orders/line_items/batch/read",
                "{\"inputs\":[{\"id\":\"" + order + "\"}]}");
        assertThat(links.status()).isEqualTo(200);
        var to = links.json().get("results").get(0).get("to").get(0);
        assertThat(to.get("toObjectId").asText()).isEqualTo(String.valueOf(line));
        assertThat(to.get("associationTypes").get(0).get("typeId").asInt()).isEqualTo(513);
        var items = http.post("/crm/v3/objects/line_items/batch/read", "{\"inputs\":[{\"id\":\"" + line
                + "\"}],\"properties\":[\"quantity\",\"price\",\"hs_sku\"],\"propertiesWithHistory\":[]}");
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.json().get("results").get(0).get("properties").get("hs_sku").asText()).isEqualTo("SHOE-1");
    }

    @Test
    void pipelines_list_their_stages_with_ids_and_labels() {
        hs.admin().addPipeline(ObjectType.ORDERS, "7654321", "Web shop", Map.of("1001", "Paid"));
        var pipelines = http.get("/crm/v3/pipelines/orders");
        assertThat(pipelines.status()).isEqualTo(200);
        assertThat(pipelines.json().get("results")).hasSize(2);
        var custom = pipelines.json().get("results").get(1);
        assertThat(custom.get("id").asText()).isEqualTo("7654321");
        assertThat(custom.get("stages").get(0).get("id").asText()).isEqualTo("1001");
        assertThat(custom.get("stages").get(0).get("label").asText()).isEqualTo("Paid");
        // A record may now hold the new stage id.
        long contact = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        hs.admin().createOrder(contact, Map.of("hs_pipeline_stage", "1001"));
    }

    @Test
    void account_info_gives_the_configured_time_zone_and_currencies() {
        var details = http.get("/account-info/v3/details");
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.json().get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(details.json().get("companyCurrency").asText()).isEqualTo("EUR");
        assertThat(details.json().get("additionalCurrencies").get(0).asText()).isEqualTo("USD");
    }

    @Test
    void what_the_sandbox_does_not_serve_answers_501_saying_so() throws Exception {
        // A plain client: no spec lists a 501, which is the point.
        var client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/crm/v3/objects/companies/1", "/crm/v3/objects/tickets", "/crm/v3/lists/1")) {
            var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hs.baseUrl() + path))
                    .header("Authorization", "Bearer pat-test").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(501);
            var json = HubSpotHttp.JSON.readTree(answer.body());
            assertThat(json.get("category").asText()).isEqualTo("NOT_SERVED_BY_SANDBOX");
            assertThat(json.get("message").asText()).contains("not served by this sandbox");
        }
    }

    @Test
    void the_oauth_token_endpoint_takes_a_form_body_only_and_v1_is_retired() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        String form = "grant_type=refresh_token&client_id=client&client_secret=secret&refresh_token=refresh";
        var ok = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hs.baseUrl()
                        + "/oauth/2026-03/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        String token = HubSpotHttp.JSON.readTree(ok.body()).get("access_token").asText();
        assertThat(http.withToken(token).get("/account-info/v3/details").status()).isEqualTo(200);
        var inUrl = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hs.baseUrl()
                        + "/oauth/2026-03/token?" + form)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(inUrl.statusCode()).isEqualTo(400);
        assertThat(HubSpotHttp.JSON.readTree(inUrl.body()).get("error").asText()).isEqualTo("invalid_request");
        var v1 = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hs.baseUrl()
                        + "/oauth/v1/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(v1.statusCode()).isEqualTo(410);
        assertThat(v1.body()).contains("retired");
    }
}
