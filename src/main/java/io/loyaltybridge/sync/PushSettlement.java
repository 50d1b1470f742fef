package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgFieldStates;
import io.loyaltybridge.store.PgOutbox;
import io.loyaltybridge.store.PgSyncSources;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After a push: records what each CRM record acknowledged, and settles each leased member on its own — done,
 * retried later (any retriable failure), or dead-lettered (permanent failures) — so one bad record holds up no other.
 */
final class PushSettlement {
    private final PgOutbox outbox;
    private final PgFieldStates states;
    private final PgDeadLetters deadLetters;
    private final PgSyncSources sources;

    /** A pushed member whose row an uncommitted inbound batch held at settlement: settled on a later round. */
    private record Later(PgOutbox.Item item, boolean retry) {
    }

    /**
     * Keyed by member, so a settlement transaction retried after a deadlock puts the same entries again. Only the
     * push's own thread uses it; should the app stop first, the rows' lease runs out and they are pushed again.
     */
    private final Map<String, Map<MemberId, Later>> laterBySystem = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<MemberId> settledLater = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PushSettlement(PgOutbox outbox, PgFieldStates states, PgDeadLetters deadLetters, PgSyncSources sources) {
        this.outbox = outbox;
        this.states = states;
        this.deadLetters = deadLetters;
        this.sources = sources;
    }

    OutboxPusher.Round settle(String system, List<PgOutbox.Item> items, List<PushRecord> plan,
                              Map<String, PushResult> results, int calls) {
        Map<String, Map<String, String>> acknowledged = new HashMap<>();
        int pushed = 0;
        int failed = 0;
        String lastError = null;
        Map<MemberId, List<PushRecord>> byMember = new HashMap<>();
        plan.forEach(r -> byMember.computeIfAbsent(r.member(), m -> new java.util.ArrayList<>()).add(r));
        java.util.Set<MemberId> free = outbox.lockForSettlement(system, items.stream().map(PgOutbox.Item::member)
                .toList());
        Map<MemberId, Later> later = later(system);
        List<PgOutbox.Item> done = new java.util.ArrayList<>();
        for (PgOutbox.Item item : items) {
            boolean retry = false;
            for (PushRecord record : byMember.getOrDefault(item.member(), List.of())) {
                PushResult result = results.get(record.externalId());
                if (result.ok()) {
                    acknowledged.put(record.externalId(), record.fields());
                    pushed++;
                    continue;
                }
                failed++;
                lastError = result.code() + ": " + result.message();
                if (result.errorClass() == ErrorClass.RETRIABLE) {
                    retry = true;
                } else {
                    deadLetters.add(system, "outbound", "contact", record.externalId(), payload(record),
                            result.code(), result.message(), null);
                }
            }
            if (free.contains(item.member())) {
                later.remove(item.member()); // put there by an attempt of this transaction rolled back (a deadlock)
                settleRow(system, item, retry, done);
            } else {
                later.put(item.member(), new Later(item, retry));
            }
        }
        outbox.complete(system, done);
        states.record(system, acknowledged);
        if (calls > 0) {
            sources.pushed(system, pushed, calls);
        }
        if (lastError != null) {
            sources.failed(system, "push", lastError);
        }
        return new OutboxPusher.Round(items.size(), pushed, failed, calls);
    }

    /** Settles the rows left for later whose inbound batch has committed meanwhile; the rest wait again. */
    void settleLater(String system) {
        settledLater.clear(); // from an attempt rolled back
        Map<MemberId, Later> later = later(system);
        if (later.isEmpty()) {
            return;
        }
        java.util.Set<MemberId> free = outbox.lockForSettlement(system, List.copyOf(later.keySet()));
        List<PgOutbox.Item> done = new java.util.ArrayList<>();
        for (MemberId member : free) {
            Later row = later.get(member);
            settleRow(system, row.item(), row.retry(), done);
        }
        outbox.complete(system, done);
        settledLater.addAll(free);
    }

    boolean hasLeftOver(String system) {
        return !later(system).isEmpty();
    }

    /** Called once the transaction of {@link #settleLater} committed: those rows are done. */
    void forgetSettled(String system) {
        settledLater.forEach(later(system)::remove);
        settledLater.clear();
    }

    private Map<MemberId, Later> later(String system) {
        return laterBySystem.computeIfAbsent(system, s -> new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** A retry is settled at once; a done row joins {@code done}, completed with the others in one statement. */
    private void settleRow(String system, PgOutbox.Item item, boolean retry, List<PgOutbox.Item> done) {
        if (retry) {
            outbox.retryLater(system, item.member(),
                    OutboxPusher.backoffSeconds(outbox.attempts(system, item.member())));
        } else {
            done.add(item);
        }
    }

    private static String payload(PushRecord record) {
        var node = InboundJson.MAPPER.createObjectNode();
        node.put("memberId", record.member().value());
        node.put("externalId", record.externalId());
        var fields = node.putObject("fields");
        record.fields().forEach(fields::put);
        return node.toString();
    }
}
