package io.loyaltybridge.sync;

import io.loyaltybridge.store.PgConsent;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgFieldStates;
import io.loyaltybridge.store.PgIdentities;
import io.loyaltybridge.store.PgOrders;
import io.loyaltybridge.store.PgOutbox;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;

/** The sync's tables, opened once and shared by the ingest, the pusher and the replays. */
public record SyncStores(PgSyncSources sources, PgOutbox outbox, PgFieldStates fieldStates, PgIdentities identities,
                         PgDeadLetters deadLetters, PgOrders orders, PgConsent consent) {
    public static SyncStores open(Transactions tx) {
        return new SyncStores(new PgSyncSources(tx), new PgOutbox(tx), new PgFieldStates(tx), new PgIdentities(tx),
                new PgDeadLetters(tx), new PgOrders(tx), new PgConsent(tx));
    }
}
