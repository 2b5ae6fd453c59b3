package org.hotline.operations.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/** STOMP sessions connected to this node now, by the caller's role (FACILITATOR, PLAYER, … ANALYST). */
@Component
class SessionMeters {

    private final Map<String, Role> roleBySession = new ConcurrentHashMap<>();

    SessionMeters(MeterRegistry registry) {
        for (Role role : Role.values()) {
            Gauge.builder("hotline.sessions", roleBySession, sessions -> sessions.values().stream().filter(role::equals).count())
                    .tag("role", role.name()).description("STOMP sessions connected to this node").register(registry);
        }
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        Role role = role(event.getUser());
        String sessionId = StompHeaderAccessor.wrap(event.getMessage()).getSessionId();
        if (role != null && sessionId != null) {
            roleBySession.put(sessionId, role);
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        roleBySession.remove(event.getSessionId());
    }

    private static Role role(Principal user) {
        if (!(user instanceof Caller caller)) {
            return null;
        }
        if (caller.kind() == Caller.Kind.SEAT) {
            return caller.role();
        }
        return caller.facilitator() ? Role.FACILITATOR : caller.accountRoles().stream().findFirst().orElse(null);
    }
}
