package io.loyaltybridge.program;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders settled before their campaign room was recorded (V10_2) are given the room the other orders left, so a
 * refund of such an order also takes back exactly its share of each part.
 */
class CampaignRoomMigrationTest {
    private static final Path MIGRATION = Path.of("src/main/resources/db/migration/V10_2__campaign_room.sql");

    @Test
    void aCappedOrderSettledBeforeTheRoomWasRecordedStillGivesBackExactlyItsShare() throws Exception {
        try (Timeline t = Timeline.shipped("2025-04-01T10:00:00Z")) {
            t.order("A", "1950.00").order("B", "80.00");
            try (Connection c = t.store.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                // As an order settled by an earlier version holds it: no campaignsBefore.
                assertThat(s.executeUpdate("UPDATE orders SET earn_context = earn_context - 'campaignsBefore'"))
                        .isEqualTo(2);
                s.execute(Files.readString(MIGRATION));
            }
            long before = t.pending();
            t.days(2).refund("B", "40.00");
            assertThat(before - t.pending()).as("half of B's 80 base, 40 gold and 50 capped campaign").isEqualTo(85);
        }
    }
}
