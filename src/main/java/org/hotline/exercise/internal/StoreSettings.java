package org.hotline.exercise.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Compaction of the H2 database file (hotline.storage.*), so that it stops growing as logs are written and old pages replaced.
 *
 * @param compactBelowPercent Compact when less than this share of the file holds live data.
 * @param compactEverySeconds Seconds between two checks; 0 turns compaction off.
 */
@ConfigurationProperties("hotline.storage")
record StoreSettings(@DefaultValue("70") int compactBelowPercent, @DefaultValue("5") int compactEverySeconds) {
}
