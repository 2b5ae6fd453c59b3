package org.hotline.exercise.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Compaction of the embedded database file (hotline.storage.*), so that it stops growing as logs are written and old pages
 * replaced (H2), and shrinks when exercises are deleted (SQLite, H2).
 *
 * @param compactBelowPercent Compact when less than this share of the file holds live data.
 * @param compactEverySeconds Seconds between two checks; 0 turns compaction off.
 */
@ConfigurationProperties("hotline.storage")
record StoreSettings(@DefaultValue("70") int compactBelowPercent, @DefaultValue("5") int compactEverySeconds) {
}
