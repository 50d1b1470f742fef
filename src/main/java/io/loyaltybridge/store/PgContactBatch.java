package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.NewMember;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of a batch of CRM contacts taken in set-wise: a few reads for the whole batch (which records are
 * known, as which member, in which version; which addresses are members already), then one statement per table to
 * create members, link records, update details and mark records seen.
 */
public final class PgContactBatch {
    /** A record already linked: its member, the CRM version last taken in, the member's current consent. */
    public record Known(MemberId member, Instant modifiedAt, boolean marketing) {
    }

    /** A member found by address: its id and current consent. */
    public record ByEmail(MemberId member, boolean marketing) {
    }

    /** Details to write for a member (a new one with its reserved id, or an existing one). */
    public record Details(MemberId member, NewMember details) {
    }

    private final Sql sql;

    public PgContactBatch(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    public Map<String, Known> known(String system, Collection<String> externalIds) {
        Map<String, Known> known = new HashMap<>();
        sql.list("SELECT i.external_id, i.source_modified_at, i.member_id, m.marketing_consent"
                        + " FROM member_identities i JOIN members m ON m.id = i.member_id"
                        + " WHERE i.system = ? AND i.external_id = ANY (?)",
                row -> known.put(row.getString(1), new Known(new MemberId(row.getLong(3)),
                        Sql.instant(row, "source_modified_at"), row.getBoolean(4))),
                system, new Sql.TextArray(externalIds.toArray(String[]::new)));
        return known;
    }

    /** Members by normalized (lower-case) address. */
    public Map<String, ByEmail> byEmail(Collection<String> normalized) {
        Map<String, ByEmail> found = new HashMap<>();
        if (!normalized.isEmpty()) {
            sql.list("SELECT lower(email), id, marketing_consent FROM members WHERE lower(email) = ANY (?)",
                    row -> found.put(row.getString(1), new ByEmail(new MemberId(row.getLong(2)), row.getBoolean(3))),
                    new Sql.TextArray(normalized.toArray(String[]::new)));
        }
        return found;
    }

    public List<MemberId> reserveMemberIds(int count) {
        return sql.list("SELECT nextval(pg_get_serial_sequence('members', 'id')) FROM generate_series(1, ?)",
                row -> new MemberId(row.getLong(1)), count);
    }

    /** Creates the members; false when some could not be (an address taken meanwhile): nothing is to be kept. */
    public boolean create(List<Details> members) {
        if (members.isEmpty()) {
            return true;
        }
        int created = sql.update("INSERT INTO members (id, email, first_name, last_name, birth_date, marketing_consent)"
                + " OVERRIDING SYSTEM VALUE SELECT v.id, v.email, v.first_name, v.last_name, v.birth_date::date,"
                + " v.marketing FROM unnest(?, ?, ?, ?, ?, ?) AS v(id, email, first_name, last_name, birth_date,"
                + " marketing) ON CONFLICT DO NOTHING", detailColumns(members));
        return created == members.size();
    }

    /** Links the records to their members; false when some record was linked meanwhile. */
    public boolean link(String system, Map<String, MemberId> records) {
        if (records.isEmpty()) {
            return true;
        }
        List<String> ids = new ArrayList<>(records.keySet());
        int linked = sql.update("INSERT INTO member_identities (system, external_id, member_id)"
                        + " SELECT ?, v.external_id, v.member_id FROM unnest(?, ?) AS v(external_id, member_id)"
                        + " ON CONFLICT (system, external_id) DO NOTHING", system,
                Sql.Column.of("text", ids), Sql.Column.of("bigint", ids.stream().map(i -> records.get(i).value()).toList()));
        return linked == records.size();
    }

    /**
     * Writes names, birth date and consent where they differ, and the address where it differs and no other member
     * holds it (as a single update does); returns the members whose details changed.
     */
    public Set<MemberId> update(List<Details> members) {
        Set<MemberId> changed = new HashSet<>();
        if (members.isEmpty()) {
            return changed;
        }
        Object[] columns = detailColumns(members);
        sql.list("UPDATE members m SET first_name = v.first_name, last_name = v.last_name,"
                        + " birth_date = v.birth_date::date, marketing_consent = v.marketing"
                        + " FROM unnest(?, ?, ?, ?, ?, ?) AS v(id, email, first_name, last_name, birth_date, marketing)"
                        + " WHERE m.id = v.id AND (m.first_name, m.last_name, m.birth_date, m.marketing_consent)"
                        + " IS DISTINCT FROM (v.first_name, v.last_name, v.birth_date::date, v.marketing)"
                        + " RETURNING m.id", row -> changed.add(new MemberId(row.getLong(1))), columns);
        sql.list("UPDATE members m SET email = v.email"
                        + " FROM unnest(?, ?, ?, ?, ?, ?) AS v(id, email, first_name, last_name, birth_date, marketing)"
                        + " WHERE m.id = v.id AND v.email IS NOT NULL AND m.email IS DISTINCT FROM v.email"
                        + " AND NOT EXISTS (SELECT 1 FROM members o WHERE lower(o.email) = lower(v.email)"
                        + " AND o.id <> m.id) RETURNING m.id", row -> changed.add(new MemberId(row.getLong(1))),
                columns);
        return changed;
    }

    /** Records the CRM version of each record taken in (never going back) and that it is not deleted. */
    public void seen(String system, Map<String, Instant> modified) {
        if (modified.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(modified.keySet());
        sql.update("UPDATE member_identities i SET source_modified_at = greatest(i.source_modified_at,"
                        + " v.at::timestamptz), deleted = false FROM unnest(?, ?) AS v(external_id, at)"
                        + " WHERE i.system = ? AND i.external_id = v.external_id",
                Sql.Column.of("text", ids), Sql.Column.of("text", ids.stream().map(i -> {
                    Instant at = modified.get(i);
                    return at == null ? null : at.toString();
                }).toList()), system);
    }

    private static Object[] detailColumns(List<Details> members) {
        return new Object[]{
                Sql.Column.of("bigint", members.stream().map(d -> d.member().value()).toList()),
                Sql.Column.of("text", members.stream().map(d -> d.details().email() == null ? null
                        : d.details().email().value()).toList()),
                Sql.Column.of("text", members.stream().map(d -> d.details().firstName()).toList()),
                Sql.Column.of("text", members.stream().map(d -> d.details().lastName()).toList()),
                Sql.Column.of("text", members.stream().map(d -> d.details().birthDate() == null ? null
                        : d.details().birthDate().toString()).toList()),
                Sql.Column.of("boolean", members.stream().map(d -> d.details().consent().marketing()).toList())};
    }
}
