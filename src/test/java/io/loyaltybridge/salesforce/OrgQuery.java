package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.ArrayList;
import java.util.List;

/** What a test reads from the org for its expectations, through a camel-salesforce client of its own. */
final class OrgQuery {
    private OrgQuery() {
    }

    static List<JsonNode> all(SalesforceSandbox sf, String soql) throws Exception {
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(sf.loginUrl());
        component.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
        component.setClientId(sf.options().clientId());
        component.setClientSecret(sf.options().clientSecret());
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(sf.options().apiVersion());
        component.setConfig(config);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("salesforce", component);
            camel.start();
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> records = new ArrayList<>();
            JsonNode page = json.readTree(camel.createProducerTemplate()
                    .requestBody("salesforce:query?rawPayload=true", soql, String.class));
            page.path("records").forEach(records::add);
            while (!page.path("done").asBoolean(true)) {
                page = json.readTree(camel.createProducerTemplate().requestBody("salesforce:queryMore?rawPayload=true",
                        page.path("nextRecordsUrl").asText(), String.class));
                page.path("records").forEach(records::add);
            }
            return records;
        }
    }
}
