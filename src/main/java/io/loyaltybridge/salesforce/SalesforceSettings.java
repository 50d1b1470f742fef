package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.Setting;
import io.loyaltybridge.sync.ProfileAttribute;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every {@code loyalty.salesforce.*} key, declared once with its default and what values it allows. */
final class SalesforceSettings {
    static final Setting<Boolean> ENABLED = SettingTypes.bool("loyalty.salesforce.enabled", false,
            "turns the Salesforce connector on; off, no Salesforce route is created");
    static final Setting<String> LOGIN_URL = Setting.text("loyalty.salesforce.login-url",
            "https://login.salesforce.com", "where the connector logs in: the org's My Domain URL"
                    + " (https://yourcompany.my.salesforce.com), required by auth=client-credentials");
    static final Setting<String> AUTH = SettingTypes.choice("loyalty.salesforce.auth", "client-credentials",
            List.of("client-credentials", "refresh-token", "jwt"), "OAuth flow; its secrets come from the environment");
    static final Setting<Path> JWT_KEYSTORE = new Setting<>("loyalty.salesforce.jwt.keystore",
            raw -> Path.of(raw.strip()), null, value -> null,
            "PKCS12 keystore with the JWT signing key (auth=jwt); its password is SALESFORCE_JWT_KEYSTORE_PASSWORD");
    static final Setting<String> JWT_AUDIENCE = new Setting<>("loyalty.salesforce.jwt.audience", String::strip, null,
            v -> v.matches("https://[^/\\s]+") ? null : "must be a URL such as https://login.salesforce.com",
            "the JWT assertion's aud (auth=jwt); unset, https://test.salesforce.com for a sandbox org's login URL"
                    + " (test.salesforce.com, *.sandbox.my.salesforce.com), else https://login.salesforce.com");
    static final Setting<String> API_VERSION = new Setting<>("loyalty.salesforce.api-version", String::strip, "62.0",
            v -> v.matches("\\d{2}\\.0") ? null : "must look like 62.0", "Salesforce REST API version");
    static final Setting<String> PUBSUB_HOST = Setting.text("loyalty.salesforce.pubsub.host",
            "api.pubsub.salesforce.com", "Pub/Sub API host for change events");
    static final Setting<Integer> PUBSUB_PORT = Setting.integer("loyalty.salesforce.pubsub.port", 7443, 1, 65535,
            "Pub/Sub API port");
    static final Setting<Boolean> PUBSUB_PLAINTEXT = SettingTypes.bool("loyalty.salesforce.pubsub.plaintext", false,
            "gRPC without TLS: only for a local test peer, never for Salesforce itself");
    static final Setting<Boolean> CDC = SettingTypes.bool("loyalty.salesforce.cdc.enabled", true,
            "subscribe to ContactChangeEvent and OrderChangeEvent, and AccountChangeEvent in an org with person accounts"
                    + " (Change Data Capture must be on for each)");
    static final Setting<Integer> EVENTS_BATCH = Setting.integer("loyalty.salesforce.events.batch-size", 200, 1, 200,
            "record ids of change events gathered into one batch: read with one queryAll, settled in one transaction");
    static final Setting<Integer> EVENTS_LINGER_MS = Setting.integer("loyalty.salesforce.events.linger-ms", 300, 10,
            60_000, "how often the change events gathered so far are taken in as a batch, full or not (the longest"
                    + " an event waits for its batch)");
    static final Setting<Integer> POLL_SECONDS = Setting.integer("loyalty.salesforce.poll.period-seconds", 300, 1,
            86_400, "how often the incremental SOQL read runs (the safety net under change events)");
    static final Setting<Integer> LOOKBACK_SECONDS = Setting.integer("loyalty.salesforce.poll.lookback-seconds", 300,
            0, 86_400, "how far before the stored SystemModstamp each incremental read starts again");
    static final Setting<Integer> PUSH_PERIOD_MS = Setting.integer("loyalty.salesforce.push.period-ms", 100, 10,
            60_000, "how often the push asks the outbox whether a call is due (one indexed query)");
    static final Setting<Integer> PUSH_LINGER_MS = Setting.integer("loyalty.salesforce.push.linger-ms", 300, 0,
            600_000, "a call goes out once 200 contacts are ready or the oldest ready one has waited this long");
    static final Setting<Integer> PUSH_READ_HOLD_MS = Setting.integer("loyalty.salesforce.push.read-hold-ms", 2000,
            0, 600_000, "while a poll reads (a contact's orders follow it), the push waits for it, at most this long");
    static final Setting<Integer> PUSH_PARALLEL = Setting.integer("loyalty.salesforce.push.parallel-calls", 2, 1, 4,
            "while the outbox holds this many full calls (200 contacts each; a backfill's end), they go out side by side");
    static final Setting<Boolean> BACKFILL = SettingTypes.bool("loyalty.salesforce.backfill.enabled", true,
            "read a new org's contacts and orders once with Bulk API 2.0 query jobs");
    static final Setting<Integer> BULK_PAGE = Setting.integer("loyalty.salesforce.backfill.page-size", 10_000, 10,
            100_000, "records per Bulk API 2.0 result page (maxRecords)");
    // A batch's statements are a fixed cost (about twenty-five, and a commit): the Bulk backfill, which no API call
    // limits, takes the largest batches a transaction holds comfortably.
    static final Setting<Integer> BATCH = Setting.integer("loyalty.salesforce.batch-size", 2_000, 1, 5_000,
            "records taken in per database transaction during a backfill");
    static final Setting<Integer> LIMIT_SHARE = Setting.integer("loyalty.salesforce.limit.share-percent", 90, 1, 100,
            "above this share of the org's daily API requests, polls and pushes slow down");
    static final Setting<Integer> SLOW_SECONDS = Setting.integer("loyalty.salesforce.limit.slow-period-seconds", 300,
            1, 86_400, "when slowed down, at most one poll and one push per this many seconds");
    static final Setting<Integer> TIMEOUT_MS = Setting.integer("loyalty.salesforce.http.timeout-ms", 30_000, 100,
            600_000, "how long one Salesforce API call may take before it is failed and retried later");
    static final Setting<String> CONTACT_FIELD = Setting.text("loyalty.salesforce.order.contact-field",
            "BillToContactId", "Order field holding the buyer's Contact id");
    static final Setting<String> AMOUNT_FIELD = Setting.text("loyalty.salesforce.order.amount-field", "TotalAmount",
            "Order field holding the amount");
    static final Setting<String> DATE_FIELD = Setting.text("loyalty.salesforce.order.date-field", "EffectiveDate",
            "Order field holding when it was placed (date or datetime)");
    static final Setting<String> STATUS_FIELD = Setting.text("loyalty.salesforce.order.status-field", "Status",
            "Order field holding its status");
    static final Setting<String> EARNING_STATUSES = Setting.text("loyalty.salesforce.order.earning-statuses",
            "Activated", "comma-separated status values that earn; any other status (and a deleted order) earns nothing");
    static final Setting<String> CURRENCY_FIELD = Setting.text("loyalty.salesforce.order.currency-field",
            "CurrencyIsoCode", "Order field holding the ISO currency; 'none' in single-currency orgs");
    static final Setting<String> CURRENCY = new Setting<>("loyalty.salesforce.order.currency", String::strip, null,
            v -> v.matches("[A-Z]{3}") ? null : "must be an ISO 4217 code", "the org's currency when an order has none");
    static final Setting<String> REFUNDED_FIELD = new Setting<>("loyalty.salesforce.order.refunded-field",
            String::strip, null, v -> v.isEmpty() ? "must not be empty" : null,
            "optional custom Order field with the refunded amount (the standard Order has none)");
    static final Setting<String> BUYER = new Setting<>("loyalty.salesforce.order.buyer", String::strip,
            "contact-field,person-account", SalesforceSettings::buyerProblem,
            "how an order finds its buyer, tried in this order: contact-field (the order.contact-field, BillToContactId)"
                    + " and person-account (AccountId, when it is a person account)");

