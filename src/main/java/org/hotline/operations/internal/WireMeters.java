package org.hotline.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts what the server answers each session, as the session receives it: a command reply is an
 * applied command, an error a refusal by its code, a catch-up reply its number of events. Reading the
 * answers (not the requests) counts only frames the gate let through and works the same behind the
 * broker relay, where replies come back from RabbitMQ to the node holding the session.
 */
@Component
class WireMeters implements WebSocketMessageBrokerConfigurer, ChannelInterceptor {

    private final MeterRegistry registry;
    private final JsonMapper json;
    private final Counter applied;
    private final Counter duplicates;
    private final DistributionSummary catchUp;
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

    WireMeters(MeterRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
        this.applied = Counter.builder("hotline.commands").tag("outcome", "applied")
                .description("Commands applied (a reply on /user/queue/replies)").register(registry);
        this.duplicates = Counter.builder("hotline.commands").tag("outcome", "duplicate")
                .description("Commands applied (a reply on /user/queue/replies)").register(registry);
        this.catchUp = DistributionSummary.builder("hotline.catchup.events").baseUnit("events")
                .description("Events in one catch-up reply on /user/queue/sync").publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(this);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        if (headers.getMessageType() != SimpMessageType.MESSAGE || !(message.getPayload() instanceof byte[] body)) {
            return message;
        }
        String destination = destination(headers);
        if (destination == null || !destination.startsWith("/user/queue/")) {
            return message;
        }
        switch (destination) {
            case "/user/queue/replies" -> (field(body, "duplicate").asBoolean(false) ? duplicates : applied).increment();
            case "/user/queue/errors" -> refusal(field(body, "code").asString("UNKNOWN")).increment();
            case "/user/queue/sync" -> catchUp.record(field(body, "events").size());
            default -> { }
        }
        return message;
    }

    /** The destination the client subscribed to (/user/queue/…), which survives the broker relay as a native header. */
    private static String destination(SimpMessageHeaderAccessor headers) {
        Object original = headers.getHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION);
        if (original instanceof String text) {
            return text;
        }
        String nativeOriginal = headers.getFirstNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION);
        return nativeOriginal != null ? nativeOriginal : headers.getDestination();
    }

    private Counter refusal(String code) {
        return refusals.computeIfAbsent(code, c -> Counter.builder("hotline.refusals").tag("code", c)
                .description("Frames and commands refused, by error code (an answer on /user/queue/errors)")
                .register(registry));
    }

    private JsonNode field(byte[] body, String name) {
        try {
            JsonNode value = json.readTree(body).get(name);
            return value == null ? json.missingNode() : value;
        } catch (JacksonException unreadable) {
            return json.missingNode();
        }
    }
}
