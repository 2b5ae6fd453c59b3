package org.hotline.live.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Size and rate limits of the live channel (application.properties, hotline.live.*). */
@ConfigurationProperties("hotline.live")
public record LiveLimits(int maxMessageBytes, int transportLimitBytes, int maxChatChars, int chatBurst, int chatWindowSeconds,
                         int eventsPerPage) {
}
