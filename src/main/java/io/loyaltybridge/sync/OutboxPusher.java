package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.LoyaltyProfiles;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgFieldStates;
import io.loyaltybridge.store.PgIdentities;
import io.loyaltybridge.store.PgOutbox;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drains one CRM's outbox a batch at a time: lease members, send only changed fields in as few calls as the CRM's
 * batch size allows, then settle each member on its own — acknowledged, retried later, or dead-lettered.
 * The lease is committed before the call, so no database transaction stays open across the network.
 */
public final class OutboxPusher {
    /** What one round did. */
    public record Round(int members, int pushed, int failed, int calls) {
        static final Round EMPTY = new Round(0, 0, 0, 0);
    }

    private static final int LEASE_SECONDS = 120;
    private static final int MAX_BACKOFF_SECONDS = 300;

    private final Transactions tx;
    private final PgOutbox outbox;
    private final PgIdentities identities;
    private final LoyaltyProfiles profiles;
    private final PgFieldStates states;
    private final PushSettlement settlement;
    private final Clock clock;

    public OutboxPusher(Transactions tx, LoyaltyProfiles profiles, PgDeadLetters deadLetters, PgSyncSources sources,
                        Clock clock) {
        this.tx = tx;
        this.outbox = new PgOutbox(tx);
        this.identities = new PgIdentities(tx);
        this.profiles = profiles;
        this.states = new PgFieldStates(tx);
        this.settlement = new PushSettlement(outbox, states, deadLetters, sources);
        this.clock = clock;
    }

    public Round pushOnce(CrmWriter writer, FieldMap fieldMap) {
        settleLeftOver(writer.system());
        return pushLeased(writer, fieldMap);
    }

    /**
     * One call's worth: lease, plan, call, settle. Without {@link #settleLeftOver} (the push's own thread runs that
     * between calls), so several of these may run side by side: each leases members no other holds.
     */
    Round pushLeased(CrmWriter writer, FieldMap fieldMap) {
        String system = writer.system();
        List<PgOutbox.Item> items = tx.inTransaction(() -> outbox.lease(system, writer.maxBatch(), LEASE_SECONDS));
        if (items.isEmpty()) {
            return Round.EMPTY;
        }
        List<MemberId> members = items.stream().map(PgOutbox.Item::member).toList();
        List<PushRecord> plan = tx.read(() -> {
            Map<MemberId, List<String>> records = identities.live(system, members);
            List<String> ids = records.values().stream().flatMap(List::stream).toList();
            return PushPlanner.plan(members, records, profiles.of(members), states.get(system, ids), fieldMap,
                    clock.instant());
        });
        Map<String, PushResult> results = new HashMap<>();
        int calls = 0;
        for (int from = 0; from < plan.size(); from += writer.maxBatch()) {
            List<PushRecord> chunk = plan.subList(from, Math.min(plan.size(), from + writer.maxBatch()));
            calls++;
            for (PushResult result : call(writer, chunk)) {
                results.put(result.externalId(), result);
            }
        }
        int sentCalls = calls;
        // Settled in member order, the order in which ingest marks rows, so the two rarely wait on each other in a
        // crossed order (a deadlock PostgreSQL breaks by failing one of them, retried then).
        List<PgOutbox.Item> byMember = items.stream()
                .sorted(java.util.Comparator.comparingLong(item -> item.member().value())).toList();
        return tx.inTransaction(() -> settlement.settle(system, byMember, plan, results, sentCalls));
    }

    /**
     * Settles the pushed members whose rows an inbound batch still held when their push was settled (see
     * {@link PgOutbox#lockForSettlement}); costs nothing when there are none.
     */
    public void settleLeftOver(String system) {
        if (!settlement.hasLeftOver(system)) {
            return;
        }
        tx.inTransaction(() -> {
            settlement.settleLater(system);
            return null;
        });
        settlement.forgetSettled(system);
    }

    private static List<PushResult> call(CrmWriter writer, List<PushRecord> chunk) {
        try {
            List<PushResult> answered = new ArrayList<>(writer.write(chunk));
            // A record the CRM did not answer for is treated as not written: it will be tried again.
            for (PushRecord record : chunk) {
                if (answered.stream().noneMatch(r -> r.externalId().equals(record.externalId()))) {
                    answered.add(PushResult.failure(record.externalId(), ErrorClass.RETRIABLE, "no_answer",
                            "the CRM gave no result for this record"));
                }
            }
            return answered;
        } catch (Exception failure) {
            ErrorClass errorClass = writer.classify(failure);
            String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            return chunk.stream().map(r -> PushResult.failure(r.externalId(), errorClass, "call_failed", message))
                    .toList();
        }
    }

    static int backoffSeconds(int attempts) {
        return Math.min(MAX_BACKOFF_SECONDS, 1 << Math.min(attempts, 9));
    }
}
