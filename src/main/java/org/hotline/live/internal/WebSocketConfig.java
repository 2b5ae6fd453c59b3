package org.hotline.live.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * STOMP at /ws. Destinations are dot-separated so that a RabbitMQ STOMP relay can replace the simple
 * broker without renaming anything.
 */
@Configuration
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    private final StompGate gate;
    private final Sessions sessions;
    private final FrameReader frames;
    private final LiveLimits limits;
    private final String[] allowedOrigins;

    /** The cluster profile relays /topic and /queue to RabbitMQ instead (BrokerRelay). */
    private final boolean relayed;

    WebSocketConfig(StompGate gate, Sessions sessions, FrameReader frames, LiveLimits limits, RelaySettings relay) {
        this.gate = gate;
        this.sessions = sessions;
        this.frames = frames;
        this.limits = limits;
        this.allowedOrigins = limits.allowedOrigins().toArray(String[]::new);
        this.relayed = relay.enabled();
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // A browser page of another site may not open the socket: with no origins configured, only this
        // server's own pages (same origin); clients that send no Origin (not browsers) are not affected.
        registry.addEndpoint("/ws").setAllowedOriginPatterns(allowedOrigins).addInterceptors(new ClientAddress())
                .setHandshakeHandler(new DefaultHandshakeHandler(new UpgradeWithoutHeaders()));
        // One session's frames are handled in the order sent (a draft line before the submit).
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        if (!relayed) {
            ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
            heartbeats.setPoolSize(1);
            heartbeats.setThreadNamePrefix("stomp-heartbeat-");
            heartbeats.initialize();
            registry.enableSimpleBroker("/topic", "/queue").setTaskScheduler(heartbeats).setHeartbeatValue(new long[] {10_000, 10_000});
        }
        registry.setUserDestinationPrefix("/user");
        registry.setPathMatcher(new AntPathMatcher("."));
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(gate);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(limits.transportLimitBytes())
                .setSendBufferSizeLimit(TransportBuffers.SEND_BUFFER_LIMIT_BYTES)
                .setSendTimeLimit((int) BatchedSession.SEND_TIME_LIMIT_MILLIS)
                .addDecoratorFactory(sessions::decorate)
                .addDecoratorFactory(frames::decorate);
    }
}
