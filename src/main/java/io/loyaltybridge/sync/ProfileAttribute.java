package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.LoyaltyProfile;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;

/**
 * The member attributes a CRM can show, each with its kind (which decides how values are compared and written)
 * and how it is read from a {@link LoyaltyProfile}. Values are compared as canonical strings.
 */
public enum ProfileAttribute {
    MEMBER_ID(Kind.TEXT, p -> Long.toString(p.member().value())),
    TIER(Kind.TEXT, LoyaltyProfile::tier),
    POINTS(Kind.NUMBER, p -> Long.toString(p.points())),
    SEGMENT(Kind.TEXT, LoyaltyProfile::segment),
    NEXT_TIER(Kind.TEXT, LoyaltyProfile::nextTier),
    POINTS_TO_NEXT_TIER(Kind.NUMBER, p -> p.pointsToNextTier() == null ? null : p.pointsToNextTier().toString()),
    POINTS_EXPIRING(Kind.NUMBER, p -> Long.toString(p.pointsExpiring())),
    POINTS_EXPIRING_ON(Kind.DATE, p -> p.pointsExpiringOn() == null ? null : p.pointsExpiringOn().toString()),
    CLTV(Kind.NUMBER, p -> p.cltv() == null ? null : canonicalNumber(p.cltv().toPlainString())),
    CHURN_RISK(Kind.TEXT, LoyaltyProfile::churnRisk),
    REFERRAL_CODE(Kind.TEXT, LoyaltyProfile::referralCode),
    POINTS_TO_KEEP_TIER(Kind.NUMBER, p -> p.pointsToKeepTier() == null ? null : p.pointsToKeepTier().toString()),
    PROJECTED_TIER(Kind.TEXT, LoyaltyProfile::projectedTier),
    TIER_EXPIRES_ON(Kind.DATE, p -> p.tierExpiresOn() == null ? null : p.tierExpiresOn().toString()),
    DOWNGRADE_RISK(Kind.TEXT, LoyaltyProfile::downgradeRisk),
    NEXT_BEST_OFFER(Kind.TEXT, LoyaltyProfile::nextBestOffer),
    PREFERRED_CATEGORY(Kind.TEXT, LoyaltyProfile::preferredCategory),
    BADGES(Kind.TEXT, LoyaltyProfile::badges),
    CASHBACK(Kind.NUMBER, p -> p.cashback() == null ? null : canonicalNumber(p.cashback().toPlainString())),
    PENDING_POINTS(Kind.NUMBER, p -> Long.toString(p.pendingPoints())),
    // The member's survey answers (issue 19).
    LAST_FEEDBACK_SCORE(Kind.NUMBER, p -> p.lastFeedbackScore() == null ? null
            : canonicalNumber(p.lastFeedbackScore().toPlainString())),
    NPS_CATEGORY(Kind.TEXT, LoyaltyProfile::npsCategory),
    LAST_FEEDBACK_ON(Kind.DATE, p -> p.lastFeedbackOn() == null ? null : p.lastFeedbackOn().toString()),
    /** Stamped when a push sends anything else; never a reason to push on its own. */
    UPDATED_AT(Kind.DATETIME, p -> null);

    /** How a value is compared and written. */
    public enum Kind { TEXT, NUMBER, DATE, DATETIME }

    private final Kind kind;
    private final Function<LoyaltyProfile, String> reader;

    ProfileAttribute(Kind kind, Function<LoyaltyProfile, String> reader) {
        this.kind = kind;
        this.reader = reader;
    }

    public Kind kind() {
        return kind;
    }

    /** The configuration key part: {@code points-to-next-tier}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String valueOf(LoyaltyProfile profile) {
        return reader.apply(profile);
    }

    /** A CRM's raw value in the canonical form values are compared in; blank means empty. */
    public String canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        return switch (kind) {
            case NUMBER -> canonicalNumber(value);
            case DATE -> value.length() > 10 ? value.substring(0, 10) : value;
            case TEXT, DATETIME -> value;
        };
    }

    private static String canonicalNumber(String value) {
        try {
            BigDecimal number = new BigDecimal(value).stripTrailingZeros();
            return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }
}
