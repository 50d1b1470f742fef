package io.loyaltybridge.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds members from what a support agent types: a member id, a CRM record id (of any connected CRM), an email, or
 * part of a name or email whatever its case and accents (V22_3: member_fold and the trigram index). One statement
 * whatever matched; exact matches (id, CRM record, email) come before partial ones.
 */
public final class PgMemberSearch {
    /** One member found: enough to tell several apart and open the right one. */
    public record Hit(long id, String email, String firstName, String lastName, String tier, long points,
                      String matchedBy) {
    }

    private static final String[] MATCHED_BY = {"member id", "CRM record id", "email", "name or email"};

    // Each branch is served by an index: the primary key, member_identities_external_id, members_email_key and
    // members_search_trgm. The partial branch is capped before the join, so a common word costs a bounded read.
    private static final String QUERY = """
            WITH hits AS (
                SELECT id, 0 AS rank FROM members WHERE id = ?::bigint
                UNION ALL SELECT member_id, 1 FROM member_identities WHERE external_id = ?
                UNION ALL SELECT id, 2 FROM members WHERE lower(email) = lower(?)
                UNION ALL (SELECT id, 3 FROM members
                           WHERE ?::text IS NOT NULL
                             AND member_search_text(first_name, last_name, email) LIKE member_fold(?) ESCAPE '\\'
                           LIMIT ?))
            SELECT m.id, m.email, m.first_name, m.last_name, t.tier, coalesce(b.available, 0) AS points,
                   min(h.rank) AS rank
            FROM hits h JOIN members m ON m.id = h.id
            LEFT JOIN member_tiers t ON t.member_id = m.id
            LEFT JOIN member_balances b ON b.member_id = m.id AND b.account = 'points'
            WHERE m.erased_at IS NULL
            GROUP BY m.id, t.tier, b.available
            ORDER BY rank, lower(m.last_name) NULLS LAST, lower(m.first_name) NULLS LAST, m.id
            LIMIT ?""";

    private final Sql sql;

    public PgMemberSearch(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /**
     * At most {@code limit} members matching {@code text}. A name part shorter than {@code minPartial} characters
     * is only matched exactly (as an id or CRM record id), so "a" does not list half the program.
     */
    public List<Hit> find(String text, int limit, int minPartial) {
        String query = text.strip();
        Long id = query.matches("\\d{1,18}") ? Long.valueOf(query) : null;
        String pattern = query.length() >= minPartial ? pattern(query) : null;
        return sql.list(QUERY, row -> new Hit(row.getLong("id"), row.getString("email"), row.getString("first_name"),
                        row.getString("last_name"), row.getString("tier"), row.getLong("points"),
                        MATCHED_BY[row.getInt("rank")]),
                id, query, query, pattern, pattern, limit, limit);
    }

    /** The words in order, each taken literally (LIKE's wildcards escaped), anything between them. */
    static String pattern(String query) {
        return Arrays.stream(query.split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .collect(Collectors.joining("%", "%", "%"));
    }
}
