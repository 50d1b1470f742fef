package io.loyaltybridge.app;

import io.loyaltybridge.hubspot.HubSpotModule;
import io.loyaltybridge.notify.NotifySettings;
import io.loyaltybridge.salesforce.SalesforceModule;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every key LoyaltyBridge reads from {@code config/application.properties} (or {@code -Dkey=value}). Secrets are
 * not among them: they come from the environment variables in {@link #SECRETS}.
 */
public final class Settings {
    public static final Setting<Integer> SERVER_PORT = Setting.integer("camel.server.port", 8080, 1, 65535,
            "HTTP port of the API and the status page");
    public static final Setting<String> SERVER_HOST = Setting.text("camel.server.host", "0.0.0.0",
            "address the API listens on: 0.0.0.0 every interface, 127.0.0.1 this machine only (sandbox mode always"
                    + " binds 127.0.0.1)");
    public static final Setting<String> DB_URL = Setting.text("loyalty.db.url", null,
            "JDBC URL of a PostgreSQL 15+ server; unset: embedded PostgreSQL under loyalty.data-dir");
    public static final Setting<Integer> DB_POOL_SIZE = Setting.integer("loyalty.db.pool-size", 10, 1, 200,
            "database connections the app keeps open at most");
    public static final Setting<Integer> SETTLE_PARTITIONS = Setting.integer("loyalty.settle.partitions", 1, 1, 16,
            "threads a large CRM batch of orders is settled on, cut into parts by member (referrers kept with their"
                    + " referees), each part in its own transaction");
    public static final Setting<Path> DATA_DIR = Setting.path("loyalty.data-dir", "data",
            "folder for the embedded PostgreSQL's files, relative to the working directory");
    public static final Setting<Integer> EMBEDDED_DB_PORT = Setting.integer("loyalty.db.embedded-port", 0, 0, 65535,
            "port of the embedded PostgreSQL; 0 picks a free one");
    public static final Setting<Integer> MAX_BODY_BYTES = Setting.integer("loyalty.api.max-body-bytes", 1_048_576,
            1024, 64 * 1_048_576, "largest request body the API accepts, in bytes");
    public static final Setting<Integer> PAGE_SIZE = Setting.integer("loyalty.api.page-size", 50, 1, 500,
            "entries per ledger page when the caller gives no limit");

    public static final Setting<Path> PROGRAM_FILE = Setting.path("loyalty.program.file", "config/program.yaml",
            "the loyalty program file, relative to the working directory");

    public static final Setting<Integer> SANDBOX_CUSTOMERS = Setting.integer("loyalty.sandbox.customers", 2_000, 10,
            1_000_000, "customers of the generated shop in sandbox mode (some in both CRMs)");
    public static final Setting<Integer> SANDBOX_ORDERS = Setting.integer("loyalty.sandbox.orders", 20_000, 0,
            10_000_000, "orders over two years in the generated shop in sandbox mode");
    public static final Setting<Integer> SANDBOX_ORDERS_PER_MINUTE = Setting.integer(
            "loyalty.sandbox.orders-per-minute", 60, 0, 60_000, "new orders a minute while sandbox mode runs");
    public static final Setting<Integer> SANDBOX_SEED = Setting.integer("loyalty.sandbox.seed", 42, 0,
            Integer.MAX_VALUE, "seed of the generated shop (the same seed gives the same shop)");
    public static final Setting<String> SANDBOX_PERSON_ACCOUNTS = new Setting<>(
            "loyalty.sandbox.salesforce-person-accounts", String::strip, "none",
            v -> List.of("none", "persons", "mixed").contains(v) ? null : "must be none, persons or mixed",
            "the Salesforce sandbox's shoppers: Contacts (none), person accounts (persons) or both (mixed)");

    private static final List<Setting<?>> CORE = List.of(PROGRAM_FILE, SERVER_PORT, SERVER_HOST, DB_URL, DB_POOL_SIZE, DATA_DIR,
            EMBEDDED_DB_PORT, MAX_BODY_BYTES, PAGE_SIZE, SANDBOX_CUSTOMERS, SANDBOX_ORDERS, SANDBOX_ORDERS_PER_MINUTE,
            SANDBOX_SEED, SANDBOX_PERSON_ACCOUNTS, SETTLE_PARTITIONS);

    /** The core's keys and each connector's own. */
    public static final List<Setting<?>> ALL = Stream.of(CORE, AccessSettings.ALL, ClusterSettings.ALL, SalesforceModule.SETTINGS,
            HubSpotModule.SETTINGS, NotifySettings.ALL).flatMap(List::stream).toList();

    /** Environment variables holding secrets, and what each is for. */
    public static final Map<String, String> SECRETS = secrets();

    private Settings() {
    }

    private static Map<String, String> secrets() {
        Map<String, String> all = new TreeMap<>(Map.of(
                "LOYALTY_API_TOKEN", "bearer token of the REST API; generated at each start when unset",
                "LOYALTY_DB_USER", "user for loyalty.db.url",
                "LOYALTY_DB_PASSWORD", "password for loyalty.db.url"));
        all.put("LOYALTY_API_TOKENS", "more API tokens, one per caller, as name:role:token,... (role one of read,"
                + " ingest, support, manager, admin; names go into the audit log)");
        all.putAll(SalesforceModule.SECRETS);
        all.putAll(HubSpotModule.SECRETS);
        return Map.copyOf(all);
    }
}
