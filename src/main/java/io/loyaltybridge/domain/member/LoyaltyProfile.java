package io.loyaltybridge.domain.member;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What sales staff see of a member on the CRM contact. Values not computed yet are null (shown as empty fields).
 */
public record LoyaltyProfile(MemberId member, String tier, long points, String segment, String nextTier,
                             Long pointsToNextTier, long pointsExpiring, LocalDate pointsExpiringOn,
                             BigDecimal cltv, String churnRisk, String referralCode) {
}
