package io.loyaltybridge.sync;

import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.support.CountingDataSource;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Survey answers handed to the feedback sink: stored once, updated by newer copies, waiting for their contact. */
class FeedbackIngestTest {
    private static final String CRM = "testcrm";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final long POINTS = 25;

    private StoreFixture store;
    private FeedbackIngest sink;
    private ContactIngest contacts;

    static Program program(int maxPerYear) {
        return program(maxPerYear, "");
    }

    /** {@code higherLevels}: tier levels added above the flat program's single one. */
    static Program program(int maxPerYear, String higherLevels) {
        try {
            String flat = Files.readString(StoreFixture.FLAT_PROGRAM).replace(
                    "    - name: member\n      threshold: 0\n      multiplier: 1\n",
                    "    - name: member\n      threshold: 0\n      multiplier: 1\n" + higherLevels);
            String yaml = flat + "\nfeedback:\n  pointsPerAnswer: " + POINTS + "\n  maxRewardsPerYear: " + maxPerYear
                    + "\n  detractorWithinDays: 30\n";
            return ProgramFile.parse(yaml.getBytes(), "feedback test program");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void start() {
        start(new StoreFixture(program(3), Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC)));
    }

    private void start(StoreFixture fixture) {
        store = fixture;
        SyncStores stores = store.core.syncStores();
        OrderIngest orders = new OrderIngest(store.transactions, stores, store.ledgerService, store.core.clock());
        contacts = new ContactIngest(store.transactions, stores, Map.of(), orders);
        sink = store.core.feedback();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private void contact(String id) {
        contacts.apply(List.of(new InboundContact(CRM, id, id + "@example.com", "F", "L", null, null, false, T0,
                Map.of())), null);
    }

    private static InboundFeedback answer(String id, String contact, String survey, String type, int score,
                                          Instant submitted, Instant modified) {
        return new InboundFeedback(CRM, id, contact, survey, "Survey " + survey, type, BigDecimal.valueOf(score),
                "neutral", "comment of " + id, submitted, modified);
    }

    @Test
    void aBatchHandedTwiceIsStoredOnceRewardedOnceAndMovesTheCursor() {
        contact("C1");
        contact("C2");
        List<InboundFeedback> batch = List.of(answer("A1", "C1", "nps-q1", "NPS", 9, T0, T0),
                answer("A2", "C2", "nps-q1", "NPS", 3, T0, T0), answer("A3", "C1", "csat-1", "CSAT", 4, T0, T0));
        SourceCursor cursor = new SourceCursor(CRM, "feedback", T0);

        IngestReport first = sink.apply(batch, cursor);
        IngestReport again = sink.apply(batch, cursor);

        assertThat(first).isEqualTo(new IngestReport(3, 0, 0));
        assertThat(again).isEqualTo(new IngestReport(0, 3, 0));
        assertThat(rows("SELECT external_id, survey_type, score::int, comment FROM feedback_answers ORDER BY 1"))
                .containsExactly("A1|NPS|9|comment of A1", "A2|NPS|3|comment of A2", "A3|CSAT|4|comment of A3");
        assertThat(rows("SELECT count(*), sum(points) FROM ledger_entries WHERE source_system = 'feedback'"))
                .containsExactly("3|" + 3 * POINTS);
        assertThat(rows("SELECT watermark = '" + T0 + "'::timestamptz, records_in FROM sync_sources"
                + " WHERE object = 'feedback'"))
                .containsExactly("t|3");
        assertThat(store.check.mismatches()).isEmpty();
    }

    @Test
    void aNewerCopyUpdatesTheAnswerAndAnOlderOrEqualOneIsSkipped() {
        contact("C1");
        sink.apply(List.of(answer("A1", "C1", "nps-q1", "NPS", 5, T0, T0.plusSeconds(10))), null);

        IngestReport older = sink.apply(List.of(answer("A1", "C1", "nps-q1", "NPS", 1, T0, T0)), null);
        IngestReport newer = sink.apply(List.of(answer("A1", "C1", "nps-q1", "NPS", 8, T0, T0.plusSeconds(20))),
                null);

        assertThat(older).isEqualTo(new IngestReport(0, 1, 0));
        assertThat(newer).isEqualTo(new IngestReport(1, 0, 0));
        assertThat(rows("SELECT score::int FROM feedback_answers")).containsExactly("8");
        assertThat(rows("SELECT count(*) FROM ledger_entries WHERE source_system = 'feedback'")).containsExactly("1");
    }

    @Test
    void anAnswerOfAContactNotSyncedYetWaitsAndIsTakenWhenTheContactArrives() {
        IngestReport report = sink.apply(List.of(answer("A9", "C9", "nps-q1", "NPS", 10, T0, T0)), null);

        assertThat(report).isEqualTo(new IngestReport(0, 0, 1));
        assertThat(rows("SELECT count(*) FROM feedback_answers")).containsExactly("0");
        assertThat(rows("SELECT waiting_for, status FROM dead_letters")).containsExactly(CRM + ":contact:C9|open");

        contact("C9");

        assertThat(rows("SELECT f.external_id, i.external_id FROM feedback_answers f"
                + " JOIN member_identities i ON i.member_id = f.member_id")).containsExactly("A9|C9");
        assertThat(rows("SELECT status FROM dead_letters")).containsExactly("replayed");
        assertThat(rows("SELECT count(*) FROM ledger_entries WHERE source_system = 'feedback'")).containsExactly("1");
    }

    @Test
    void anAnswerOffItsScaleIsDeadLetteredWithItsReasonAndTheRestOfTheBatchGoesIn() {
        contact("C1");
        IngestReport report = sink.apply(List.of(answer("A1", "C1", "nps-q1", "NPS", 11, T0, T0),
                answer("A2", "C1", "csat", "CSAT", 0, T0, T0), answer("A3", "C1", "s", "SMILEY", 1, T0, T0),
                answer("A4", "C1", "ces", "CES", 7, T0, T0)), null);

        assertThat(report).isEqualTo(new IngestReport(1, 0, 3));
        assertThat(rows("SELECT record_id, error_code FROM dead_letters ORDER BY 1"))
                .containsExactly("A1|invalid_record", "A2|invalid_record", "A3|invalid_record");
        assertThat(rows("SELECT external_id FROM feedback_answers")).containsExactly("A4");
    }

    @Test
    void aRewardThatTakesAMemberOverAThresholdUpgradesTheTierAtOnceNotAtTheNextAssessment() {
        // Regression: feedback points counted towards the tier only when the assessment job next ran, while an
        // event's or a partner's points upgrade at once.
        store.close();
        store = new StoreFixture(program(3, "    - name: silver\n      threshold: 40\n      multiplier: 1\n"),
                Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC));
        start(store);
        contact("C1");
        contact("C2");
        Instant may = Instant.parse("2027-05-20T09:00:00Z");
        IngestReport report = sink.apply(List.of(answer("A1", "C1", "nps-q1", "NPS", 9, may, may),
                answer("A2", "C1", "csat-1", "CSAT", 4, may.plusSeconds(60), may),
                answer("A3", "C2", "nps-q1", "NPS", 7, may, may)), null);

        assertThat(report).isEqualTo(new IngestReport(3, 0, 0));
        // C1: two answers, 50 points over the 40 of silver; C2: 25 points, still a member (no state stored).
        assertThat(rows("SELECT i.external_id, t.tier, t.held_since FROM member_tiers t"
                + " JOIN member_identities i ON i.member_id = t.member_id ORDER BY 1"))
                .containsExactly("C1|silver|2027-06-01");
        assertThat(rows("SELECT i.external_id, e.data->>'tier' FROM member_events e"
                + " JOIN member_identities i ON i.member_id = e.member_id WHERE e.event_type = 'tier_up'"))
                .containsExactly("C1|silver");
        assertThat(store.check.mismatches()).isEmpty();
    }

    @Test
    void aBatchCostsTheSameStatementsWhateverItsSize() {
        AtomicInteger statements = new AtomicInteger();
        FeedbackIngest counted = io.loyaltybridge.app.Core.assemble(CountingDataSource.counting(store.database.dataSource(), statements),
                store.core.program(), store.core.clock()).feedback();
        List<Integer> costs = new ArrayList<>();
        for (int size : new int[] {10, 200}) {
            List<InboundFeedback> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String contact = "S" + size + "-" + i;
                contact(contact);
                // Each batch has new answers, a repeat, an invalid one and one waiting for its contact.
                batch.add(answer("B" + size + "-" + i, contact, "survey-" + i % 7, i % 2 == 0 ? "NPS" : "CSAT",
                        i % 2 == 0 ? i % 11 : 1 + i % 5, T0.plusSeconds(i), T0));
            }
            batch.add(batch.get(0));
            batch.add(answer("BAD" + size, "S" + size + "-0", "s", "NPS", 12, T0, T0));
            batch.add(answer("WAIT" + size, "NOBODY" + size, "s", "NPS", 5, T0, T0));
            statements.set(0);
            IngestReport report = counted.apply(batch, new SourceCursor(CRM, "feedback", T0));
            assertThat(report).isEqualTo(new IngestReport(size, 1, 2));
            costs.add(statements.get());
        }
        assertThat(costs.get(1)).as("statements for 10 and 200 answers").isEqualTo(costs.get(0));
    }

    private List<String> rows(String query) {
        List<String> rows = new ArrayList<>();
        try (Connection c = store.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
