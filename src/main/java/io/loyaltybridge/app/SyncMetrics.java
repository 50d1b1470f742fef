package io.loyaltybridge.app;

import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.SyncStores;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sync and outbox figures for Prometheus. They are the database's (shared by every instance), so a snapshot is read
 * every few seconds rather than at each scrape; meters for a new CRM or stream appear as soon as it has a row.
 */
final class SyncMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncMetrics.class);
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final MeterRegistry registry;
    private final Transactions tx;
    private final SyncStores stores;
    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "loyalty-metrics");
        thread.setDaemon(true);
        return thread;
    });

    SyncMetrics(MeterRegistry registry, Transactions tx, SyncStores stores, Clock clock) {
        this.registry = registry;
        this.tx = tx;
        this.stores = stores;
        this.clock = clock;
        refresher.scheduleWithFixedDelay(this::refresh, 0, 5, TimeUnit.SECONDS);
    }

    private void refresh() {
        try {
            tx.read(() -> {
                for (PgSyncSources.Source s : stores.sources().all()) {
                    Tags tags = Tags.of("system", s.system(), "object", s.object());
                    counter("loyaltybridge_sync_records_in", tags, s.recordsIn(), "CRM records taken in");
                    counter("loyaltybridge_sync_records_out", tags, s.recordsOut(), "CRM records written");
                    counter("loyaltybridge_sync_api_calls", tags, s.apiCalls(), "CRM API calls made");
                    counter("loyaltybridge_sync_errors", tags, s.errors(), "sync errors");
                    gauge("loyaltybridge_sync_lag_seconds", tags, s.lastSuccessAt() == null ? Double.NaN
                            : Duration.between(s.lastSuccessAt(), clock.instant()).toSeconds(),
                            "seconds since the stream last read successfully");
                    Tags system = Tags.of("system", s.system());
                    gauge("loyaltybridge_outbox_depth", system, stores.outbox().depth(s.system()),
                            "members waiting to be pushed");
                    gauge("loyaltybridge_dead_letters_open", system, stores.deadLetters().openCount(s.system()),
                            "records that failed for good and wait for a replay");
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Sync metrics not refreshed: {}", e.getMessage());
        }
    }

    private void counter(String name, Tags tags, double value, String help) {
        String key = key(name, tags);
        values.put(key, value);
        if (registered.add(key)) {
            FunctionCounter.builder(name, values, v -> v.getOrDefault(key, 0.0)).tags(tags).description(help)
                    .register(registry);
        }
    }

    private void gauge(String name, Tags tags, double value, String help) {
        String key = key(name, tags);
        values.put(key, value);
        if (registered.add(key)) {
            Gauge.builder(name, values, v -> v.getOrDefault(key, Double.NaN)).tags(tags).description(help)
                    .register(registry);
        }
    }

    private static String key(String name, Tags tags) {
        return name + tags;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
