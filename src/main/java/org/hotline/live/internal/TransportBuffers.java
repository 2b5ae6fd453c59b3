package org.hotline.live.internal;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Buffer sizes of the WebSocket transport, sized to what an idle session needs: hundreds of
 * exercises keep thousands of sessions open, and Tomcat's defaults give each one about 190 KB of
 * heap (receive buffers sized to the largest message, 8 KB read, write and encode buffers). Tomcat
 * allocates these for every connection when it opens and keeps them while it is open, idle or not.
 * Incoming messages arrive in parts of {@link #RECEIVE_BUFFER_CHARS} (binary ones of
 * {@link #BINARY_RECEIVE_BUFFER_BYTES}) and are put together by {@link FrameReader} up to the
 * transport limit; the limits themselves are set in WebSocketConfig. Outgoing messages are encoded
 * and written in pieces of {@link #SOCKET_BUFFER_BYTES}: a 32 KB batch is 32 writes, a few
 * microseconds each.
 */
@Configuration
class TransportBuffers implements WebSocketMessageBrokerConfigurer {

    /** Tomcat's per-session text receive buffer (chars); larger messages come in parts. */
    static final int RECEIVE_BUFFER_CHARS = 1024;
    /** Its binary receive buffer: browsers send text, so a binary frame may well come in more parts. */
    static final int BINARY_RECEIVE_BUFFER_BYTES = 256;
    /** Tomcat's per-connection socket and WebSocket read, write and encode buffers. */
    static final int SOCKET_BUFFER_BYTES = 1024;
    /** What may wait for a client that does not read before its session is closed. */
    static final int SEND_BUFFER_LIMIT_BYTES = 1024 * 1024;
    /**
     * Threads writing batched frames to the sockets ({@link BatchedSession}). A client that stops
     * reading holds one for {@link BatchedSession#SEND_TIME_LIMIT_MILLIS} (twice that with the close frame that
     * follows, which has the same limit); the others go on.
     */
    static final int WRITER_THREADS = 8;
    /**
     * Threads handling incoming frames. A command waits for the group commit of the event log, so
     * more commands waiting at once share one disk write; most of these threads are waiting.
     */
    static final int INBOUND_THREADS = 32;

    private final CapacityGate capacity;

    TransportBuffers(CapacityGate capacity) {
        this.capacity = capacity;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.taskExecutor().corePoolSize(INBOUND_THREADS).maxPoolSize(INBOUND_THREADS);
        registration.interceptors(capacity);
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(RECEIVE_BUFFER_CHARS);
        container.setMaxBinaryMessageBufferSize(BINARY_RECEIVE_BUFFER_BYTES);
        return container;
    }

    /** Runs before Tomcat starts, so its WebSocket classes read the buffer size when they load. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> smallSocketBuffers() {
        return factory -> {
            System.setProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE", String.valueOf(SOCKET_BUFFER_BYTES));
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER_BYTES));
                connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER_BYTES));
            });
        };
    }
}
