package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.MemberId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A privacy deletion (GDPR erasure) asked for through a CRM: the member's personal data goes, their points and
 * orders stay (the ledger keeps balancing, and the entries identify no one once the member row holds no name).
 * The CRM record's id becomes a one-way hash, so nothing links the member to that person any more, and what we
 * kept of the record (field states, dead letters) is deleted. The member's identities in other CRMs are kept.
 */
public final class PgErasure {
    private final Sql sql;

    public PgErasure(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    /** Erases the member behind {@code identity}; empty when we never knew that record. */
    public Optional<MemberId> erase(CrmIdentity identity) {
        Optional<MemberId> member = sql.one("SELECT member_id FROM member_identities WHERE system = ?"
                + " AND external_id = ?", row -> new MemberId(row.getLong(1)), identity.system(), identity.externalId());
        member.ifPresent(m -> {
            sql.update("UPDATE members SET email = NULL, first_name = NULL, last_name = NULL, birth_date = NULL,"
                    + " marketing_consent = false WHERE id = ?", m.value());
            sql.update("UPDATE member_identities SET deleted = true, external_id = 'erased:'"
                    + " || encode(sha256(convert_to(external_id, 'UTF8')), 'hex') WHERE system = ? AND external_id = ?",
                    identity.system(), identity.externalId());
        });
        sql.update("DELETE FROM crm_field_state WHERE system = ? AND external_id = ?", identity.system(),
                identity.externalId());
        sql.update("DELETE FROM dead_letters WHERE system = ? AND record_type = 'contact' AND record_id = ?",
                identity.system(), identity.externalId());
        return member;
    }

    /**
     * Which of these CRM record ids were erased: a stale read of an erased record (search lags, webhooks arrive
     * late) must not bring the person back as a new member.
     */
    public Set<String> erasedAmong(String system, List<String> externalIds) {
        Map<String, String> byHash = new HashMap<>();
        externalIds.forEach(id -> byHash.put(hashed(id), id));
        Set<String> erased = new HashSet<>();
        if (byHash.isEmpty()) {
            return erased;
        }
        sql.list("SELECT external_id FROM member_identities WHERE system = ? AND external_id = ANY (?)",
                row -> erased.add(byHash.get(row.getString(1))), system,
                new Sql.TextArray(byHash.keySet().toArray(String[]::new)));
        return erased;
    }

    /** The id an erased identity keeps: the same hash the UPDATE in {@link #erase} computes in SQL. */
    static String hashed(String externalId) {
        try {
            return "erased:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(externalId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
