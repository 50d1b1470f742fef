package io.loyaltybridge.sync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How much of each CRM's API allowance is used, as the CRM last reported it (Salesforce's Sforce-Limit-Info,
 * HubSpot's daily rate-limit headers). Each connector registers where its figures come from; the status reads them.
 */
public final class ApiBudgets {
    /** Calls used of the allowance for the period (e.g. "day"). */
    public record Budget(long used, long limit, String period) {
    }

    /** Calls stopped until {@code until} (e.g. HubSpot's daily limit); {@code message} says so for people. */
    public record Pause(java.time.Instant until, String message) {
    }

    private final Map<String, Supplier<Optional<Budget>>> sources = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Optional<Pause>>> pauses = new ConcurrentHashMap<>();

    public void registerPause(String system, Supplier<Optional<Pause>> source) {
        pauses.put(system, source);
    }

    /** The CRM's calls are paused (its limit reached) until a known time; empty when they may go. */
    public Optional<Pause> pause(String system) {
        return pauses.getOrDefault(system, Optional::empty).get();
    }

    public void register(String system, Supplier<Optional<Budget>> source) {
        sources.put(system, source);
    }

    public Optional<Budget> of(String system) {
        return sources.getOrDefault(system, Optional::empty).get();
    }

    private final Map<String, Supplier<String>> shapes = new ConcurrentHashMap<>();

    /**
     * What the CRM's org looks like, in words, shown next to its budget (Salesforce: "contacts" or "contacts and
     * person accounts"); the supplier answers null while it is not known yet.
     */
    public void registerShape(String system, Supplier<String> shape) {
        shapes.put(system, shape);
    }

    public Optional<String> shape(String system) {
        return Optional.ofNullable(shapes.getOrDefault(system, () -> null).get());
    }
}
