package io.loyaltybridge.domain.program.tiers;

import io.loyaltybridge.domain.program.Programs;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.loyaltybridge.domain.program.Programs.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downgrade-risk rule, one case per outcome, through the tier status the CRMs are fed from: a gold member
 * (2000 points in a calendar year, 30 grace days) whose risk turns high 90 days before the tier expires.
 */
class DowngradeRiskPolicyTest {
    private static final LocalDate JOINED = day("2024-01-01");
    private static final TierState GOLD = new TierState("gold", day("2024-05-01"), null, null);

    private static TierStatus status(Tiers rules, TierState state, LocalDate today, Qualifying... activity) {
        return new TierPolicy(rules).status(state, List.of(activity), today, JOINED);
    }

    private static Tiers calendar() {
        return Programs.tiers(Tiers.Basis.POINTS, Tiers.Window.CALENDAR_YEAR, 30, Tiers.Downgrade.ONE_LEVEL,
                Tiers.VipMode.FLOOR);
    }

    private static Tiers calendarHighWithin(int days) {
        Tiers t = calendar();
        return new Tiers(t.basis(), t.window(), t.rollingMonths(), t.graceDays(), t.downgrade(), t.levels(), t.vip(),
                new DowngradeRisk.Rule(days));
    }

    @Test
    void a_member_who_already_earned_enough_this_window_to_keep_the_tier_has_no_risk() {
        TierStatus s = status(calendar(), GOLD, day("2025-11-20"), Qualifying.points(day("2025-02-01"), 2000));
        assertThat(s.toKeepTier()).isZero();
        assertThat(s.downgradeRisk()).isEqualTo(DowngradeRisk.NONE);
    }

    @Test
    void the_lowest_tier_cannot_be_lost_so_it_has_no_risk() {
        TierStatus s = status(calendar(), TierState.start("bronze", JOINED), day("2025-11-20"));
        assertThat(s.tierExpiresOn()).isNull();
        assertThat(s.downgradeRisk()).isEqualTo(DowngradeRisk.NONE);
    }

    @Test
    void a_tier_held_by_a_grant_without_a_last_day_has_no_risk() {
        TierState granted = TierState.start("bronze", JOINED).withGrant(
                new TierGrant(1, "gold", Tiers.VipMode.PIN, null, "key account", "staff", java.time.Instant.EPOCH,
                        null, null, null));
        TierStatus s = status(calendar(), granted, day("2025-11-20"));
        assertThat(s.tier()).isEqualTo("gold");
        assertThat(s.downgradeRisk()).isEqualTo(DowngradeRisk.NONE);
    }

    @Test
    void a_member_short_of_the_threshold_but_on_pace_to_keep_the_tier_is_at_low_risk() {
        // 600 points by March 1st is about 3700 at the year's end: gold is projected, 1400 points are still due.
        TierStatus s = status(calendar(), GOLD, day("2025-03-01"), Qualifying.points(day("2025-01-15"), 600));
        assertThat(s.toKeepTier()).isEqualByComparingTo("1400");
        assertThat(s.projectedTier()).isEqualTo("gold");
        assertThat(s.downgradeRisk()).isEqualTo(DowngradeRisk.LOW);
    }

    @Test
    void a_member_off_pace_with_more_than_the_high_risk_days_left_is_at_low_risk() {
        TierStatus s = status(calendar(), GOLD, day("2025-03-01"), Qualifying.points(day("2025-01-15"), 100));
        assertThat(s.projectedTier()).isEqualTo("silver");
        assertThat(s.tierExpiresOn()).isEqualTo(day("2026-01-31"));
        assertThat(s.downgradeRisk()).isEqualTo(DowngradeRisk.LOW);
    }

    @Test
    void a_member_off_pace_whose_tier_expires_within_the_high_risk_days_is_at_high_risk() {
        // 77 days before 2026-01-31, with a pace of about 570 points a year.
        TierStatus s = status(calendar(), GOLD, day("2025-11-15"), Qualifying.points(day("2025-02-01"), 500));
        assertThat(s.projectedTier()).isEqualTo("silver");
        assertThat(s.downgradeRisk()).isEqualTo(DowngradeRisk.HIGH);
    }

    @Test
    void the_high_risk_days_come_from_the_program_so_a_shorter_horizon_keeps_the_same_member_at_low_risk() {
        TierStatus s = status(calendarHighWithin(60), GOLD, day("2025-11-15"),
                Qualifying.points(day("2025-02-01"), 500));
        assertThat(s.downgradeRisk()).isEqualTo(DowngradeRisk.LOW);
    }

    @Test
    void the_day_the_horizon_is_reached_counts_as_within_it() {
        Tiers rules = calendarHighWithin(77);
        assertThat(new DowngradeRiskPolicy(rules).risk("gold", java.math.BigDecimal.ONE, "silver",
                day("2026-01-31"), day("2025-11-15"))).isEqualTo(DowngradeRisk.HIGH);
        assertThat(new DowngradeRiskPolicy(rules).risk("gold", java.math.BigDecimal.ONE, "silver",
                day("2026-01-31"), day("2025-11-14"))).isEqualTo(DowngradeRisk.LOW);
    }
}
