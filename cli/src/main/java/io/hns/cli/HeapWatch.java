package io.hns.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of a stretch of work, from the garbage collectors' notifications: the heap in use just
 * before each collection is a local maximum of the heap in use, and the heap in use just after it
 * is what was live (plus what the collection left). Also counts collections and their time.
 */
final class HeapWatch implements AutoCloseable {
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final Set<String> heapPools = new HashSet<>();
  private final List<Registration> registrations = new ArrayList<>();
  private final long collectionsBefore;
  private final long gcMillisBefore;

  private record Registration(NotificationEmitter emitter, NotificationListener listener) {}

  HeapWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    long collections = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
      if (gc instanceof NotificationEmitter emitter) {
        NotificationListener l = this::onGc;
        emitter.addNotificationListener(l, null, null);
        registrations.add(new Registration(emitter, l));
      }
    }
    collectionsBefore = collections;
    gcMillisBefore = millis;
    sampleNow();
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
    peakUsed.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
    peakAfterGc.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
  }

  private long heapUsed(Map<String, MemoryUsage> byPool) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> e : byPool.entrySet()) {
      if (heapPools.contains(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    return used;
  }

  /** Takes the heap in use now into the peak (collections only show it at their start). */
  void sampleNow() {
    peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
  }

  long peakUsed() {
    return peakUsed.get();
  }

  /** The most heap in use right after a collection (0 when none ran). */
  long peakAfterGc() {
    return peakAfterGc.get();
  }

  long collections() {
    long c = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      c += Math.max(0, gc.getCollectionCount());
    }
    return c - collectionsBefore;
  }

  long gcMillis() {
    long m = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      m += Math.max(0, gc.getCollectionTime());
    }
    return m - gcMillisBefore;
  }

  static long maxHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }

  @Override
  public void close() {
    sampleNow();
    for (Registration r : registrations) {
      try {
        r.emitter().removeNotificationListener(r.listener());
      } catch (javax.management.ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
