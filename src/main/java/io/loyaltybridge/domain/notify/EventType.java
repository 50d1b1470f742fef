package io.loyaltybridge.domain.notify;

import java.util.Locale;
import java.util.Set;

/**
 * What a member can be told about. Marketing types are only delivered to members who gave marketing consent; the
 * others are service messages about their own points.
 */
public enum EventType {
    POINTS_EARNED(false, "points", "account", "reason"), POINTS_REDEEMED(false, "points", "account", "reason"),
    TIER_UP(false, "tier", "previous_tier"), TIER_DOWN(false, "tier", "previous_tier"),
    POINTS_EXPIRING(true, "expiring_points", "expiring_on"), BIRTHDAY(true, "points", "account", "reason"),
    REFERRAL_COMPLETED(false, "referee_member_id"), BADGE_EARNED(false, "badge"), WIN_BACK(true, "churn_risk"),
    /** The member's downgrade risk rose: a note for sales staff (a Task for the owner, a HubSpot note). */
    TIER_AT_RISK(false, "downgrade_risk", "previous_risk", "points_to_keep_tier", "projected_tier",
            "tier_expires_on"),
    /** A detractor's NPS answer (0-6, issue 19): service recovery for sales staff (a Task for the owner, a note). */
    DETRACTOR_FEEDBACK(false, "score", "survey", "survey_name", "submitted_on"),
    /** The member won a contest prize (points and/or a badge) when the contest closed. */
    CONTEST_WON(false, "contest", "rank", "points", "badge");

    private final boolean marketing;
    private final Set<String> dataKeys;

    EventType(boolean marketing, String... dataKeys) {
        this.marketing = marketing;
        this.dataKeys = Set.of(dataKeys);
    }

    /** The values this type of event carries (what its templates may use besides the member's profile). */
    public Set<String> dataKeys() {
        return dataKeys;
    }

    public boolean marketing() {
        return marketing;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
