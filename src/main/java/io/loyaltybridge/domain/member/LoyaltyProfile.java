package io.loyaltybridge.domain.member;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What sales staff see of a member on the CRM contact. Values not computed yet are null (shown as empty fields).
 *
 * @param pointsToKeepTier  what the member must still earn in the window to keep the tier
 * @param projectedTier     the tier at the window's end at the member's pace so far
 * @param tierExpiresOn     the day the tier is lost if nothing more is earned; null when it cannot be lost
 * @param downgradeRisk     none, low or high (the program's downgrade-risk rule)
 * @param nextBestOffer     the message of the offer suggested next; null when none fits
 * @param badges            the names of the badges held, comma-separated in program order; null when none
 * @param cashback          the cashback balance in program currency units (not minor units)
 * @param lastFeedbackScore the score of the member's latest scored survey answer; null when none
 * @param npsCategory       promoter, passive or detractor by the latest NPS answer; null when none
 * @param lastFeedbackOn    the day (program zone) of the latest survey answer; null when none
 */
public record LoyaltyProfile(MemberId member, String tier, long points, String segment, String nextTier,
                             Long pointsToNextTier, long pointsExpiring, LocalDate pointsExpiringOn,
                             BigDecimal cltv, String churnRisk, String referralCode, Long pointsToKeepTier,
                             String projectedTier, LocalDate tierExpiresOn, String downgradeRisk,
                             String nextBestOffer, String preferredCategory, String badges, BigDecimal cashback,
                             long pendingPoints, BigDecimal lastFeedbackScore, String npsCategory,
                             LocalDate lastFeedbackOn) {
    /** A profile without survey answers (the feedback fields empty). */
    public LoyaltyProfile(MemberId member, String tier, long points, String segment, String nextTier,
                          Long pointsToNextTier, long pointsExpiring, LocalDate pointsExpiringOn, BigDecimal cltv,
                          String churnRisk, String referralCode, Long pointsToKeepTier, String projectedTier,
                          LocalDate tierExpiresOn, String downgradeRisk, String nextBestOffer,
                          String preferredCategory, String badges, BigDecimal cashback, long pendingPoints) {
        this(member, tier, points, segment, nextTier, pointsToNextTier, pointsExpiring, pointsExpiringOn, cltv,
                churnRisk, referralCode, pointsToKeepTier, projectedTier, tierExpiresOn, downgradeRisk, nextBestOffer,
                preferredCategory, badges, cashback, pendingPoints, null, null, null);
    }

    /** This profile with the member's latest survey answers. */
    public LoyaltyProfile withFeedback(BigDecimal score, String category, LocalDate on) {
        return new LoyaltyProfile(member, tier, points, segment, nextTier, pointsToNextTier, pointsExpiring,
                pointsExpiringOn, cltv, churnRisk, referralCode, pointsToKeepTier, projectedTier, tierExpiresOn,
                downgradeRisk, nextBestOffer, preferredCategory, badges, cashback, pendingPoints, score, category, on);
    }
}
