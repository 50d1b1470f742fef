package io.loyaltybridge.app;

import java.util.List;
import java.util.Locale;

/** The loyalty.cluster.* keys: several instances on one database (README: "Running several instances"). */
public final class ClusterSettings {
    public static final Setting<Boolean> ENABLED = new Setting<>("loyalty.cluster.enabled", raw ->
            switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("true or false");
            }, false, value -> null, "true when several instances share the database: clustered Quartz job store"
            + " and leases for what must run on one instance at a time");
    public static final Setting<Integer> LEASE_SECONDS = Setting.integer("loyalty.cluster.lease-seconds", 15, 2, 600,
            "lifetime of a lease (renewed every third of it); a stopped instance's subscriptions move after it");
    public static final Setting<Integer> CHECKIN_MS = Setting.integer("loyalty.cluster.checkin-interval-ms", 5_000,
            200, 600_000, "how often each instance tells Quartz it is alive; the jobs of one silent for longer are"
            + " taken over");

    public static final List<Setting<?>> ALL = List.of(ENABLED, LEASE_SECONDS, CHECKIN_MS);

    private ClusterSettings() {
    }
}
