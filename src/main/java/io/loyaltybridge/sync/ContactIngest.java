package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.Consent;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgErasure;
import io.loyaltybridge.store.PgMembers;
import io.loyaltybridge.store.Transactions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes CRM contacts in: each maps to one member — by its CRM id, else by email, else a new member — and the
 * member's details follow the CRM. A batch commits together with its cursor; a record that fails is dead-lettered
 * alone (behind a savepoint) and the rest go through.
 */
public final class ContactIngest {
    private final Transactions tx;
    private final PgMembers members;
    private final PgErasure erasure;
    private final SyncStores stores;
    private final Map<String, FieldMap> fieldMaps;
    private final OrderIngest orders;
    private final ContactBatch batches;
    private final AtomicLong takenOneByOne = new AtomicLong();

    public ContactIngest(Transactions tx, SyncStores stores, Map<String, FieldMap> fieldMaps, OrderIngest orders) {
        this.tx = tx;
        this.members = new PgMembers(tx);
        this.erasure = new PgErasure(tx);
        this.stores = stores;
        this.fieldMaps = fieldMaps;
        this.orders = orders;
        this.batches = new ContactBatch(tx, stores);
    }

    /**
     * Takes a batch of contacts in, set-wise ({@link ContactBatch}: a fixed number of statements whatever its size),
     * in one transaction with its cursor; a batch that path does not judge alone is taken in one record at a time.
     * Orders that were waiting for these contacts are replayed in the same transaction.
     */
    public IngestReport apply(List<InboundContact> batch, SourceCursor cursor) {
        return tx.inTransaction(() -> {
            IngestReport report;
            try {
                report = batch.isEmpty() ? IngestReport.NONE : tx.inSavepoint(() -> {
                    ContactBatch.Taken taken = batches.apply(batch, fieldMaps);
                    replayWaitingFor(taken.records());
                    return new IngestReport(taken.changed(), taken.skipped(), 0);
                });
            } catch (RuntimeException reason) {
                if (Failures.classify(reason) == ErrorClass.RETRIABLE) {
                    throw reason;
                }
                // The one-by-one path judges what the batch could not, and dead-letters a record that fails.
                takenOneByOne.incrementAndGet();
                return applyOneByOne(batch, cursor);
            }
            if (cursor != null) {
                stores.sources().advance(cursor.system(), cursor.object(), cursor.watermark(), report.taken());
            }
            return report;
        });
    }

    /** How many batches fell back to the one-by-one path since start. */
    public long batchesTakenOneByOne() {
        return takenOneByOne.get();
    }

    /** One record at a time, each in a savepoint: the oracle the set-wise path is tested against. */
    public IngestReport applyOneByOne(List<InboundContact> batch, SourceCursor cursor) {
        return tx.inTransaction(() -> {
            IngestReport report = IngestReport.NONE;
            for (InboundContact contact : batch) {
                report = report.plus(one(contact));
            }
            if (cursor != null) {
                stores.sources().advance(cursor.system(), cursor.object(), cursor.watermark(), report.taken());
            }
            return report;
        });
    }

    /** Replays, one by one, the orders that were waiting for any of these records (one read for them all). */
    private void replayWaitingFor(List<InboundContact> taken) {
        List<String> keys = taken.stream().map(c -> InboundContact.waitKey(c.system(), c.externalId())).toList();
        for (PgDeadLetters.DeadLetter letter : stores.deadLetters().waitingForAny(keys)) {
            orders.replay(letter);
        }
    }

    /** One contact, in the caller's transaction; a permanent failure becomes a dead letter. */
    IngestReport one(InboundContact contact) {
        try {
            return tx.inSavepoint(() -> take(contact)) ? new IngestReport(1, 0, 0) : new IngestReport(0, 1, 0);
        } catch (RuntimeException failure) {
            ErrorClass errorClass = Failures.classify(failure);
            if (errorClass == ErrorClass.RETRIABLE) {
                throw failure;
            }
            stores.deadLetters().add(contact.system(), "inbound", "contact", contact.externalId(),
                    InboundJson.write(contact), Failures.code(failure), Failures.message(failure), null);
            return new IngestReport(0, 0, 1);
        }
    }

    /**
     * Takes one contact in; true when it changed the core: a new member or link, a changed name, email, birth date or
     * consent, a deletion. A read that changes none of them (our own write coming back, an edit to a field we do not
     * map) is still recorded as seen, and counts as skipped: "records in" counts changes, not reads.
     */
    private boolean take(InboundContact contact) {
        CrmIdentity identity = contact.identity();
        Optional<Instant> seen = stores.identities().lastModified(identity);
        if (seen.isPresent() && isNotNewer(contact.modifiedAt(), seen.get())) {
            return false;
        }
        Optional<Member> known = members.byIdentity(identity);
        if (known.isEmpty() && !erasure.erasedAmong(identity.system(), List.of(identity.externalId())).isEmpty()) {
            // The record of an erased member read again (a late page, the other CRM still holding the person):
            // taking it in would bring the person back as a new member.
            return false;
        }
        if (contact.deleted()) {
            known.ifPresent(m -> stores.identities().seen(identity, contact.modifiedAt(), true));
            return known.isPresent();
        }
        Email email = Email.isValid(contact.email()) ? new Email(contact.email().strip()) : null;
        // Consent changes in this transaction are recorded as coming from this CRM (consent_history).
        stores.consent().source(contact.system());
        Optional<Member> existing = known.or(() -> email == null ? Optional.empty() : members.byEmail(email));
        Member member = existing.orElseGet(() -> create(contact, email));
        NewMember details = details(contact, email, member.consent());
        boolean changed = existing.isEmpty();
        if (member.identities().stream().noneMatch(identity::equals)) {
            members.link(member.id(), identity);
            changed = true;
        }
        changed |= members.updateDetails(member.id(), details);
        stores.identities().seen(identity, contact.modifiedAt(), false);
        Map<String, String> shown = fieldMaps.getOrDefault(contact.system(), new FieldMap(Map.of()))
                .observed(contact.loyaltyFields());
        if (!shown.isEmpty()) {
            stores.fieldStates().record(contact.system(), Map.of(contact.externalId(), shown));
        }
        stores.outbox().mark(List.of(member.id()));
        orders.replayWaitingFor(InboundContact.waitKey(contact.system(), contact.externalId()));
        return changed;
    }

    private Member create(InboundContact contact, Email email) {
        NewMember details = details(contact, email, Consent.NONE);
        return email == null ? members.create(details) : members.createOrGetByEmail(details);
    }

    static NewMember details(InboundContact contact, Email email, Consent current) {
        LocalDate birth = contact.birthDate();
        boolean plausible = birth != null && birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
        Consent consent = contact.marketingConsent() == null ? current : new Consent(contact.marketingConsent());
        return new NewMember(email, clip(contact.firstName()), clip(contact.lastName()), plausible ? birth : null,
                consent);
    }

    private static String clip(String value) {
        return value == null ? null : value.strip().substring(0, Math.min(100, value.strip().length()));
    }

    private static boolean isNotNewer(Instant incoming, Instant seen) {
        return incoming != null && seen != null && !incoming.isAfter(seen);
    }
}
