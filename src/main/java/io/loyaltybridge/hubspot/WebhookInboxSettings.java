package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Setting;

import java.util.List;

/** The webhook inbox's keys (loyalty.hubspot.webhook.*), declared apart from the sync's. */
final class WebhookInboxSettings {
    static final Setting<Integer> DRAIN_MS = Setting.integer("loyalty.hubspot.webhook.drain-interval-ms", 2_000, 100,
            600_000, "how often the webhook inbox is checked for events due again (a delivery is applied at once)");
    static final Setting<Integer> BATCH = Setting.integer("loyalty.hubspot.webhook.batch-size", 100, 1, 1_000,
            "records touched by waiting webhook events that start a drain at once (a batch read takes 100 ids)");
    static final Setting<Integer> MAX_EVENTS = Setting.integer("loyalty.hubspot.webhook.max-events", 2_000, 1,
            20_000, "webhook events one drain takes at most: everything waiting, up to this, is read with batch"
                    + " reads (100 ids a call per object type) and settled in one transaction");
    static final Setting<Integer> LINGER_MS = Setting.integer("loyalty.hubspot.webhook.linger-ms", 300, 10, 60_000,
            "how long events touching fewer than batch-size records wait for more before they are applied (a full"
                    + " batch is applied at once), so a burst of small deliveries is read and settled together");
    static final Setting<Integer> RETRY_BASE_MS = Setting.integer("loyalty.hubspot.webhook.retry-base-ms", 5_000, 10,
            3_600_000, "wait before an event that failed is tried again; doubled at each attempt (at most 15 minutes)");
    static final Setting<Integer> LEASE_SECONDS = Setting.integer("loyalty.hubspot.webhook.lease-seconds", 120, 5,
            3_600, "events taken but not settled by then (the process died) are due again");
    static final Setting<Integer> HOLD_MS = Setting.integer("loyalty.hubspot.webhook.hold-ms", 0, 0, 3_600_000,
            "events are applied no sooner than this after they arrive (lets a burst be applied together)");
    static final Setting<Integer> KEEP_DAYS = Setting.integer("loyalty.hubspot.webhook.keep-days", 7, 2, 365,
            "days the ids of applied events are kept to drop repeats (HubSpot retries for up to a day)");

    static final List<Setting<?>> ALL = List.of(DRAIN_MS, BATCH, MAX_EVENTS, LINGER_MS, RETRY_BASE_MS, LEASE_SECONDS, HOLD_MS,
            KEEP_DAYS);

    private WebhookInboxSettings() {
    }

    static WebhookDrain.Policy policy(Config config) {
        return new WebhookDrain.Policy(config.get(BATCH), config.get(LEASE_SECONDS), config.get(RETRY_BASE_MS),
                config.get(HOLD_MS), config.get(KEEP_DAYS), config.get(LINGER_MS), config.get(MAX_EVENTS));
    }
}
