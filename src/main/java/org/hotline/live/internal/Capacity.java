package org.hotline.live.internal;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the server has room for more work. Running out of heap or disk in the middle of a write is
 * what can leave H2 closed ("Database is already closed") until a restart; refusing new sessions and
 * commands a little before that keeps the database healthy, and the server takes work again as soon
 * as memory is freed. Heap is judged by what is still in use after the last collection of the old
 * generation (live data, not garbage), disk by the free space where the database file lives.
 */
@Component
public class Capacity {

    /** While refusing, ask for a collection at most this often to see whether memory was freed. */
    private static final long RECHECK_MILLIS = 2_000;

    private final int maxHeapPercent;
    private final long minFreeDiskBytes;
    private final File dataDir;
    private final List<MemoryPoolMXBean> oldPools;
    private volatile long lastRecheck;

    public Capacity(CapacityLimits limits, @Value("${hotline.data-dir:./data}") String dataDir) {
        this.maxHeapPercent = limits.maxHeapPercent();
        this.minFreeDiskBytes = limits.minFreeDiskMb() * 1024 * 1024;
        this.dataDir = new File(dataDir);
        // The pools whose usage after a collection is reported and that hold long-lived data.
        this.oldPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
                .filter(p -> !p.getName().contains("Eden") && !p.getName().contains("Survivor"))
                .toList();
    }

    /** Why new work is refused now, in plain words, or null when there is room. */
    public String refusal() {
        if (heapShort()) {
            long now = System.currentTimeMillis();
            if (now - lastRecheck > RECHECK_MILLIS) {
                lastRecheck = now;
                // Sessions that closed since the last collection may have freed what we lack.
                System.gc();
            }
            if (heapShort()) {
                return "The server is short of memory and takes no new sessions or commands for a moment; nothing was changed."
                        + " Try again shortly.";
            }
        }
        File existing = dataDir.exists() ? dataDir : dataDir.getAbsoluteFile().getParentFile();
        if (existing != null && existing.getUsableSpace() < minFreeDiskBytes) {
            return "The server's disk is nearly full and it takes no new commands; nothing was changed. Tell the operator.";
        }
        return null;
    }

    private boolean heapShort() {
        for (MemoryPoolMXBean pool : oldPools) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            long max = pool.getUsage().getMax();
            if (afterGc != null && max > 0 && afterGc.getUsed() * 100 > max * maxHeapPercent) {
                return true;
            }
        }
        return false;
    }
}