    /** Default Contact field per attribute; {@code loyalty.salesforce.field.<attribute>} changes it, 'none' drops it. */
    static final Map<ProfileAttribute, String> DEFAULT_FIELDS = Map.ofEntries(
            Map.entry(ProfileAttribute.MEMBER_ID, "Loyalty_Member_Id__c"),
            Map.entry(ProfileAttribute.TIER, "Loyalty_Tier__c"), Map.entry(ProfileAttribute.POINTS, "Loyalty_Points__c"),
            Map.entry(ProfileAttribute.SEGMENT, "Loyalty_Segment__c"),
            Map.entry(ProfileAttribute.NEXT_TIER, "Loyalty_Next_Tier__c"),
            Map.entry(ProfileAttribute.POINTS_TO_NEXT_TIER, "Loyalty_Points_To_Next_Tier__c"),
            Map.entry(ProfileAttribute.POINTS_EXPIRING, "Loyalty_Points_Expiring__c"),
            Map.entry(ProfileAttribute.POINTS_EXPIRING_ON, "Loyalty_Points_Expiring_On__c"),
            Map.entry(ProfileAttribute.CLTV, "Loyalty_CLTV__c"),
            Map.entry(ProfileAttribute.CHURN_RISK, "Loyalty_Churn_Risk__c"),
            Map.entry(ProfileAttribute.REFERRAL_CODE, "Loyalty_Referral_Code__c"),
            Map.entry(ProfileAttribute.POINTS_TO_KEEP_TIER, "Loyalty_Points_To_Keep_Tier__c"),
            Map.entry(ProfileAttribute.PROJECTED_TIER, "Loyalty_Projected_Tier__c"),
            Map.entry(ProfileAttribute.TIER_EXPIRES_ON, "Loyalty_Tier_Expires_On__c"),
            Map.entry(ProfileAttribute.DOWNGRADE_RISK, "Loyalty_Downgrade_Risk__c"),
            Map.entry(ProfileAttribute.NEXT_BEST_OFFER, "Loyalty_Next_Best_Offer__c"),
            Map.entry(ProfileAttribute.PREFERRED_CATEGORY, "Loyalty_Preferred_Category__c"),
            Map.entry(ProfileAttribute.BADGES, "Loyalty_Badges__c"),
            Map.entry(ProfileAttribute.CASHBACK, "Loyalty_Cashback__c"),
            Map.entry(ProfileAttribute.PENDING_POINTS, "Loyalty_Pending_Points__c"),
            Map.entry(ProfileAttribute.LAST_FEEDBACK_SCORE, "Loyalty_Last_Feedback_Score__c"),
            Map.entry(ProfileAttribute.NPS_CATEGORY, "Loyalty_NPS_Category__c"),
            Map.entry(ProfileAttribute.LAST_FEEDBACK_ON, "Loyalty_Last_Feedback_On__c"),
            Map.entry(ProfileAttribute.UPDATED_AT, "Loyalty_Updated_At__c"));

