package io.loyaltybridge.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders placed in a CRM sandbox at a steady rate, and for each the time until the CRM's stored contact shows
 * different points: placing and observing both read {@link System#nanoTime()}, and pending contacts are polled every
 * 50 ms. A contact gets a new order only once its previous one showed, so each change is attributable. The points a
 * contact showed before its order are the ones this class last saw on it (read from the CRM the first time only),
 * so placing an order costs the generator one write to the CRM and nothing else.
 */
final class SteadyState {
    /**
     * Latencies in milliseconds, each from the moment its order was due (the rate's schedule), not from when it was
     * placed: when the generator had to wait (every contact had an order pending, because the app was that far
     * behind) the wait counts against the app, as it would for a shop's customer. {@code due} orders were owed in
     * the time; one not placed by the end, or not seen within the grace period, counts as infinitely late (lost).
     */
    record Result(int rate, int seconds, int due, int placed, int seen, boolean contactsExhausted, double p50Ms,
                  double p99Ms, double maxMs, double seenP50Ms, double seenP99Ms) {
        double achievedRate() {
            return seconds == 0 ? 0 : (double) placed / seconds;
        }

        /** The 2 s target held and nothing was lost. */
        boolean held() {
            return due > 0 && seen == due && p99Ms < 2000;
        }
    }

    private record Pending(Long before, long dueNanos) {
    }

    /** Every read of the sandbox takes its lock, which the app's calls need too: often enough, and no more. */
    private static final long POLL_MS = 50;
    /**
     * An order pending longer than the 2 s target is checked every 500 ms only: at a rate the app cannot keep up
     * with, thousands of pending contacts read every 50 ms would load the CRM sandbox (and slow the app) more than
     * the orders do. Latencies above 2 s are then known to 500 ms, which decides no target.
     */
    private static final long SLOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SLOW_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Stands for "no points shown yet" in the map of last seen points (which takes no nulls). */
    private static final Long NONE = Long.MIN_VALUE;

    private SteadyState() {
    }

    static Result run(BenchCrm crm, int rate, int seconds) {
        Map<String, Pending> pending = new ConcurrentHashMap<>();
        Map<String, Long> lastSeen = new ConcurrentHashMap<>();
        Map<String, Long> slowCheck = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger placed = new AtomicInteger();
        Generator generator = new Generator(crm, rate, seconds, (contact, dueNanos) -> {
            Long before = lastSeen.computeIfAbsent(contact, c -> Objects.requireNonNullElse(crm.pointsShown(c),
                    NONE));
            crm.placeOrder(contact);
            pending.put(contact, new Pending(before, dueNanos));
            placed.incrementAndGet();
        }, pending::containsKey);
        long placingEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long end = placingEnds + GRACE_NANOS;
        generator.start();
        try {
            while (System.nanoTime() < end && (generator.running() || !pending.isEmpty())) {
                long round = System.nanoTime();
                pending.forEach((contact, p) -> {
                    if (round - p.dueNanos() > SLOW_AFTER_NANOS) {
                        if (round < slowCheck.getOrDefault(contact, 0L)) {
                            return; // checked less than 500 ms ago: see SLOW_AFTER_NANOS
                        }
                        slowCheck.put(contact, round + SLOW_POLL_NANOS);
                    }
                    Long now = crm.pointsShown(contact);
                    if (now != null && !now.equals(p.before())) {
                        latencies.add((System.nanoTime() - p.dueNanos()) / 1e6);
                        lastSeen.put(contact, now);
                        slowCheck.remove(contact);
                        pending.remove(contact);
                    }
                });
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            generator.stop();
        }
        List<Double> all = new ArrayList<>(latencies);
        Collections.sort(all);
        int seen = all.size();
        double seenP50 = percentile(all, 0.50);
        double seenP99 = percentile(all, 0.99);
        int due = rate * seconds;
        for (int i = seen; i < Math.max(due, placed.get()); i++) {
            all.add(Double.POSITIVE_INFINITY);
        }
        return new Result(rate, seconds, due, placed.get(), seen, generator.contactsExhausted(),
                percentile(all, 0.50), percentile(all, 0.99), all.isEmpty() ? 0 : all.get(all.size() - 1), seenP50,
                seenP99);
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
