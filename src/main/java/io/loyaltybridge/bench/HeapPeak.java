package io.loyaltybridge.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Peak heap over a phase, from this JVM's own memory pools. Two figures: the sum of each heap pool's peak (an upper
 * bound: pools peak at different moments and young garbage counts) and the largest heap occupancy right after any
 * collection, young or old (what really stayed alive), as each collection reports it. The pools' own "after the
 * last collection" figures are no good here: with G1 the old generation's is only updated by old collections, which
 * a small live set may never need, so it read 10 MB where 37 MB were live.
 */
final class HeapPeak implements AutoCloseable {
    private final AtomicLong liveAfterGc = new AtomicLong();
    private final Set<String> heapPools = heapPools().stream().map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final NotificationListener listener = this::collected;

    HeapPeak() {
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long after = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            after += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
        }
        liveAfterGc.accumulateAndGet(after, Math::max);
    }

    long sumOfPoolPeaks() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** The largest occupancy after a collection in the phase; if none ran, what is in use now (an upper bound). */
    long liveAfterGc() {
        long seen = liveAfterGc.get();
        return seen > 0 ? seen : heapPools().stream().map(MemoryPoolMXBean::getUsage).mapToLong(MemoryUsage::getUsed)
                .sum();
    }

    static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    // never added to this one
                }
            }
        }
    }
}
