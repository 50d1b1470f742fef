package io.loyaltybridge.hubspot;

import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.store.PgErasure;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.InboundContact;

import java.util.List;
import java.util.Set;

/**
 * HubSpot's privacyDeletion on our side: the member's personal data is erased (the ledger stays), and from then on
 * a late or stale read of that contact is dropped, so the person never comes back as a new member. Callers hold
 * the ingest lock, so an erasure and a page being taken in never interleave.
 */
final class Erasure {
    private final Transactions tx;
    private final PgErasure store;

    Erasure(Transactions tx) {
        this.tx = tx;
        this.store = new PgErasure(tx);
    }

    /** Erases the contact's member (if we know it), and runs {@code alsoInTransaction} in the same transaction. */
    void erase(String contactId, Runnable alsoInTransaction) {
        tx.inTransaction(() -> {
            store.erase(new CrmIdentity(ContactMapper.SYSTEM, contactId));
            alsoInTransaction.run();
            return null;
        });
    }

    List<InboundContact> keepNotErased(List<InboundContact> contacts) {
        Set<String> erased = tx.read(() -> store.erasedAmong(ContactMapper.SYSTEM,
                contacts.stream().map(InboundContact::externalId).toList()));
        return erased.isEmpty() ? contacts : contacts.stream().filter(c -> !erased.contains(c.externalId())).toList();
    }
}
