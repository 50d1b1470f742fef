package io.loyaltybridge.recompute;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.program.segments.ShownSegments;
import io.loyaltybridge.notify.NotifyOptions;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recompute queues a member for the CRMs only when a value a CRM shows moved: the RFM segment, churn risk,
 * predicted lifetime value, preferred category, or a segment the next best offer looks at. The stored rows of a
 * few members are put out of date by hand (as if computed from other orders), so the next run moves exactly those
 * values back, and the outbox tells which moves it considered visible.
 */
class RecomputeOutboxTest {
    private static final int MEMBERS = 400;
    /** Another recency score for scored members (1-5, shifted by one), none for the others. */
    private static final String OTHER_RECENCY = "CASE WHEN recency = 5 THEN 4 ELSE recency + 1 END";
    private Database database;

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void members_whose_scores_historic_value_or_unwatched_segments_moved_are_rewritten_but_not_queued() {
        Core core = population(ShownSegments.Fields.ALL);
        // Members 3, 13, 23... : scores, historic value and a custom segment no offer looks at.
        int moved = update("UPDATE member_segments SET recency = " + OTHER_RECENCY + ","
                + " cltv_historic = cltv_historic + 1, segments = array_append(segments, 'no-offer-looks-at-me')"
                + " WHERE member_id % 10 = 3");

        int changed = core.jobs().segmentsAndCltv().changes();

        assertThat(moved).isPositive();
        assertThat(changed).as("the run puts every moved row back").isEqualTo(moved);
        assertThat(queued()).as("nothing a CRM shows moved").isEmpty();
    }

    @Test
    void a_move_of_a_shown_value_queues_exactly_those_members_for_each_crm_holding_them() {
        Core core = population(ShownSegments.Fields.ALL);
        update("UPDATE member_segments SET churn_risk = 'not-a-level' WHERE member_id % 10 = 1");
        update("UPDATE member_segments SET cltv_predicted = cltv_predicted + 0.01 WHERE member_id % 10 = 2");
        update("UPDATE member_segments SET recency = " + OTHER_RECENCY + " WHERE member_id % 10 = 3");

        core.jobs().segmentsAndCltv();

        assertThat(queued()).isEqualTo(ids("SELECT DISTINCT member_id FROM member_identities WHERE NOT deleted"
                + " AND member_id % 10 IN (1, 2)")).isNotEmpty();
        assertThat(count("SELECT count(*) FROM crm_outbox")).as("one row per CRM holding a live record")
                .isEqualTo(count("SELECT count(*) FROM member_identities WHERE NOT deleted AND member_id % 10 IN (1, 2)"));
    }

    @Test
    void a_value_no_crm_maps_a_field_to_does_not_queue() {
        // Churn risk mapped to 'none' in every CRM switched on: only the other values count.
        Core core = population(new ShownSegments.Fields(true, false, true, true, true));
        update("UPDATE member_segments SET churn_risk = 'not-a-level' WHERE member_id % 10 = 1");
        update("UPDATE member_segments SET preferred_category = 'nothing-yet' WHERE member_id % 10 = 4");

        core.jobs().segmentsAndCltv();

        assertThat(queued()).isEqualTo(ids("SELECT DISTINCT member_id FROM member_identities WHERE NOT deleted"
                + " AND member_id % 10 = 4")).isNotEmpty();
    }

    /** A generated population, computed once, with the outbox emptied as a push would leave it. */
    private Core population(ShownSegments.Fields shown) {
        database = Database.connect(TestPostgres.freshDatabase(), null, null, 5).migrate();
        GeneratedPopulation.generate(database, MEMBERS, MEMBERS * 10);
        Core core = Core.assemble(database.dataSource(), ProgramFile.load(RecomputeScaleTest.PROGRAM),
                RecomputeScaleTest.TODAY, NotifyOptions.OFF, shown);
        assertThat(core.jobs().segmentsAndCltv().changes()).isEqualTo(MEMBERS);
        assertThat(count("SELECT count(*) FROM crm_outbox")).as("a first run shows every member something")
                .isEqualTo(count("SELECT count(*) FROM member_identities WHERE NOT deleted"));
        update("DELETE FROM crm_outbox");
        return core;
    }

    private Set<Long> queued() {
        return ids("SELECT DISTINCT member_id FROM crm_outbox");
    }

    private Set<Long> ids(String query) {
        Set<Long> ids = new HashSet<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private long count(String query) {
        return RecomputeScaleTest.count(database, query);
    }

    private int update(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
