package io.loyaltybridge.sandbox.salesforce;

import io.loyaltybridge.sandbox.CallCounters;
import io.loyaltybridge.sandbox.Faults;
import io.loyaltybridge.sandbox.salesforce.data.OrgData;
import io.loyaltybridge.sandbox.salesforce.data.Schemas;
import io.loyaltybridge.sandbox.salesforce.http.HttpFront;
import io.loyaltybridge.sandbox.salesforce.http.Peer;
import io.loyaltybridge.sandbox.salesforce.http.Sessions;
import io.loyaltybridge.sandbox.salesforce.pubsub.CdcSchemas;
import io.loyaltybridge.sandbox.salesforce.pubsub.EventLog;
import io.loyaltybridge.sandbox.salesforce.pubsub.PubSubServer;

import java.util.List;
import java.util.Map;

/**
 * A Salesforce org on loopback that the real camel-salesforce client can talk to: OAuth, REST query, sObject
 * Collections, Bulk API 2.0 query jobs and the Pub/Sub API with change events. Start one per test class:
 * <pre>{@code
 * try (SalesforceSandbox sf = SalesforceSandbox.start(SandboxOptions.defaults())) {
 *     sf.seed(500, 2_000, 42);
 *     // point camel's salesforce component at sf.loginUrl(), sf.pubSubHost(), sf.pubSubPort()
 * }
 * }</pre>
 */
public final class SalesforceSandbox implements AutoCloseable {
    public static final String ORG_ID = "00D5e000000LoyAEAS";
    public static final String USER_ID = "0055e000001SbxUAAS";

    private final Peer peer;
    private final EventLog events;
    private final HttpFront http;
    private final PubSubServer pubSub;
    private final SandboxAdmin admin;
    private final Seeder seeder;

    private SalesforceSandbox(SandboxOptions options) throws Exception {
        Schemas schemas = new Schemas(options.singleCurrency() == null, options.personAccounts().enabled(),
                options.feedbackManagement());
        CdcSchemas cdc = new CdcSchemas(schemas);
        this.events = new EventLog(cdc, options.clock());
        OrgData org = new OrgData(schemas, options.clock(), USER_ID, events::append);
        Faults faults = new Faults();
        this.peer = new Peer(options, org, new Sessions(faults, options.clock(), options.sessionLifetime(), ORG_ID),
                faults, new CallCounters(), ORG_ID, USER_ID);
        String account = org.write("", options.clock().millis(), false, tx -> org.writer()
                .insert(tx, schemas.get(Schemas.ACCOUNT), Map.of("Name", "Loyalty Members"))).id();
        Seeder.products(org);
        // The organization record carries the org's currency: the single currency, or the corporate one.
        org.write("", options.clock().millis(), false, tx -> org.writer().insert(tx, schemas.get(Schemas.ORGANIZATION),
                Map.of("Name", "LoyaltyBridge Sandbox", "DefaultCurrencyIsoCode",
                        options.singleCurrency() == null ? "USD" : options.singleCurrency())).id());
        this.admin = new SandboxAdmin(org, account);
        this.seeder = new Seeder(org, account, options.personAccounts());
        this.http = new HttpFront(peer);
        http.start(options.loginPort(), options.instancePort());
        this.pubSub = new PubSubServer(peer, cdc, events, options.pubSubPort());
    }

    public static SalesforceSandbox start(SandboxOptions options) {
        try {
            return new SalesforceSandbox(options);
        } catch (Exception e) {
            throw new IllegalStateException("Salesforce sandbox did not start: " + e.getMessage(), e);
        }
    }

    /** Where clients log in, e.g. {@code http://127.0.0.1:41234} (camel's {@code loginUrl}). */
    public String loginUrl() {
        return peer.loginUrl();
    }

    /** The org's instance URL returned as {@code instance_url} in token responses (a different port). */
    public String instanceUrl() {
        return peer.instanceUrl();
    }

    public String pubSubHost() {
        return "127.0.0.1";
    }

    public int pubSubPort() {
        return pubSub.port();
    }

    public SandboxOptions options() {
        return peer.options;
    }

    public String orgId() {
        return ORG_ID;
    }

    public SandboxAdmin admin() {
        return admin;
    }

    /** Platform events published to the org, oldest first, each with its fields as received, Id and EventType. */
    public java.util.List<java.util.Map<String, Object>> publishedEvents() {
        return java.util.List.copyOf(peer.publishedEvents);
    }

    public Faults faults() {
        return peer.faults;
    }

    /** API calls served, by operation: token, revoke, query, queryAll, queryMore, composite.update, bulk.create... */
    public CallCounters calls() {
        return peer.calls;
    }

    /** API requests counted against the daily limit so far. */
    public long apiUsage() {
        return peer.apiUsage.get();
    }

    /** The current {@code Sforce-Limit-Info} header value. */
    public String limitInfo() {
        return peer.limitInfo();
    }

    /**
     * Seeds contacts and orders from {@code seed}; returns the new contacts' ids in creation order (for a person
     * account, its person contact's id: {@code admin().field(id, "AccountId")} is the account).
     */
    public List<String> seed(int contacts, int orders, long seed) {
        return seeder.seed(contacts, orders, seed);
    }

    /** Product ids by product code, for orders created through the admin API or the REST API. */
    public String productId(String productCode) {
        return admin.productId(productCode);
    }

    public int openPubSubStreams() {
        return pubSub.openStreams();
    }

    public int retainedEvents() {
        return events.size();
    }

    @Override
    public void close() {
        try {
            pubSub.close();
            http.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
