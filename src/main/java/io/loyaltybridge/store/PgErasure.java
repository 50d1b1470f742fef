package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.MemberId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one erasure of a member (GDPR "right to be forgotten"), whoever asks: the API's DELETE or a CRM's privacy
 * deletion. The member's personal data goes, their points and orders stay (the ledger keeps balancing, and the
 * entries identify no one once the member row holds no name). Every CRM record id of the member becomes a one-way
 * hash, so nothing links the member to that person any more, yet a late read of the record is still recognised and
 * dropped instead of creating the person again. What we kept of those records (field states, dead letters, pending
 * pushes) is deleted. Runs in the caller's transaction, together with its audit entry.
 */
public final class PgErasure {
    /** What an erasure did: {@code erasedNow} is false when the member had been erased before (nothing changed). */
    public record Outcome(MemberId member, boolean erasedNow, Instant erasedAt) {
    }

    private record Earlier(Instant erasedAt) {
    }

    private final Sql sql;
    private final PgAudit audit;

    public PgErasure(Transactions transactions) {
        this.sql = new Sql(transactions);
        this.audit = new PgAudit(transactions);
    }

    /** Erases the member behind {@code identity} at the request of that CRM; empty when we never knew that record. */
    public Optional<Outcome> erase(CrmIdentity identity) {
        return sql.one("SELECT member_id FROM member_identities WHERE system = ? AND external_id = ?",
                        row -> new MemberId(row.getLong(1)), identity.system(), identity.externalId())
                .flatMap(member -> erase(member, identity.system()));
    }

    /** Erases {@code member}; {@code actor} (a token name or a CRM) goes into the audit log. Empty: no such member. */
    public Optional<Outcome> erase(MemberId member, String actor) {
        // The row lock makes two simultaneous requests take turns: the second sees erased_at and changes nothing.
        Optional<Earlier> earlier = sql.one("SELECT erased_at FROM members WHERE id = ? FOR UPDATE",
                row -> new Earlier(Sql.instant(row, "erased_at")), member.value());
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (earlier.get().erasedAt() != null) {
            return Optional.of(new Outcome(member, false, earlier.get().erasedAt()));
        }
        forgetCrmCopies(member);
        sql.update("DELETE FROM crm_outbox WHERE member_id = ?", member.value());
        // A grant's reasons are staff's free text about this person ("key account of ..."); tier, dates and actors
        // stay, so the tier history still explains itself.
        sql.update("UPDATE tier_grants SET reason = 'erased', end_reason = CASE WHEN end_reason IS NULL THEN NULL"
                + " ELSE 'erased' END WHERE member_id = ?", member.value());
        // Survey comments are the member's own words; the scores stay (on the anonymised member) for the figures,
        // and the CRM record ids are hashed like the identities so nothing leads back to the person.
        sql.update("UPDATE feedback_answers SET comment = NULL, external_id = 'erased:'"
                + " || encode(sha256(convert_to(external_id, 'UTF8')), 'hex'), updated_at = now()"
                + " WHERE member_id = ? AND external_id NOT LIKE 'erased:%'", member.value());
        int identities = sql.update("UPDATE member_identities SET deleted = true, external_id = 'erased:'"
                + " || encode(sha256(convert_to(external_id, 'UTF8')), 'hex') WHERE member_id = ?"
                + " AND external_id NOT LIKE 'erased:%'", member.value());
        Instant at = sql.one("UPDATE members SET email = NULL, first_name = NULL, last_name = NULL, birth_date = NULL,"
                + " marketing_consent = false, erased_at = now() WHERE id = ? RETURNING erased_at",
                row -> Sql.instant(row, "erased_at"), member.value()).orElseThrow();
        audit.record(actor, "member.erased", "member:" + member.value(), member,
                Map.of("crmRecordsUnlinked", identities));
        return Optional.of(new Outcome(member, true, at));
    }

    /**
     * Field states and dead letters about the member's CRM records: a contact's letters, orders waiting for one of
     * those contacts or naming one, and any letter carrying the member's email.
     */
    private void forgetCrmCopies(MemberId member) {
        sql.update("DELETE FROM crm_field_state f USING member_identities i WHERE i.member_id = ?"
                + " AND f.system = i.system AND f.external_id = i.external_id", member.value());
        sql.update("DELETE FROM dead_letters d USING member_identities i WHERE i.member_id = ? AND d.system = i.system"
                + " AND ((d.record_type = 'contact' AND d.record_id = i.external_id)"
                + " OR d.waiting_for = i.system || ':contact:' || i.external_id"
                + " OR d.payload ->> 'contactExternalId' = i.external_id)", member.value());
        sql.update("DELETE FROM dead_letters d USING members m WHERE m.id = ? AND m.email IS NOT NULL"
                + " AND lower(d.payload ->> 'email') = lower(m.email)", member.value());
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
