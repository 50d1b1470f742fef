package io.loyaltybridge.sandbox.salesforce;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.PubSubApiConsumer;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.function.Consumer;

/**
 * A minimal CamelContext whose {@code salesforce} component points at a sandbox, the way our connector will
 * configure it. Pub/Sub routes are added stopped, switched to plaintext, then started.
 */
final class CamelSalesforce implements AutoCloseable {
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
}