    static final Map<ProfileAttribute, Setting<String>> FIELDS = fields();

    static final List<Setting<?>> ALL = all();

    private SalesforceSettings() {
    }

    private static String buyerProblem(String value) {
        List<String> ways = java.util.Arrays.stream(value.split(",")).map(String::strip).toList();
        boolean known = ways.stream().allMatch(w -> w.equals("contact-field") || w.equals("person-account"));
        return known && !ways.isEmpty() && ways.stream().distinct().count() == ways.size() ? null
                : "must list contact-field and/or person-account, each once, comma-separated";
    }

    private static Map<ProfileAttribute, Setting<String>> fields() {
        Map<ProfileAttribute, Setting<String>> fields = new java.util.EnumMap<>(ProfileAttribute.class);
        for (ProfileAttribute attribute : ProfileAttribute.values()) {
            fields.put(attribute, new Setting<>("loyalty.salesforce.field." + attribute.key(), String::strip,
                    DEFAULT_FIELDS.get(attribute),
                    v -> v.equals("none") || v.matches("[A-Za-z][A-Za-z0-9_]*") ? null : "must be a field API name",
                    "Contact field showing the member's " + attribute.key() + "; 'none' leaves it out"));
        }
        return fields;
    }

    private static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(List.of(ENABLED, LOGIN_URL, AUTH, JWT_KEYSTORE, JWT_AUDIENCE,
                API_VERSION, PUBSUB_HOST, PUBSUB_PORT, PUBSUB_PLAINTEXT, CDC, EVENTS_BATCH, EVENTS_LINGER_MS, POLL_SECONDS,
                LOOKBACK_SECONDS, PUSH_PERIOD_MS, PUSH_LINGER_MS, PUSH_READ_HOLD_MS, PUSH_PARALLEL, BACKFILL, BULK_PAGE,
                BATCH,
                LIMIT_SHARE, SLOW_SECONDS, TIMEOUT_MS, CONTACT_FIELD,
                AMOUNT_FIELD, DATE_FIELD, STATUS_FIELD, EARNING_STATUSES, CURRENCY_FIELD, CURRENCY, REFUNDED_FIELD, BUYER));
        for (ProfileAttribute attribute : ProfileAttribute.values()) {
            all.add(FIELDS.get(attribute));
        }
        return List.copyOf(all);
    }
}
