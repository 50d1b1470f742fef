package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Setting;
import io.loyaltybridge.sync.ProfileAttribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every loyalty.hubspot.* key, declared once with its default and its check. */
final class HubSpotSettings {
    static final Setting<Boolean> ENABLED = flag("loyalty.hubspot.enabled", false,
            "run the HubSpot connector (needs HUBSPOT_ACCESS_TOKEN, or the OAuth secrets)");
    static final Setting<String> BASE_URL = Setting.text("loyalty.hubspot.base-url", "https://api.hubapi.com",
            "HubSpot API base URL");
    static final Setting<String> AUTH = choice("loyalty.hubspot.auth", "private-app", List.of("private-app", "oauth"),
            "private-app: Bearer token from HUBSPOT_ACCESS_TOKEN; oauth: refreshed from HUBSPOT_REFRESH_TOKEN");
    static final Setting<String> ORDER_OBJECT = choice("loyalty.hubspot.order-object", "orders",
            List.of("orders", "deals"), "which HubSpot object is an order: the commerce object or closed deals");
    static final Setting<String> ORDER_EARNING_STAGES = list("loyalty.hubspot.orders.earning-stages",
            "processed,shipped,delivered", "order pipeline stages that count as a completed purchase");
    static final Setting<String> ORDER_REFUNDED_STAGES = list("loyalty.hubspot.orders.refunded-stages",
            "refunded,partially_refunded", "order stages that mean (part of) the money went back");
    static final Setting<String> DEAL_EARNING_STAGES = list("loyalty.hubspot.deals.earning-stages", "closedwon",
            "deal stages that count as a completed purchase; every other stage counts as cancelled");
    static final Setting<String> REFUNDED_AMOUNT_PROPERTY = optional("loyalty.hubspot.refunded-amount-property",
            "order or deal property holding the amount refunded; unset: refunds are all or nothing");
    static final Setting<String> LINE_CATEGORY_PROPERTY = new Setting<>("loyalty.hubspot.line-items.category-property",
            String::strip, null, v -> v.matches("[a-z][a-z0-9_]*") ? null
                    : "must be a HubSpot property name (lowercase letters, digits, '_')",
            "line item property holding the product category (category multipliers); unset: lines have no category");
    static final Setting<String> BIRTH_DATE_PROPERTY = Setting.text("loyalty.hubspot.birth-date-property",
            "date_of_birth", "contact property holding the birth date");
    static final Setting<String> CONSENT_OPTOUT_PROPERTY = Setting.text("loyalty.hubspot.consent.optout-property",
            "hs_email_optout", "yes/no contact property that is true when the contact opted out of marketing email"
                    + " (then: no marketing consent); 'none' to not read one");
    static final Setting<String> CONSENT_PROPERTY = optional("loyalty.hubspot.consent.property",
            "yes/no contact property holding the contact's marketing consent; when set and filled it decides");
    static final Setting<Integer> POLL_MS = Setting.integer("loyalty.hubspot.poll-interval-ms", 30_000, 100,
            86_400_000, "milliseconds between two incremental syncs (searches; the push runs on its own)");
    static final Setting<Integer> PUSH_PERIOD_MS = Setting.integer("loyalty.hubspot.push.period-ms", 100, 10, 60_000,
            "how often the push asks the outbox whether a batch update is due (one indexed query)");
    static final Setting<Integer> PUSH_LINGER_MS = Setting.integer("loyalty.hubspot.push.linger-ms", 300, 0, 600_000,
            "a batch update goes out once 100 contacts are ready or the oldest ready one has waited this long");
    static final Setting<Integer> PUSH_READ_HOLD_MS = Setting.integer("loyalty.hubspot.push.read-hold-ms", 2000, 0,
            600_000, "while a sync cycle reads (a contact's orders follow it), the push waits for it, at most this long");
    static final Setting<Integer> LOOKBACK_SECONDS = Setting.integer("loyalty.hubspot.lookback-seconds", 300, 0,
            86_400, "each search starts this long before the last modified time seen (search indexing lags)");
    static final Setting<Integer> PAGE_SIZE = Setting.integer("loyalty.hubspot.search.page-size", 200, 1, 200,
            "records per search page");
    static final Setting<Integer> SEARCHES_PER_SECOND = Setting.integer("loyalty.hubspot.search.per-second", 5, 1,
            5, "search requests per second at most");
    static final Setting<Integer> SHARE = Setting.integer("loyalty.hubspot.rate-limit.share-percent", 80, 1, 100,
            "share of the account's 10-second and daily API budgets this connector may use");
    static final Setting<Integer> PAUSE_AFTER_429 = Setting.integer("loyalty.hubspot.rate-limit.pause-after-429-ms",
            0, 0, 600_000, "pause after a 429; 0 waits out the interval HubSpot reports");
    static final Setting<Integer> TIMEOUT_MS = Setting.integer("loyalty.hubspot.http.timeout-ms", 60_000, 100,
            600_000, "how long one HubSpot API call may wait for its answer before it fails and is tried again later");
    static final Setting<String> WEBHOOK_URL = optional("loyalty.hubspot.webhook.public-url",
            "the webhook URL exactly as configured in HubSpot (signatures cover it); unset: "
                    + "http://localhost:<camel.server.port>/webhooks/hubspot");
    static final Setting<String> APP_ID = optional("loyalty.hubspot.app-id",
            "id of the HubSpot app whose token we use; its own property changes are ignored (echo suppression)");
    static final Setting<String> PROPERTY_GROUP = Setting.text("loyalty.hubspot.property-group", "loyalty",
            "contact property group that holds the loyalty properties");

