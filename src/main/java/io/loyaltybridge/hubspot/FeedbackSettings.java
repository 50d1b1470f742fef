package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Setting;

import java.util.List;
import java.util.Locale;

/** The loyalty.hubspot.feedback.* keys: reading survey answers (feedback_submissions), declared once. */
final class FeedbackSettings {
    static final Setting<Boolean> ENABLED = new Setting<>("loyalty.hubspot.feedback.enabled",
            raw -> switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("not a boolean");
            }, true, v -> null, "read HubSpot survey answers (feedback_submissions) while the connector runs");
    static final Setting<Integer> POLL_MS = Setting.integer("loyalty.hubspot.feedback.poll-interval-ms", 60_000, 100,
            86_400_000, "milliseconds between two reads of the survey answers changed since the last one");
    /** At most 100, so that a batch's contacts take one associations call. */
    static final Setting<Integer> BATCH_SIZE = Setting.integer("loyalty.hubspot.feedback.batch-size", 100, 1, 100,
            "survey answers per search page, stored as one batch (one search and one associations call each)");
    static final Setting<Integer> MISSING_SCOPE_RETRY_MS = Setting.integer(
            "loyalty.hubspot.feedback.missing-scope-retry-ms", 3_600_000, 1_000, 86_400_000,
            "after HubSpot refused the survey answers for a missing scope (403), how long before asking again");

    static final List<Setting<?>> ALL = List.of(ENABLED, POLL_MS, BATCH_SIZE, MISSING_SCOPE_RETRY_MS);

    private FeedbackSettings() {
    }
}
