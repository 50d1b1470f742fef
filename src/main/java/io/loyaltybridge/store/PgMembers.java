package io.loyaltybridge.store;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.member.Consent;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.member.NewMember;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Members and their CRM identities in PostgreSQL. */
public final class PgMembers implements Members {
    private static final String COLUMNS = "id, email, first_name, last_name, birth_date, marketing_consent, created_at";
    private final Sql sql;

    public PgMembers(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    @Override
    public Optional<Member> byId(MemberId id) {
        return sql.one("SELECT " + COLUMNS + " FROM members WHERE id = ?", this::member, id.value());
    }

    @Override
    public Optional<Member> byEmail(Email email) {
        return sql.one("SELECT " + COLUMNS + " FROM members WHERE lower(email) = ?", this::member, email.normalized());
    }

    @Override
    public Optional<Member> byIdentity(CrmIdentity identity) {
        return sql.one("SELECT " + COLUMNS.replaceAll("(\\w+)", "m.$1") + " FROM members m"
                        + " JOIN member_identities i ON i.member_id = m.id WHERE i.system = ? AND i.external_id = ?",
                this::member, identity.system(), identity.externalId());
    }

    @Override
    public Member createOrGetByEmail(NewMember member) {
        // DO NOTHING leaves a concurrent creator's row in place; we then read whichever row won.
        Optional<Member> created = sql.one("INSERT INTO members (email, first_name, last_name, birth_date, "
                + "marketing_consent) VALUES (?, ?, ?, ?, ?) ON CONFLICT ((lower(email))) DO NOTHING RETURNING "
                + COLUMNS, this::member, params(member));
        return created.or(() -> byEmail(member.email())).orElseThrow();
    }

    @Override
    public Member create(NewMember member) {
        try {
            return sql.one("INSERT INTO members (email, first_name, last_name, birth_date, marketing_consent) "
                    + "VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS, this::member, params(member)).orElseThrow();
        } catch (StoreException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new Conflict("email_taken", "a member with this email already exists");
            }
            throw e;
        }
    }

    @Override
    public List<MemberId> idsAfter(MemberId after, int limit) {
        return sql.list("SELECT id FROM members WHERE id > ? ORDER BY id LIMIT ?", row -> new MemberId(row.getLong(1)),
                after == null ? 0L : after.value(), limit);
    }

    @Override
    public long count() {
        return sql.one("SELECT count(*) FROM members", row -> row.getLong(1)).orElse(0L);
    }

    @Override
    public List<MemberId> bornOn(int month, int day) {
        return sql.list("SELECT id FROM members WHERE extract(month FROM birth_date) = ?"
                + " AND extract(day FROM birth_date) = ? ORDER BY id", row -> new MemberId(row.getLong(1)), month, day);
    }

    @Override
    public boolean updateDetails(MemberId member, NewMember details) {
        Object[] p = params(details);
        // IS DISTINCT FROM: write (and so bump nothing) only when a value really differs.
        String changed = " WHERE id = ? AND (first_name IS DISTINCT FROM ? OR last_name IS DISTINCT FROM ?"
                + " OR birth_date IS DISTINCT FROM ? OR marketing_consent IS DISTINCT FROM ?";
        int updated = sql.update("UPDATE members SET first_name = ?, last_name = ?, birth_date = ?,"
                        + " marketing_consent = ?" + changed + ")",
                p[1], p[2], p[3], p[4], member.value(), p[1], p[2], p[3], p[4]);
        if (details.email() != null) {
            updated += sql.update("UPDATE members SET email = ? WHERE id = ? AND email IS DISTINCT FROM ?"
                    + " AND NOT EXISTS (SELECT 1 FROM members o WHERE lower(o.email) = lower(?) AND o.id <> ?)",
                    p[0], member.value(), p[0], p[0], member.value());
        }
        return updated > 0;
    }

    @Override
    public void link(MemberId member, CrmIdentity identity) {
        int inserted = sql.update("INSERT INTO member_identities (system, external_id, member_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (system, external_id) DO NOTHING", identity.system(), identity.externalId(), member.value());
        if (inserted == 0) {
            long owner = sql.one("SELECT member_id FROM member_identities WHERE system = ? AND external_id = ?",
                    row -> row.getLong(1), identity.system(), identity.externalId()).orElseThrow();
            if (owner != member.value()) {
                throw new Conflict("identity_taken", identity.system() + " id " + identity.externalId()
                        + " already belongs to member " + owner);
            }
        }
    }

    @Override
    public void lock(MemberId member) {
        // NO KEY UPDATE: foreign-key checks of rows that reference the member (KEY SHARE) do not wait on it.
        sql.list("SELECT id FROM members WHERE id = ? FOR NO KEY UPDATE", row -> row.getLong(1), member.value());
    }

    private static Object[] params(NewMember member) {
        return new Object[]{member.email() == null ? null : member.email().value(), member.firstName(),
                member.lastName(), member.birthDate() == null ? null : Date.valueOf(member.birthDate()),
                member.consent().marketing()};
    }

    private Member member(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        String email = row.getString("email");
        Date birth = row.getDate("birth_date");
        List<CrmIdentity> identities = sql.list("SELECT system, external_id FROM member_identities "
                        + "WHERE member_id = ? ORDER BY system, external_id",
                r -> new CrmIdentity(r.getString(1), r.getString(2)), id);
        return new Member(new MemberId(id), email == null ? null : new Email(email), row.getString("first_name"),
                row.getString("last_name"), birth == null ? null : birth.toLocalDate(),
                new Consent(row.getBoolean("marketing_consent")), identities, Sql.instant(row, "created_at"));
    }
}
