package io.loyaltybridge.sync;

import io.loyaltybridge.store.PgMemberEvents;
import java.util.Set;

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
                         PgDeadLetters deadLetters, PgOrders orders, PgConsent consent, PgMemberEvents events) {
    /** With member events recorded and delivered nowhere (as {@code NotifyOptions.OFF} assembles the core). */
    public static SyncStores open(Transactions tx) {
        return open(tx, new PgMemberEvents(tx, Set.of(), false));
    }

    /** {@code events}: the core's own, so events recorded by a settled batch get the core's deliveries. */
    public static SyncStores open(Transactions tx, PgMemberEvents events) {
        return new SyncStores(new PgSyncSources(tx), new PgOutbox(tx), new PgFieldStates(tx), new PgIdentities(tx),
                new PgDeadLetters(tx), new PgOrders(tx), new PgConsent(tx), events);
    }
}
