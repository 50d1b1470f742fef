package io.loyaltybridge.notify;

import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Setting;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The notification keys (loyalty.notify.*). Every channel is off unless switched on. */
public final class NotifySettings {
    public static final Setting<Path> TEMPLATES = Setting.path("loyalty.notify.templates-file",
            "config/notifications.yaml", "notification templates, relative to the working directory");
    public static final Setting<Boolean> SALESFORCE = flag("loyalty.notify.salesforce.enabled",
            "deliver events to Salesforce (needs the Salesforce connector)");
    public static final Setting<String> SALESFORCE_MODE = choice("loyalty.notify.salesforce.mode", "task",
            List.of("task", "platform-event"), "a Task on the contact, or a Loyalty_Event__e platform event");
    public static final Setting<Boolean> HUBSPOT = flag("loyalty.notify.hubspot.enabled",
            "deliver events to HubSpot as a note on the contact and loyalty_last_event properties (needs the"
                    + " HubSpot connector)");
    public static final Setting<Boolean> WEBHOOKS = flag("loyalty.notify.webhooks.enabled",
            "deliver events to the webhook subscriptions");
    public static final Setting<Integer> POLL_MS = Setting.integer("loyalty.notify.poll-interval-ms", 5_000, 100,
            3_600_000, "time between two passes over each channel's delivery queue");
    public static final Setting<Integer> BATCH = Setting.integer("loyalty.notify.batch-size", 50, 1, 1_000,
            "deliveries a channel takes per pass");
    public static final Setting<Integer> RETRY_BASE_MS = Setting.integer("loyalty.notify.retry-base-ms", 10_000, 10,
            3_600_000, "wait before the first retry of a failed delivery; doubled at each attempt (at most 6 hours)");
    public static final Setting<Integer> MAX_ATTEMPTS = Setting.integer("loyalty.notify.max-attempts", 10, 1, 100,
            "attempts before a delivery is marked failed for good");
    public static final Setting<Integer> LEASE_SECONDS = Setting.integer("loyalty.notify.lease-seconds", 120, 5,
            3_600, "a delivery taken but not settled by then (the process died) is due again");
    public static final Setting<Integer> WEBHOOK_TIMEOUT_MS = Setting.integer("loyalty.notify.webhook-timeout-ms",
            10_000, 100, 120_000, "time a webhook receiver has to answer");
    public static final Setting<Boolean> ALLOW_PRIVATE_TARGETS = flag("loyalty.notify.webhooks.allow-private-targets",
            "let webhook subscriptions point to loopback, link-local and private addresses (receivers inside the"
                    + " network); false refuses them, against server-side request forgery");
    public static final Setting<String> WIN_BACK_RISK = choice("loyalty.notify.win-back-risk", "high",
            List.of("high", "medium"), "churn risk level at which a member gets the win-back event");

    public static final List<Setting<?>> ALL = List.of(TEMPLATES, SALESFORCE, SALESFORCE_MODE, HUBSPOT, WEBHOOKS,
            POLL_MS, BATCH, RETRY_BASE_MS, MAX_ATTEMPTS, LEASE_SECONDS, WEBHOOK_TIMEOUT_MS, WIN_BACK_RISK,
            ALLOW_PRIVATE_TARGETS);

    private NotifySettings() {
    }

    /** What the core needs at assembly. */
    public static NotifyOptions options(Config config) {
        Set<String> crm = new HashSet<>();
        if (config.get(SALESFORCE)) {
            crm.add("salesforce");
        }
        if (config.get(HUBSPOT)) {
            crm.add("hubspot");
        }
        return new NotifyOptions(crm, config.get(WEBHOOKS), config.get(WIN_BACK_RISK));
    }

    private static Setting<Boolean> flag(String name, String doc) {
        return new Setting<>(name, raw -> switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("true or false");
        }, false, value -> null, doc);
    }

    private static Setting<String> choice(String name, String defaultValue, List<String> allowed, String doc) {
        return new Setting<>(name, raw -> raw.strip().toLowerCase(Locale.ROOT), defaultValue,
                value -> allowed.contains(value) ? null : "must be one of " + String.join(", ", allowed), doc);
    }
}
