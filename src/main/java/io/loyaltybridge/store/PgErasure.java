package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.MemberId;

import java.util.Optional;

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
}
