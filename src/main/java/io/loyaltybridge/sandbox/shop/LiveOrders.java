package io.loyaltybridge.sandbox.shop;

import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the shop trading while sandbox mode runs: a new purchase by a random customer every so often, recorded in
 * their CRM as a real org would, so a viewer watches points, tiers and CRM fields move.
 */
public final class LiveOrders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveOrders.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-live-orders");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong placed = new AtomicLong();

    private LiveOrders() {
    }

    /** Starts placing {@code perMinute} orders a minute (none when 0). */
    public static LiveOrders start(ShopLoader.Loaded shop, SalesforceSandbox sf, HubSpotSandbox hs, int perMinute,
                                   long seed) {
        LiveOrders live = new LiveOrders();
        if (perMinute > 0) {
            Random random = new Random(seed);
            long everyMs = Math.max(1, 60_000L / perMinute);
            live.timer.scheduleAtFixedRate(() -> live.placeOne(shop, sf, hs, random), everyMs, everyMs,
                    TimeUnit.MILLISECONDS);
        }
        return live;
    }

    private void placeOne(ShopLoader.Loaded shop, SalesforceSandbox sf, HubSpotSandbox hs, Random random) {
        try {
            var customers = shop.shop().customers();
            Shop.Customer customer = customers.get(random.nextInt(customers.size()));
            ShopLoader.record(ShopSeed.purchase(customer, Instant.now(), random), shop.salesforceIds(),
                    shop.hubspotIds(), sf, hs);
            long n = placed.incrementAndGet();
            if (n % 50 == 0) {
                LOG.info("Sandbox shop: {} new orders placed since start", n);
            }
        } catch (RuntimeException e) {
            // A sandbox fault or a stop in progress: the next tick tries again.
            LOG.debug("Sandbox order not placed: {}", e.getMessage());
        }
    }

    public long placed() {
        return placed.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
