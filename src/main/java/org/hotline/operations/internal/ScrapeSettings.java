package org.hotline.operations.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Monitoring (hotline.operations.*).
 *
 * @param scrapeToken Bearer token a metrics collector sends to /actuator/prometheus (environment variable HOTLINE_SCRAPE_TOKEN); empty: only facilitators' tokens are accepted there.
 */
@ConfigurationProperties("hotline.operations")
record ScrapeSettings(@DefaultValue("") String scrapeToken) {
}