    /** loyalty.hubspot.field.&lt;attribute&gt;: the contact property showing each attribute. */
    static final Map<ProfileAttribute, Setting<String>> FIELDS = fields();

    private HubSpotSettings() {
    }

    static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(List.of(ENABLED, BASE_URL, AUTH, ORDER_OBJECT, ORDER_EARNING_STAGES,
                ORDER_REFUNDED_STAGES, DEAL_EARNING_STAGES, REFUNDED_AMOUNT_PROPERTY, LINE_CATEGORY_PROPERTY, BIRTH_DATE_PROPERTY, POLL_MS,
                PUSH_PERIOD_MS, PUSH_LINGER_MS, PUSH_READ_HOLD_MS,
                LOOKBACK_SECONDS, PAGE_SIZE, SEARCHES_PER_SECOND, SHARE, PAUSE_AFTER_429, TIMEOUT_MS, WEBHOOK_URL,
                APP_ID, PROPERTY_GROUP, CONSENT_OPTOUT_PROPERTY, CONSENT_PROPERTY));
        all.addAll(FIELDS.values());
        return List.copyOf(all);
    }

    static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<ProfileAttribute, Setting<String>> fields() {
        Map<ProfileAttribute, Setting<String>> fields = new EnumMap<>(ProfileAttribute.class);
        for (ProfileAttribute a : ProfileAttribute.values()) {
            String property = "loyalty_" + a.name().toLowerCase(Locale.ROOT);
            fields.put(a, new Setting<>("loyalty.hubspot.field." + a.key(), String::strip, property,
                    v -> v.equals("none") || v.matches("[a-z][a-z0-9_]*") ? null
                            : "must be a HubSpot property name (lowercase letters, digits, '_'), or none",
                    "contact property showing the member's " + a.key().replace('-', ' ') + "; none: not synced"));
        }
        return fields;
    }

    private static Setting<Boolean> flag(String name, boolean defaultValue, String doc) {
        return new Setting<>(name, raw -> switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        }, defaultValue, v -> null, doc);
    }

    private static Setting<String> choice(String name, String defaultValue, List<String> allowed, String doc) {
        return new Setting<>(name, String::strip, defaultValue,
                v -> allowed.contains(v) ? null : "must be one of " + allowed, doc);
    }

    private static Setting<String> list(String name, String defaultValue, String doc) {
        return new Setting<>(name, String::strip, defaultValue,
                v -> split(v).isEmpty() ? "must name at least one stage" : null, doc);
    }

    private static Setting<String> optional(String name, String doc) {
        return new Setting<>(name, String::strip, null, v -> null, doc);
    }
}
