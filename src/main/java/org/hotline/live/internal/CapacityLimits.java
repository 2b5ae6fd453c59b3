package org.hotline.live.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the server stops taking new sessions and commands rather than break (hotline.capacity.*).
 *
 * @param maxHeapPercent Share of the heap, after a collection, above which new sessions and commands are refused with SERVER_BUSY.
 * @param minFreeDiskMb  Free space, in MB, on the database's disk below which commands are refused with SERVER_BUSY.
 */
@ConfigurationProperties("hotline.capacity")
record CapacityLimits(@DefaultValue("85") int maxHeapPercent, @DefaultValue("64") long minFreeDiskMb) {
}
