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
            if (retry) {
                outbox.retryLater(system, item.member(),
                        OutboxPusher.backoffSeconds(outbox.attempts(system, item.member())));
            } else {
                outbox.complete(system, item);
            }
        }
        states.record(system, acknowledged);
        if (calls > 0) {
            sources.pushed(system, pushed, calls);
        }
        if (lastError != null) {
            sources.failed(system, "push", lastError);
        }
        return new OutboxPusher.Round(items.size(), pushed, failed, calls);
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
