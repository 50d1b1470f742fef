package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.notify.EventType;
import io.loyaltybridge.domain.notify.MemberEvent;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job writing thousands of events into a member_events analyzed while empty (a restored or bulk-loaded database)
 * keeps the table's statistics current, so the deliveries' foreign-key checks are planned for its real size.
 */
class MemberEventsStatisticsTest {
    private static final int MEMBERS = 3000;
    private static final int BATCH = 250;

    @Test
    void thousands_of_events_written_after_the_empty_table_was_analyzed_leave_statistics_of_its_real_size() {
        try (StoreFixture store = new StoreFixture()) {
            execute(store, "INSERT INTO members (email) SELECT 'm' || g || '@example.test'"
                    + " FROM generate_series(1, " + MEMBERS + ") g");
            execute(store, "INSERT INTO member_identities (system, external_id, member_id)"
                    + " SELECT 'salesforce', 'c' || id, id FROM members");
            execute(store, "ANALYZE");
            PgMemberEvents events = new PgMemberEvents(store.transactions, Set.of("salesforce"), false);
            List<Long> ids = LongStream.rangeClosed(1, MEMBERS).boxed().toList();
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<MemberEvent> batch = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
                        .map(id -> new MemberEvent(new MemberId(id), EventType.WIN_BACK, "win_back:" + id,
                                Instant.parse("2026-01-01T00:00:00Z"), Map.of("churn_risk", "high")))
                        .toList();
                store.transactions.inTransaction(() -> events.recordAll(batch));
            }

            assertThat(count(store, "SELECT count(*) FROM notification_deliveries WHERE channel = 'salesforce'"))
                    .as("a delivery per event, each checked against its event").isEqualTo(MEMBERS);
            assertThat(count(store, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'member_events'::regclass"))
                    .as("analyzed again once it had grown (by doublings from 1000 events)")
                    .isGreaterThanOrEqualTo(PgMemberEvents.ANALYZE_AFTER * 2);
        }
    }

    private static void execute(StoreFixture store, String statement) {
        try (Connection c = store.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(StoreFixture store, String query) {
        try (Connection c = store.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
