package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.Setting;

import java.util.List;
import java.util.Locale;

/** The loyalty.salesforce.feedback.* keys: reading Feedback Management's survey responses, declared once. */
final class SurveySettings {
    static final Setting<Boolean> ENABLED = new Setting<>("loyalty.salesforce.feedback.enabled",
            raw -> switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("not a boolean");
            }, true, v -> null, "read survey responses (Feedback Management) while the connector runs; an org"
                    + " without them turns the stream off by itself, with a note");
    static final Setting<Integer> POLL_MS = Setting.integer("loyalty.salesforce.feedback.poll-interval-ms", 60_000,
            100, 86_400_000, "milliseconds between two reads of the survey responses changed since the last one");
    /** At most 200, so that a batch's answers come back in one query (a few answered questions per response). */
    static final Setting<Integer> BATCH_SIZE = Setting.integer("loyalty.salesforce.feedback.batch-size", 200, 1, 200,
            "survey responses per batch: their question responses are one query, the batch one write");

    static final List<Setting<?>> ALL = List.of(ENABLED, POLL_MS, BATCH_SIZE);

    private SurveySettings() {
    }
}
