package io.loyaltybridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap over a phase, from the JVM's own memory pools. Two figures: the sum of each heap pool's peak (an upper
 * bound: pools peak at different moments and young garbage counts) and the largest heap occupancy seen right after
 * a collection (what really stayed alive), sampled every 100 ms.
 */
final class HeapPeak implements AutoCloseable {
    private final AtomicLong liveAfterGc = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-heap-sampler");
        t.setDaemon(true);
        return t;
    });

    HeapPeak() {
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
        }
        sampler.scheduleAtFixedRate(() -> liveAfterGc.accumulateAndGet(afterLastCollection(), Math::max),
                0, 100, TimeUnit.MILLISECONDS);
    }

    long sumOfPoolPeaks() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    long liveAfterGc() {
        return Math.max(liveAfterGc.get(), afterLastCollection());
    }

    static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    private static long afterLastCollection() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            MemoryUsage after = pool.getCollectionUsage();
            sum += after == null ? 0 : after.getUsed();
        }
        return sum;
    }

    private static java.util.List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
