package io.loyaltybridge.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.PubSubApiConsumer;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A minimal CamelContext whose {@code salesforce} component points at a sandbox, the way our connector will
 * configure it. Pub/Sub routes are added stopped, switched to plaintext, then started.
 */
final class CamelSalesforce implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final CamelContext context = new DefaultCamelContext();
    final SalesforceComponent component = new SalesforceComponent();
    ProducerTemplate template;

    private CamelSalesforce() {
    }

    static CamelSalesforce clientCredentials(SalesforceSandbox sf) {
        return with(sf, c -> {
            c.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
            c.setClientId(sf.options().clientId());
            c.setClientSecret(sf.options().clientSecret());
        });
    }

    static CamelSalesforce with(SalesforceSandbox sf, Consumer<SalesforceComponent> auth) {
        CamelSalesforce c = new CamelSalesforce();
        c.component.setLoginUrl(sf.loginUrl());
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(sf.options().apiVersion());
        c.component.setConfig(config);
        c.component.setPubSubHost(sf.pubSubHost());
        c.component.setPubSubPort(sf.pubSubPort());
        auth.accept(c.component);
        c.context.addComponent("salesforce", c.component);
        return c;
    }

    CamelSalesforce start() {
        try {
            context.start();
        } catch (RuntimeException e) {
            context.stop();
            throw e;
        }
        template = context.createProducerTemplate();
        return this;
    }

    /** Adds a Pub/Sub route stopped, makes its consumer use plaintext gRPC, then starts it. */
    PubSubApiConsumer startPubSubRoute(String routeId, RouteBuilder routes) throws Exception {
        context.addRoutes(routes);
        PubSubApiConsumer consumer = (PubSubApiConsumer) context.getRoute(routeId).getConsumer();
        consumer.setUsePlainTextConnection(true);
        context.getRouteController().startRoute(routeId);
        return consumer;
    }

    <T> T request(String uri, Object body, Class<T> type) {
        return template.requestBody(uri, body, type);
    }

    @Override
    public void close() {
        context.stop();
    }

    /** The raw JSON answer of a SOQL {@code operation} ({@code query} or {@code queryAll}). */
    JsonNode query(String operation, String soql) throws Exception {
        return JSON.readTree(request("salesforce:" + operation + "?rawPayload=true", soql, String.class));
    }

    JsonNode query(String soql) throws Exception {
        return query("query", soql);
    }

    /** A raw call under /services/data/v62.0; null when the answer has no body (204). */
    JsonNode raw(String method, String path, String body) throws Exception {
        String answer = template.requestBodyAndHeaders("salesforce:raw?rawMethod=" + method
                + "&rawPath=/services/data/v62.0" + path, body, Map.of("Content-Type", "application/json"),
                String.class);
        return answer == null || answer.isBlank() ? null : JSON.readTree(answer);
    }

    /** The {@code name} of each element of a JSON list (describe's fields, sobjects). */
    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }
}
