package io.loyaltybridge.store;

import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Member search at 100 000 members: each kind of match is served by its index (the plan names it), and a search
 * costs one statement whose time is printed for the README. Names are generated with accents so the folding is
 * exercised at scale.
 */
class MemberSearchScaleTest {
    private static final int MEMBERS = 100_000;
    private static String url;
    private static Database database;
    private static Transactions tx;
    private static PgMemberSearch search;

    @BeforeAll
    static void seed() throws SQLException {
        url = TestPostgres.freshDatabase();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO members (email, first_name, last_name)
                    SELECT 'member' || i || '@example.com',
                           (ARRAY['Zoë', 'Hélène', 'Jürgen', 'Ana', 'Łukasz', 'Søren', 'Ines', 'Ćiril'])[1 + i %% 8],
                           (ARRAY['Dupré', 'Müller', 'Ångström', 'Núñez', 'Kowalski', 'Smith'])[1 + i %% 6]
                               || '-' || (i %% 9973)
                    FROM generate_series(1, %d) i""".formatted(MEMBERS));
            s.execute("INSERT INTO member_identities (system, external_id, member_id)"
                    + " SELECT 'hubspot', 'HS-' || id, id FROM members");
            s.execute("ANALYZE members");
            s.execute("ANALYZE member_identities");
        }
        database = Database.connect(url, null, null, 2);
        tx = new Transactions(database.dataSource());
        search = new PgMemberSearch(tx);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void a_partial_name_without_accents_is_served_by_the_trigram_index() throws SQLException {
        assertThat(plan("member_search_text(first_name, last_name, email) LIKE member_fold('%jurgen%angstr%')"))
                .contains("members_search_trgm");
        List<PgMemberSearch.Hit> hits = timed("jurgen angstrom-42", () -> search.find("jurgen angstrom-42", 21, 2));
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.firstName()).isEqualTo("Jürgen"));
    }

    @Test
    void a_crm_record_id_an_email_and_a_member_id_are_each_found_by_their_index() throws SQLException {
        assertThat(plan("id IN (SELECT member_id FROM member_identities WHERE external_id = 'HS-77')"))
                .contains("member_identities_external_id");
        assertThat(timed("HS-77", () -> search.find("HS-77", 21, 2))).first()
                .satisfies(h -> assertThat(h.id()).isEqualTo(77));
        assertThat(timed("member88@example.com", () -> search.find("MEMBER88@example.com", 21, 2))).first()
                .satisfies(h -> assertThat(h.matchedBy()).isEqualTo("email"));
        assertThat(timed("99999", () -> search.find("99999", 21, 2))).first()
                .satisfies(h -> assertThat(h.id()).isEqualTo(99_999));
    }

    @Test
    void a_common_word_returns_one_page_quickly() {
        List<PgMemberSearch.Hit> hits = timed("smith", () -> search.find("smith", 21, 2));
        assertThat(hits).hasSize(21);
    }

    private static List<PgMemberSearch.Hit> timed(String what, java.util.function.Supplier<List<PgMemberSearch.Hit>> run) {
        tx.read(run::get);
        long best = Long.MAX_VALUE;
        List<PgMemberSearch.Hit> hits = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            hits = tx.read(run::get);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("member search at %d members, q=%s: %d hits, best of 5 %.2f ms%n", MEMBERS, what,
                hits.size(), best / 1e6);
        return hits;
    }

    private static String plan(String where) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("EXPLAIN SELECT id FROM members WHERE " + where)) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
            return String.join("\n", lines);
        }
    }
}
