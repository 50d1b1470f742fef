package io.loyaltybridge.recompute;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.store.Database;
import io.loyaltybridge.support.CountingDataSource;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static io.loyaltybridge.recompute.RecomputeScaleTest.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier assessment writes a batch of members set-wise: the tier rows it saves in one statement and the members it
 * queues for the CRMs in another, however many of the batch's members change (it took a read, a write and an
 * outbox statement per member, 48 s for a first run at 100 000 members).
 */
class TierAssessmentBatchTest {
    private static final int MEMBERS = 800; // one batch
    private Database database;

    @BeforeEach
    void population() {
        database = Database.connect(TestPostgres.freshDatabase(), null, null, 4).migrate();
        GeneratedPopulation.generate(database, MEMBERS, MEMBERS * 10);
        core(database).jobs().tierAssessment(); // every member's state settled once
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_batch_costs_the_same_statements_whether_five_members_or_three_hundred_get_their_tier_saved() {
        int few = run(5);
        int many = run(300);

        assertThat(many).as("statements for 300 saved states against 5").isEqualTo(few);
    }

    @Test
    void the_members_whose_tier_rows_are_saved_are_queued_for_each_crm_holding_them() {
        run(300);

        assertThat(count(database, "SELECT count(*) FROM member_tiers")).isEqualTo(count(database,
                "SELECT count(*) FROM members"));
        assertThat(count(database, "SELECT count(*) FROM crm_outbox")).as("queued, one row per CRM identity")
                .isEqualTo(count(database, "SELECT count(*) FROM member_identities i JOIN lost l USING (member_id)"
                        + " WHERE NOT i.deleted"));
    }

    /** Takes the tier rows of {@code members} bronze members away and runs the assessment; returns its statements. */
    private int run(int members) {
        update("DROP TABLE IF EXISTS lost");
        update("CREATE TABLE lost AS SELECT member_id FROM member_tiers t WHERE tier = 'bronze' AND below_since IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM tier_grants g WHERE g.member_id = t.member_id)"
                + " ORDER BY member_id LIMIT " + members);
        assertThat(count(database, "SELECT count(*) FROM lost")).isEqualTo(members);
        update("DELETE FROM member_tiers WHERE member_id IN (SELECT member_id FROM lost)");
        update("DELETE FROM crm_outbox");
        AtomicInteger statements = new AtomicInteger();
        Core counted = Core.assemble(CountingDataSource.counting(database.dataSource(), statements),
                ProgramFile.load(RecomputeScaleTest.PROGRAM), RecomputeScaleTest.TODAY);
        assertThat(counted.jobs().tierAssessment().changes()).as("a first tier is no change of tier").isZero();
        assertThat(count(database, "SELECT count(*) FROM member_tiers t JOIN lost USING (member_id)"))
                .as("the lost rows are back").isEqualTo(members);
        return statements.get();
    }

    private static Core core(Database database) {
        return Core.assemble(database.dataSource(), ProgramFile.load(RecomputeScaleTest.PROGRAM), RecomputeScaleTest.TODAY);
    }

    private void update(String statement) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
