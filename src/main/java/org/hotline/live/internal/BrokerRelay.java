package org.hotline.live.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.access.TokensRevoked;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cluster profile: RabbitMQ's STOMP plugin replaces the in-memory broker, so that an event committed
 * on one node reaches the clients of every node. The gate still authorises every frame on the node
 * the client is connected to; what reaches RabbitMQ is held to what the gate checked:
 * <ul>
 * <li>a SUBSCRIBE carries only its destination, id, ack mode and receipt, so that a client cannot name, share or
 *     keep a broker queue (RabbitMQ's x-queue-name, durable, auto-delete headers) and so read
 *     another session's queue;</li>
 * <li>per-session queues (/user/queue/…, resolved by Spring to /queue/…-user{session}) go through
 *     RabbitMQ's direct exchange, whose subscription queues are exclusive and deleted with the
 *     session, instead of durable named queues left behind;</li>
 * <li>a seat the facilitator removed or moved is disconnected on every node, not only on the node
 *     that committed the change; so is every session riding on a revoked token (logout, disabled
 *     account, password reset), not only on the node that revoked it.</li>
 * </ul>
 */
@Configuration
@ConditionalOnProperty(name = "hotline.cluster.enabled", havingValue = "true")
class BrokerRelay implements WebSocketMessageBrokerConfigurer {

    private static final Logger log = LoggerFactory.getLogger(BrokerRelay.class);

    /** Seat ids whose sessions every node closes; no client may subscribe here (the gate knows no such topic). */
    static final String SEAT_CHANGED = "/topic/hotline.seat-changed";
    /** Revoked token hashes (JSON of TokensRevoked), same rule. */
    static final String TOKENS_REVOKED = "/topic/hotline.tokens-revoked";
    private static final String NO_SESSION = "hotline-broker-away";
    private static final String QUEUE = "/queue/";
    private static final String DIRECT = "/exchange/amq.direct/";
    private static final List<String> SUBSCRIBE_HEADERS = List.of(StompHeaderAccessor.STOMP_DESTINATION_HEADER, StompHeaderAccessor.STOMP_ID_HEADER,
            StompHeaderAccessor.STOMP_ACK_HEADER, StompHeaderAccessor.STOMP_RECEIPT_HEADER);

    private final String host;
    private final int port;
    private final String login;
    private final String passcode;
    private final ObjectProvider<StompBrokerRelayMessageHandler> relay;
    private volatile boolean awayReported;

    BrokerRelay(RelaySettings settings, ObjectProvider<StompBrokerRelayMessageHandler> relay) {
        this.host = settings.relayHost();
        this.port = settings.relayPort();
        this.login = settings.relayLogin();
        this.passcode = settings.relayPasscode();
        this.relay = relay;
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableStompBrokerRelay("/topic", "/queue", "/exchange")
                .setRelayHost(host).setRelayPort(port)
                .setClientLogin(login).setClientPasscode(passcode)
                .setSystemLogin(login).setSystemPasscode(passcode)
                // Without it Spring sends the host name as the virtual host and RabbitMQ refuses the connection.
                .setVirtualHost("/")
                .setSystemHeartbeatSendInterval(10_000).setSystemHeartbeatReceiveInterval(10_000);
        registry.configureBrokerChannel().interceptors(new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                return brokerAway(message) ? addressedToNoSession(message) : viaDirectExchange(message);
            }
        });
    }

    /**
     * While RabbitMQ is away, what this node publishes for all clients (events, seat changes, revoked
     * tokens) is dropped instead of failing the command that was already committed: the clients lost
     * their connections too, and catch up from the log when they are back. Messages to one session
     * have its connection to answer for them.
     */
    private boolean brokerAway(Message<?> message) {
        StompBrokerRelayMessageHandler handler = relay.getIfAvailable();
        if (handler == null || handler.isBrokerAvailable()) {
            awayReported = false;
            return false;
        }
        if (SimpMessageHeaderAccessor.getSessionId(message.getHeaders()) != null) {
            return false;
        }
        if (!awayReported) {
            awayReported = true;
            log.warn("RabbitMQ is not reachable: live events are not published until it is back (clients catch up then)");
        }
        return true;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                return subscribeHeadersOnly(message);
            }
        });
    }

    private static Message<?> subscribeHeadersOnly(Message<?> message) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() != StompCommand.SUBSCRIBE) {
            return message;
        }
        Map<String, List<String>> kept = new HashMap<>();
        for (String name : SUBSCRIBE_HEADERS) {
            List<String> values = stomp.getNativeHeader(name);
            if (values != null) {
                kept.put(name, values);
            }
        }
        StompHeaderAccessor clean = StompHeaderAccessor.create(StompCommand.SUBSCRIBE, kept);
        clean.copyHeadersIfAbsent(stomp.getMessageHeaders());
        return MessageBuilder.createMessage(message.getPayload(), clean.getMessageHeaders());
    }

    /**
     * Spring's relay throws on a message for all clients while the broker is away, and so does the
     * template when an interceptor drops one; a message for a session that does not exist it drops
     * quietly.
     */
    private static Message<?> addressedToNoSession(Message<?> message) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        headers.setSessionId(NO_SESSION);
        return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
    }

    private static Message<?> viaDirectExchange(Message<?> message) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        String destination = headers.getDestination();
        if (destination == null || !destination.startsWith(QUEUE)) {
            return message;
        }
        String direct = DIRECT + destination.substring(QUEUE.length());
        headers.setDestination(direct);
        if (headers.getNativeHeader(StompHeaderAccessor.STOMP_DESTINATION_HEADER) != null) {
            headers.setNativeHeader(StompHeaderAccessor.STOMP_DESTINATION_HEADER, direct);
        }
        return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
    }

    /** Tells every node to close the sessions of a seat that was removed or moved, or of a revoked token. */
    @Bean
    SeatChanges seatChanges(SimpMessagingTemplate template, JsonMapper json) {
        return new SeatChanges(template, json);
    }

    static final class SeatChanges {

        private final SimpMessagingTemplate template;
        private final JsonMapper json;

        SeatChanges(SimpMessagingTemplate template, JsonMapper json) {
            this.template = template;
            this.json = json;
        }

        /** Every node, this one too (closing twice is harmless), ends the sessions riding on these tokens. */
        @EventListener
        void revoked(TokensRevoked revoked) {
            template.send(TOKENS_REVOKED, MessageBuilder.withPayload(json.writeValueAsBytes(revoked)).build());
        }

        @EventListener
        void appended(ExerciseEventsAppended appended) {
            for (ExerciseEvent event : appended.events()) {
                String playerId = Delivery.seatChanged(event);
                if (playerId != null) {
                    template.send(SEAT_CHANGED, MessageBuilder.withPayload(playerId.getBytes(StandardCharsets.UTF_8)).build());
                }
            }
        }
    }

    /** Subscribes the relay's shared system connection to the seat changes and revoked tokens (again after a reconnect). */
    @Bean
    static BeanPostProcessor seatChangeSubscription(ObjectProvider<Sessions> sessions, ObjectProvider<TokenSessions> tokenSessions,
                                                    ObjectProvider<JsonMapper> json) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof StompBrokerRelayMessageHandler relay) {
                    Map<String, MessageHandler> subscriptions = new HashMap<>(relay.getSystemSubscriptions());
                    subscriptions.put(SEAT_CHANGED, message -> sessions.getObject().closeUser(
                            "seat:" + new String((byte[]) message.getPayload(), StandardCharsets.UTF_8), "seat changed"));
                    subscriptions.put(TOKENS_REVOKED, message -> tokenSessions.getObject().revoked(
                            json.getObject().readValue((byte[]) message.getPayload(), TokensRevoked.class)));
                    relay.setSystemSubscriptions(subscriptions);
                }
                return bean;
            }
        };
    }

    /** UP while the relay's system connection to RabbitMQ is open; a node without it cannot deliver. */
    @Bean("relay")
    HealthIndicator relayHealth(ObjectProvider<StompBrokerRelayMessageHandler> relay) {
        return () -> {
            StompBrokerRelayMessageHandler handler = relay.getIfAvailable();
            Health.Builder health = handler != null && handler.isBrokerAvailable() ? Health.up() : Health.down();
            return health.withDetail("broker", host + ":" + port).build();
        };
    }
}
