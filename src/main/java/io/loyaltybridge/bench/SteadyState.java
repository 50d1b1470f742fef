package io.loyaltybridge.bench;

import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.SandboxAdmin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders created in the Salesforce sandbox at a steady rate, and for each the time until the sandbox's stored
 * contact shows different points: creation and observation both read {@link System#nanoTime()}, and the contact is
 * polled every 50 ms. A contact gets a new order only once its previous one showed, so each change is attributable.
 */
final class SteadyState {
    /**
     * Latencies in milliseconds; an order never seen within the grace period counts as infinitely late. Placing
     * stops after the given seconds even when the sandbox could not take the rate (then {@code placed} says so).
     */
    record Result(int placed, int seen, double p50Ms, double p99Ms, double maxMs) {
    }

    private record Pending(Long before, long createdNanos) {
    }

    /** Every read of the sandbox takes its lock, which the app's calls need too: often enough, and no more. */
    private static final long POLL_MS = 50;
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private SteadyState() {
    }

    static Result run(SalesforceSandbox sf, CrmWatch watch, List<String> contacts, int rate, int seconds) {
        Map<String, Pending> pending = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        int total = rate * seconds;
        long placingEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ScheduledExecutorService placer = Executors.newSingleThreadScheduledExecutor();
        placer.scheduleAtFixedRate(() -> {
            if (placed.get() >= total || System.nanoTime() > placingEnds) {
                return;
            }
            String contact = nextFree(contacts, next, pending);
            if (contact == null) {
                return;
            }
            Long before = watch.pointsShown(contact);
            sf.admin().createOrder(contact, "Activated", LocalDate.now(ZoneOffset.UTC), "EUR",
                    List.of(new SandboxAdmin.Line("SKU-APP-01", 1, 149.0)));
            pending.put(contact, new Pending(before, System.nanoTime()));
            placed.incrementAndGet();
        }, 0, TimeUnit.SECONDS.toNanos(1) / rate, TimeUnit.NANOSECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) + GRACE_NANOS;
        try {
            while (System.nanoTime() < end && (System.nanoTime() < placingEnds || !pending.isEmpty())) {
                pending.forEach((contact, p) -> {
                    Long now = watch.pointsShown(contact);
                    if (now != null && !now.equals(p.before())) {
                        latencies.add((System.nanoTime() - p.createdNanos()) / 1e6);
                        pending.remove(contact);
                    }
                });
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            placer.shutdownNow();
        }
        List<Double> all = new ArrayList<>(latencies);
        Collections.sort(all);
        int seen = all.size();
        for (int i = seen; i < placed.get(); i++) {
            all.add(Double.POSITIVE_INFINITY);
        }
        return new Result(placed.get(), seen, percentile(all, 0.50), percentile(all, 0.99),
                all.isEmpty() ? 0 : all.get(all.size() - 1));
    }

    private static String nextFree(List<String> contacts, AtomicInteger next, Map<String, Pending> pending) {
        for (int tries = 0; tries < contacts.size(); tries++) {
            String contact = contacts.get(Math.floorMod(next.getAndIncrement(), contacts.size()));
            if (!pending.containsKey(contact)) {
                return contact;
            }
        }
        return null;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
