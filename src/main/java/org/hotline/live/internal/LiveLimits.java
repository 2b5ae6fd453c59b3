package org.hotline.live.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Size and rate limits of the live channel (hotline.live.*).
 *
 * @param maxMessageBytes            Largest STOMP frame body a client may send, in bytes; a larger one is refused with an error.
 * @param transportLimitBytes        Largest WebSocket message the server reads, in bytes (several frames may share one).
 * @param maxChatChars               Longest chat line, argument or note, in characters.
 * @param chatBurst                  Chat lines one seat may send within the chat window before it must wait.
 * @param chatWindowSeconds          The chat window, in seconds.
 * @param eventsPerPage              Most events in one catch-up reply or REST page; the client asks again for the rest.
 * @param maxSubscriptionsPerSession Most subscriptions one connection may hold (one per destination).
 * @param allowedOrigins             Origins (patterns) whose browser pages may open the WebSocket; empty means this server's own pages only.
 */
@ConfigurationProperties("hotline.live")
public record LiveLimits(@DefaultValue("16384") int maxMessageBytes,
                         @DefaultValue("65536") int transportLimitBytes,
                         @DefaultValue("2000") int maxChatChars,
                         @DefaultValue("8") int chatBurst,
                         @DefaultValue("10") int chatWindowSeconds,
                         @DefaultValue("500") int eventsPerPage,
                         @DefaultValue("32") int maxSubscriptionsPerSession,
                         @DefaultValue List<String> allowedOrigins) {
}
