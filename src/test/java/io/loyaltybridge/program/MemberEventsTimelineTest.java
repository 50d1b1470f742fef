package io.loyaltybridge.program;

import io.loyaltybridge.domain.notify.ExpiryReminders;
import io.loyaltybridge.store.PgMemberEvents;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Member events as the shipped program's changes record them, on PostgreSQL with a clock the test moves: each
 * once per cause, however often the job or the order is replayed.
 */
class MemberEventsTimelineTest {

    @Test
    void tierMovesBadgesAndEarningsAreRecordedOnceEachAndAReplayedOrderOrJobRecordsNothingMore() {
        try (Timeline t = Timeline.shipped("2026-01-15T10:00:00Z")) {
            t.order("A", "600.00").order("A", "600.00");
            t.days(15).run("pending-release").redeem(100);
            t.at("2027-01-10T06:00:00Z").run("tier-assessment");
            t.at("2028-01-05T06:00:00Z").run("tier-assessment");
            t.at("2028-02-04T06:00:00Z").run("tier-assessment").run("tier-assessment");

            // Silver kept for 2027 on 2026's points, nothing earned in 2027: at low risk from the first assessment of
            // 2027, high once below it with the grace running out, then down (bronze cannot be lost: none, untold).
            assertThat(events(t)).containsExactly("points_earned", "badge_earned", "tier_up", "points_redeemed",
                    "tier_at_risk", "tier_at_risk", "tier_down");
            assertThat(scalar(t, "SELECT count(*) FROM member_events WHERE event_type = 'tier_at_risk'"
                    + " AND data->>'previous_risk' = 'low' AND data->>'downgrade_risk' = 'high'")).isEqualTo(1);
            assertThat(scalar(t, "SELECT count(*) FROM member_events WHERE data->>'tier' = 'bronze'"
                    + " AND data->>'previous_tier' = 'silver'")).isEqualTo(1);
            // Events were recorded with no channel on: nothing queued.
            assertThat(scalar(t, "SELECT count(*) FROM notification_deliveries")).isZero();
        }
    }

    @Test
    void pointsAboutToExpireAreRemindedOnceReminderDaysBeforeTheyExpire() {
        try (Timeline t = Timeline.shipped("2026-01-15T10:00:00Z")) {
            t.order("A", "40.00").days(15).run("pending-release");
            ExpiryReminders reminders = new ExpiryReminders(t.store.core.program(), t.store.transactions,
                    t.store.members, t.store.ledger, new PgMemberEvents(t.store.transactions, Set.of(), false),
                    t.clock);
            // The order's 40 and its first-order badge's 50, released on 30 January 2026, gone 24 months later;
            // reminded from 7 days before.
            t.at("2028-01-20T08:00:00Z");
            assertThat(reminders.run()).isZero();
            t.at("2028-01-24T08:00:00Z");
            assertThat(reminders.run()).isEqualTo(1);
            t.days(1);
            assertThat(reminders.run()).as("the same expiry date is reminded once").isZero();
            assertThat(scalar(t, "SELECT count(*) FROM member_events WHERE event_type = 'points_expiring'"
                    + " AND data->>'expiring_points' = '90'")).isEqualTo(1);
        }
    }

    @Test
    void aMemberDriftingAwayGetsOneWinBackEventWhileTheRiskLasts() {
        try (Timeline t = Timeline.shipped("2026-01-05T10:00:00Z")) {
            t.order("A", "40.00").days(10).order("B", "40.00").days(10).order("C", "40.00");
            t.days(5).run("segments-and-cltv");
            assertThat(events(t)).doesNotContain("win_back");
            t.days(60).run("segments-and-cltv");
            t.days(1).run("segments-and-cltv");
            assertThat(events(t).stream().filter("win_back"::equals)).hasSize(1);
        }
    }

    private static List<String> events(Timeline t) {
        List<String> types = new ArrayList<>();
        query(t, "SELECT event_type FROM member_events ORDER BY id", rows -> types.add(rows.getString(1)));
        return types;
    }

    private static long scalar(Timeline t, String sql) {
        long[] value = new long[1];
        query(t, sql, rows -> value[0] = rows.getLong(1));
        return value[0];
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(Timeline t, String sql, Row row) {
        try (Connection c = t.store.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
