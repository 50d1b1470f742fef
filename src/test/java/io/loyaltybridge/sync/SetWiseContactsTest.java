package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.Consent;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts taken in set-wise leave what the one-by-one path leaves: the same members with the same details and
 * consent (and consent history), the same links and versions, the same members queued for the CRMs.
 */
class SetWiseContactsTest {
    private static final String CRM = "testcrm";
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final FieldMap FIELDS = new FieldMap(Map.of(ProfileAttribute.MEMBER_ID, "Member_Id",
            ProfileAttribute.TIER, "Tier"));

    private static InboundContact contact(int i, String email, String first, LocalDate birth, Boolean consent,
                                          long second) {
        return new InboundContact(CRM, "C" + i, email, first, "Last" + i, birth, consent, false,
                T0.plusSeconds(second), i % 4 == 0 ? Map.of("Tier", "silver") : Map.of());
    }

    /** New records, records of members who joined by the API, changes, stale repeats, a batch that falls back. */
    private static List<List<InboundContact>> batches() {
        List<InboundContact> first = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            first.add(contact(i, i % 10 == 9 ? null : "c" + i + "@example.com", "F" + i,
                    i % 3 == 0 ? LocalDate.of(1980, 1 + i % 12, 1 + i % 28) : null, i % 2 == 0 ? Boolean.TRUE : null,
                    i));
        }
        List<InboundContact> second = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            second.add(contact(i, "c" + i + (i % 5 == 0 ? "-new" : "") + "@example.com", "G" + i, null,
                    i % 3 == 0 ? Boolean.FALSE : Boolean.TRUE, i % 7 == 0 ? i : 100 + i));
        }
        for (int i = 100; i < 110; i++) {
            second.add(contact(i, "API" + i + "@Example.com", "Api" + i, null, null, 200 + i));
        }
        List<InboundContact> twice = List.of(contact(200, "same@example.com", "A", null, null, 300),
                contact(201, "SAME@example.com", "B", null, true, 301));
        return List.of(first, second, twice);
    }

    private record Outcome(List<IngestReport> reports, List<String> rows, long fellBack) {
    }

    private Outcome run(BiFunction<ContactIngest, List<InboundContact>, IngestReport> ingest) {
        try (StoreFixture store = new StoreFixture()) {
            for (int i = 100; i < 110; i++) {
                store.memberService.create(new NewMember(new Email("api" + i + "@example.com"), "Api", null, null,
                        Consent.NONE));
            }
            SyncStores stores = SyncStores.open(store.transactions);
            OrderIngest orders = new OrderIngest(store.transactions, stores, store.ledgerService);
            ContactIngest contacts = new ContactIngest(store.transactions, stores, Map.of(CRM, FIELDS), orders);
            List<IngestReport> reports = new ArrayList<>();
            batches().forEach(b -> reports.add(ingest.apply(contacts, b)));
            return new Outcome(reports, rows(store), contacts.batchesTakenOneByOne());
        }
    }

    private static List<String> rows(StoreFixture store) {
        List<String> rows = new ArrayList<>();
        try (Connection c = store.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            read(s, "SELECT i.external_id, m.email, m.first_name, m.last_name, m.birth_date, m.marketing_consent,"
                    + " i.source_modified_at, i.deleted FROM member_identities i JOIN members m ON m.id = i.member_id"
                    + " ORDER BY 1", "record", rows);
            read(s, "SELECT email, first_name FROM members m WHERE NOT EXISTS (SELECT 1 FROM member_identities i"
                    + " WHERE i.member_id = m.id) ORDER BY 1", "unlinked member", rows);
            read(s, "SELECT coalesce(i.external_id, m.email), h.marketing, h.source FROM consent_history h"
                    + " JOIN members m ON m.id = h.member_id LEFT JOIN member_identities i ON i.member_id = m.id"
                    + " ORDER BY 1, 2, 3", "consent", rows);
            read(s, "SELECT i.external_id FROM crm_outbox o JOIN member_identities i ON i.member_id = o.member_id"
                    + " ORDER BY 1", "queued", rows);
            read(s, "SELECT external_id, fields::text FROM crm_field_state ORDER BY 1", "field state", rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static void read(Statement s, String sql, String what, List<String> into) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder(what);
                for (int i = 1; i <= columns; i++) {
                    row.append(" | ").append(r.getString(i));
                }
                into.add(row.toString());
            }
        }
    }

    @Test
    void contacts_taken_in_set_wise_leave_what_the_one_by_one_path_leaves() {
        Outcome oracle = run((ingest, batch) -> ingest.applyOneByOne(batch, null));
        Outcome setWise = run((ingest, batch) -> ingest.apply(batch, null));
        assertThat(setWise.rows()).containsExactlyElementsOf(oracle.rows());
        assertThat(setWise.reports()).containsExactlyElementsOf(oracle.reports());
        assertThat(setWise.fellBack()).as("only the batch with one address twice falls back").isEqualTo(1);
        assertThat(oracle.rows()).anyMatch(r -> r.startsWith("consent |"))
                .anyMatch(r -> r.startsWith("field state |")).anyMatch(r -> r.contains("c5-new@example.com"))
                .anyMatch(r -> r.startsWith("record | C105 | API105@Example.com | Api105"))
                .anyMatch(r -> r.startsWith("record | C201 | SAME@example.com | B"));
    }
}
