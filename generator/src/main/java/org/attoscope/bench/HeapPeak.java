package org.attoscope.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap's real peak while it is watched: the heap in use just before each collection (the sum of the heap
 * pools at that one moment, which is when the heap is fullest), and the heap in use when the watch ends; and the
 * most it held after a collection.
 *
 * <p>Summing each pool's own peak ({@link MemoryPoolMXBean#getPeakUsage}) overstates it: the young and old
 * generations peak at different times, so that sum can exceed {@code -Xmx}.
 */
final class HeapPeak implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> watched = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            peak.accumulateAndGet(heapIn(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
            live.accumulateAndGet(heapIn(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        }
    };

    HeapPeak() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                watched.add(emitter);
            }
        }
    }

    private long heapIn(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /**
     * The most the heap held right after a collection, in bytes: what the program kept alive at its fullest. The
     * peak before collections is close to the heap's size whenever the collector lets it fill up; this is the part
     * of it the program needed.
     */
    long liveBytes() {
        return live.get();
    }

    /** The highest heap use seen so far, in bytes: before any collection, or now. */
    long bytes() {
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        return peak.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : watched) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone: nothing to stop
            }
        }
    }
}
