package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.Consent;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.store.PgContactBatch;
import io.loyaltybridge.store.PgErasure;
import io.loyaltybridge.store.Transactions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of CRM contacts taken in set-wise, by the rules of the one-by-one path ({@link ContactIngest}): a record
 * maps to its linked member, else to the member holding its address, else to a new member, and the member's
 * details follow the record. Four reads and one write per table, whatever the batch's size. A batch this path does
 * not judge alone (deletions, two records of one address or one record twice, several CRMs) falls back to the
 * one-by-one path, as does a write that finds the database changed meanwhile.
 */
final class ContactBatch {
    private final SyncStores stores;
    private final PgContactBatch batch;
    private final PgErasure erasure;

    ContactBatch(Transactions tx, SyncStores stores) {
        this.stores = stores;
        this.batch = new PgContactBatch(tx);
        this.erasure = new PgErasure(tx);
    }

    /** The records taken in (changed or not), how many of them changed the core, how many were passed over. */
    record Taken(List<InboundContact> records, int changed, int skipped) {
    }

    Taken apply(List<InboundContact> contacts, Map<String, FieldMap> fieldMaps) {
        String system = contacts.get(0).system();
        Set<String> emails = new HashSet<>();
        Set<String> records = new HashSet<>();
        for (InboundContact c : contacts) {
            String email = Email.isValid(c.email()) ? new Email(c.email().strip()).normalized() : null;
            if (c.deleted() || !system.equals(c.system()) || !records.add(c.externalId())
                    || (email != null && !emails.add(email))) {
                throw new BatchIngest.Fallback("a deletion, another CRM, or a record or address twice", null);
            }
        }
        Map<String, PgContactBatch.Known> known = batch.known(system, records);
        List<String> unknown = contacts.stream().map(InboundContact::externalId).filter(id -> !known.containsKey(id))
                .toList();
        Set<String> erased = unknown.isEmpty() ? Set.of() : erasure.erasedAmong(system, unknown);
        Map<String, PgContactBatch.ByEmail> byEmail = batch.byEmail(contacts.stream()
                .filter(c -> !known.containsKey(c.externalId()) && Email.isValid(c.email()))
                .map(c -> new Email(c.email().strip()).normalized()).toList());
        List<InboundContact> creating = new ArrayList<>();
        List<PgContactBatch.Details> updating = new ArrayList<>();
        Map<String, MemberId> linking = new LinkedHashMap<>();
        Map<String, MemberId> memberOf = new LinkedHashMap<>();
        Set<MemberId> changed = new LinkedHashSet<>();
        int skipped = 0;
        for (InboundContact c : contacts) {
            PgContactBatch.Known k = known.get(c.externalId());
            if (k != null && c.modifiedAt() != null && k.modifiedAt() != null && !c.modifiedAt().isAfter(k.modifiedAt())
                    || k == null && erased.contains(c.externalId())) {
                skipped++;
                continue;
            }
            Email email = Email.isValid(c.email()) ? new Email(c.email().strip()) : null;
            PgContactBatch.ByEmail match = k != null || email == null ? null : byEmail.get(email.normalized());
            if (k == null && match == null) {
                creating.add(c);
                continue;
            }
            MemberId member = k != null ? k.member() : match.member();
            boolean marketing = k != null ? k.marketing() : match.marketing();
            updating.add(new PgContactBatch.Details(member, ContactIngest.details(c, email, new Consent(marketing))));
            memberOf.put(c.externalId(), member);
            if (k == null) {
                linking.put(c.externalId(), member);
                changed.add(member);
            }
        }
        Set<MemberId> distinct = new HashSet<>();
        if (!updating.stream().allMatch(d -> distinct.add(d.member()))) {
            throw new BatchIngest.Fallback("two records of one member", null);
        }
        List<MemberId> ids = batch.reserveMemberIds(creating.size());
        List<PgContactBatch.Details> created = new ArrayList<>();
        for (int i = 0; i < creating.size(); i++) {
            InboundContact c = creating.get(i);
            Email email = Email.isValid(c.email()) ? new Email(c.email().strip()) : null;
            created.add(new PgContactBatch.Details(ids.get(i), ContactIngest.details(c, email, Consent.NONE)));
            linking.put(c.externalId(), ids.get(i));
            memberOf.put(c.externalId(), ids.get(i));
            changed.add(ids.get(i));
        }
        // Consent changes in this transaction are recorded as coming from this CRM (consent_history).
        stores.consent().source(system);
        if (!batch.create(created) || !batch.link(system, linking)) {
            throw new BatchIngest.Fallback("a member or record was created meanwhile", null);
        }
        changed.addAll(batch.update(updating));
        settleSeen(contacts, memberOf, fieldMaps.getOrDefault(system, new FieldMap(Map.of())));
        long changes = memberOf.keySet().stream().filter(id -> changed.contains(memberOf.get(id))).count();
        return new Taken(contacts.stream().filter(c -> memberOf.containsKey(c.externalId())).toList(), (int) changes,
                contacts.size() - (int) changes);
    }

    private void settleSeen(List<InboundContact> contacts, Map<String, MemberId> memberOf, FieldMap fields) {
        Map<String, Instant> seen = new LinkedHashMap<>();
        Map<String, Map<String, String>> shown = new LinkedHashMap<>();
        for (InboundContact c : contacts) {
            if (memberOf.containsKey(c.externalId())) {
                seen.put(c.externalId(), c.modifiedAt());
                Map<String, String> observed = fields.observed(c.loyaltyFields());
                if (!observed.isEmpty()) {
                    shown.put(c.externalId(), observed);
                }
            }
        }
        String system = contacts.get(0).system();
        batch.seen(system, seen);
        stores.fieldStates().record(system, shown);
        stores.outbox().mark(memberOf.values());
    }
}
