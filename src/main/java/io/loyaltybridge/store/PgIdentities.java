package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sync's view of CRM identities: which records to push to, their deletion, their last seen version. */
public final class PgIdentities {
    private final Sql sql;

    public PgIdentities(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** The live (not deleted) records in {@code system} of each member. */
    public Map<MemberId, List<String>> live(String system, Collection<MemberId> members) {
        Map<MemberId, List<String>> byMember = new HashMap<>();
        sql.list("SELECT member_id, external_id FROM member_identities WHERE system = ? AND member_id = ANY (?)"
                        + " AND NOT deleted ORDER BY external_id",
                row -> byMember.computeIfAbsent(new MemberId(row.getLong(1)), m -> new ArrayList<>())
                        .add(row.getString(2)),
                system, Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return byMember;
    }

    /** The CRM version of the record we last took in, if any. */
    public Optional<Instant> lastModified(CrmIdentity identity) {
        return sql.one("SELECT source_modified_at FROM member_identities WHERE system = ? AND external_id = ?",
                row -> Sql.instant(row, "source_modified_at"), identity.system(), identity.externalId());
    }

    public void seen(CrmIdentity identity, Instant modifiedAt, boolean deleted) {
        sql.update("UPDATE member_identities SET source_modified_at = greatest(source_modified_at, ?), deleted = ?"
                + " WHERE system = ? AND external_id = ?", modifiedAt, deleted, identity.system(), identity.externalId());
    }
}
