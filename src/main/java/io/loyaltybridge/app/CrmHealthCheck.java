package io.loyaltybridge.app;

import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.SyncStores;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Readiness of one connected CRM, judged from the sync's own record: ready once a read or write has succeeded, and
 * as long as the latest outcome of its streams is a success rather than an error.
 */
final class CrmHealthCheck extends AbstractHealthCheck {
    private final String system;
    private final Transactions tx;
    private final SyncStores stores;

    CrmHealthCheck(String system, Transactions tx, SyncStores stores) {
        super("loyaltybridge", "crm-" + system);
        this.system = system;
        this.tx = tx;
        this.stores = stores;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<PgSyncSources.Source> streams = tx.read(() -> stores.sources().all()).stream()
                .filter(s -> s.system().equals(system)).toList();
        Instant success = latest(streams.stream().map(PgSyncSources.Source::lastSuccessAt).toList());
        PgSyncSources.Source failing = streams.stream().filter(s -> s.lastErrorAt() != null)
                .max(java.util.Comparator.comparing(PgSyncSources.Source::lastErrorAt)).orElse(null);
        var stop = tx.read(() -> new io.loyaltybridge.store.PgStreamStops(tx).of(system)).stream().findFirst();
        if (stop.isPresent()) {
            builder.down().message(system + " " + stop.get().object() + " stopped: " + stop.get().reason());
        } else if (success == null) {
            builder.down().message(system + " not reached yet");
        } else if (failing != null && failing.lastErrorAt().isAfter(success)) {
            builder.down().message(system + " " + failing.object() + " failing since " + failing.lastErrorAt());
        } else {
            builder.up();
        }
    }

    private static Instant latest(List<Instant> instants) {
        return instants.stream().filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
