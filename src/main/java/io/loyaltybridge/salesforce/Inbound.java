package io.loyaltybridge.salesforce;

import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.IngestReport;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.SourceCursor;

import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * The one door Salesforce records come in by, from polls, backfills and change events alike. It takes one batch
 * at a time: a change event and a poll reading the same new contact must not both create a member for it. It also
 * remembers when something last came in, so pushes can wait for a burst to settle.
 */
final class Inbound {
    private final Transactions tx;
    private final ContactIngest contacts;
    private final OrderIngest orders;
    private final Lock ingestLock;

    /** @param ingestLock shared with the other connectors: one CRM batch at a time in this process */
    Inbound(Transactions tx, ContactIngest contacts, OrderIngest orders, Lock ingestLock) {
        this.ingestLock = ingestLock;
        this.tx = tx;
        this.contacts = contacts;
        this.orders = orders;
    }

    IngestReport contacts(List<InboundContact> batch, SourceCursor cursor, Runnable alsoInTransaction) {
        return locked(() -> {
            IngestReport report = contacts.apply(batch, cursor);
            alsoInTransaction.run();
            return report;
        });
    }

    IngestReport orders(List<InboundOrder> batch, SourceCursor cursor, Runnable alsoInTransaction) {
        return locked(() -> {
            IngestReport report = orders.apply(batch, cursor);
            alsoInTransaction.run();
            return report;
        });
    }

    private IngestReport locked(Supplier<IngestReport> batch) {
        ingestLock.lock();
        try {
            return tx.inTransaction(batch);
        } finally {
            ingestLock.unlock();
        }
    }
}
