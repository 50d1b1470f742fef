package io.loyaltybridge.sandbox.hubspot;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * API calls per endpoint, keyed like "POST /crm/v3/objects/contacts/batch/update" with ids written as {id}; tests
 * use them to prove e.g. that a sync made one batch call instead of a hundred single ones.
 */
public final class CallCounters {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String method, String path) {
        counts.computeIfAbsent(key(method, path), k -> new LongAdder()).increment();
    }

    /** Calls so far to the endpoint, e.g. {@code calls("POST /crm/v3/objects/contacts/batch/update")}. */
    public long calls(String endpoint) {
        LongAdder a = counts.get(endpoint);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void reset() {
        counts.clear();
    }

    static String key(String method, String path) {
        return method + " " + path.replaceAll("/\\d+(?=/|$)", "/{id}");
    }
}
