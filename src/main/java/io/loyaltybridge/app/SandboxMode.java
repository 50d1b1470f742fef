package io.loyaltybridge.app;

import io.loyaltybridge.sandbox.SeedClock;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.shop.LiveOrders;
import io.loyaltybridge.sandbox.shop.Shop;
import io.loyaltybridge.sandbox.shop.ShopLoader;
import io.loyaltybridge.sandbox.shop.ShopSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole product without a CRM account: in-process Salesforce and HubSpot sandboxes seeded with a generated shop,
 * both connectors pointed at them, the app on its own fresh embedded database, and new orders arriving while it runs.
 */
public final class SandboxMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxMode.class);
    private static final String HUBSPOT_TOKEN = "sandbox-private-app-token";
    private static final String HUBSPOT_SECRET = "sandbox-app-secret";

    private final SalesforceSandbox salesforce;
    private final HubSpotSandbox hubspot;
    private final Application app;
    private final LiveOrders live;
    private final ShopLoader.Loaded shop;
    private final ScheduledExecutorService chores = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-chores");
        thread.setDaemon(true);
        return thread;
    });

    private SandboxMode(SalesforceSandbox salesforce, HubSpotSandbox hubspot, Application app, LiveOrders live,
                        ShopLoader.Loaded shop) {
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.app = app;
        this.live = live;
        this.shop = shop;
        // The nightly segment job would leave the demo's segment chart empty until 3 am: run it every few minutes.
        chores.scheduleWithFixedDelay(this::recomputeSegments, 1, 3, TimeUnit.MINUTES);
    }

    private void recomputeSegments() {
        try {
            app.core().jobs().segmentsAndCltv();
        } catch (RuntimeException e) {
            LOG.warn("Sandbox segment recompute failed: {}", e.getMessage());
        }
    }

    public static SandboxMode start(Path workDir, Map<String, String> overrides, Map<String, String> env) {
        // Configuration, program and routes are checked before the sandboxes start and the shop is seeded, with the
        // connector settings and secrets the sandboxes will supply (their addresses are not known yet).
        Map<String, String> planned = new HashMap<>(connectors("http://127.0.0.1:1", "127.0.0.1", 1,
                "http://127.0.0.1:1", "http://127.0.0.1:1/webhooks/hubspot"));
        planned.putAll(overrides);
        Config config = Preflight.check(workDir, planned, secrets(env, "sandbox", "sandbox")).config();
        int port = config.get(Settings.SERVER_PORT);
        String webhook = "http://localhost:" + port + "/webhooks/hubspot";
        SeedClock clock = new SeedClock();
        SalesforceSandbox sf = SalesforceSandbox.start(
                io.loyaltybridge.sandbox.salesforce.SandboxOptions.defaults().withClock(clock).withPersonAccounts(
                        io.loyaltybridge.sandbox.salesforce.PersonAccountShape.valueOf(
                                config.get(Settings.SANDBOX_PERSON_ACCOUNTS).toUpperCase(java.util.Locale.ROOT))));
        HubSpotSandbox hs = HubSpotSandbox.start(io.loyaltybridge.sandbox.hubspot.SandboxOptions.defaults()
                .token(HUBSPOT_TOKEN).appSecret(HUBSPOT_SECRET).clock(clock).webhookTarget(URI.create(webhook)));
        try {
            int customers = config.get(Settings.SANDBOX_CUSTOMERS);
            int orders = config.get(Settings.SANDBOX_ORDERS);
            long seed = config.get(Settings.SANDBOX_SEED);
            LOG.info("SANDBOX MODE: no real CRM is contacted. Seeding the sandbox shop: {} customers, {} orders over"
                    + " two years...", customers, orders);
            Shop shop = ShopSeed.generate(customers, orders, Instant.now(), seed);
            ShopLoader.Loaded loaded = ShopLoader.load(shop, sf, hs, clock);
            Map<String, String> all = new HashMap<>(connectors(sf.loginUrl(), sf.pubSubHost(), sf.pubSubPort(),
                    hs.baseUrl(), webhook));
            all.putAll(overrides);
            // A demo with generated data and a printed token is for this machine only, like the sandboxes' own ports.
            all.put(Settings.SERVER_HOST.name(), "127.0.0.1");
            if (config.get(Settings.DB_URL) == null) {
                all.putIfAbsent(Settings.DATA_DIR.name(), freshDataDir(workDir, config).toString());
            }
            Application app = Application.start(workDir, all,
                    secrets(env, sf.options().clientId(), sf.options().clientSecret()));
            LiveOrders live = LiveOrders.start(loaded, sf, hs, config.get(Settings.SANDBOX_ORDERS_PER_MINUTE),
                    seed + 1);
            LOG.info("SANDBOX MODE is running: Salesforce sandbox at {} (Pub/Sub on port {}), HubSpot sandbox at {};"
                            + " {} new orders a minute. Status page: {}/", sf.instanceUrl(), sf.pubSubPort(),
                    hs.baseUrl(), config.get(Settings.SANDBOX_ORDERS_PER_MINUTE), app.baseUrl());
            return new SandboxMode(sf, hs, app, live, loaded);
        } catch (RuntimeException e) {
            hs.close();
            sf.close();
            throw e;
        }
    }

    /** Both connectors on, pointed at the sandboxes (Pub/Sub without TLS: the peer is local). */
    private static Map<String, String> connectors(String loginUrl, String pubSubHost, int pubSubPort,
                                                  String hubspotUrl, String webhook) {
        return Map.of("loyalty.salesforce.enabled", "true", "loyalty.salesforce.login-url", loginUrl,
                "loyalty.salesforce.pubsub.host", pubSubHost,
                "loyalty.salesforce.pubsub.port", Integer.toString(pubSubPort),
                "loyalty.salesforce.pubsub.plaintext", "true", "loyalty.hubspot.enabled", "true",
                "loyalty.hubspot.base-url", hubspotUrl, "loyalty.hubspot.webhook.public-url", webhook,
                "loyalty.hubspot.refunded-amount-property", ShopLoader.REFUNDED_PROPERTY);
    }

    /** The environment with the sandboxes' credentials laid over it. */
    private static Map<String, String> secrets(Map<String, String> env, String clientId, String clientSecret) {
        Map<String, String> secrets = new HashMap<>(env);
        secrets.put("SALESFORCE_CLIENT_ID", clientId);
        secrets.put("SALESFORCE_CLIENT_SECRET", clientSecret);
        secrets.put("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN);
        secrets.put("HUBSPOT_APP_SECRET", HUBSPOT_SECRET);
        return secrets;
    }

    /** The sandboxes are new at every start, so their database is too: data/sandbox is emptied first. */
    private static Path freshDataDir(Path workDir, Config config) {
        Path dir = workDir.resolve(config.get(Settings.DATA_DIR)).resolve("sandbox");
        try {
            io.loyaltybridge.store.Database.releaseLeftBehind(dir);
        } catch (RuntimeException e) {
            throw new StartupException("cannot start on " + dir + ": " + e.getMessage(), e);
        }
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new StartupException("cannot empty " + dir + ": " + e.getMessage(), e);
            }
        }
        return dir;
    }

    public Application app() {
        return app;
    }

    public SalesforceSandbox salesforce() {
        return salesforce;
    }

    public HubSpotSandbox hubspot() {
        return hubspot;
    }

    /** The generated shop and where each customer is held in the sandbox CRMs. */
    public ShopLoader.Loaded shop() {
        return shop;
    }

    @Override
    public void close() {
        chores.shutdownNow();
        live.close();
        try {
            app.close();
        } finally {
            hubspot.close();
            salesforce.close();
        }
    }
}
