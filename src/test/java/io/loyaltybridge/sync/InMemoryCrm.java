package io.loyaltybridge.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CRM for engine tests: holds contact fields, counts calls, and can refuse chosen records permanently or fail
 * whole calls. The connectors' own tests run against the wire-faithful sandboxes instead.
 */
final class InMemoryCrm implements CrmWriter {
    final Map<String, Map<String, String>> contacts = new HashMap<>();
    final Set<String> refused = new HashSet<>();
    final List<Integer> callSizes = new ArrayList<>();
    int failWholeCalls;
    private final int maxBatch;

    InMemoryCrm(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    @Override
    public String system() {
        return "testcrm";
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public List<PushResult> write(List<PushRecord> records) {
        callSizes.add(records.size());
        if (failWholeCalls > 0) {
            failWholeCalls--;
            throw new IllegalStateException("503 Service Unavailable");
        }
        List<PushResult> results = new ArrayList<>();
        for (PushRecord record : records) {
            if (refused.contains(record.externalId())) {
                results.add(PushResult.failure(record.externalId(), ErrorClass.PERMANENT, "INVALID_FIELD", "refused"));
            } else {
                contacts.computeIfAbsent(record.externalId(), id -> new HashMap<>()).putAll(record.fields());
                results.add(PushResult.success(record.externalId()));
            }
        }
        return results;
    }

    @Override
    public ErrorClass classify(Exception failure) {
        return ErrorClass.RETRIABLE;
    }
}
