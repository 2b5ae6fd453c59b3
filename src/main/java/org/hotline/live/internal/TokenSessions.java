package org.hotline.live.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.access.TokenGrant;
import org.hotline.access.TokensRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Which live session rides on which token, so that a session ends when its token dies: when it is
 * revoked (logout, disabled account, removed seat, password reset) and when it expires.
 */
@Component
class TokenSessions {

    private record Ride(String tokenHash, ScheduledFuture<?> expiry) {
    }

    private final Map<String, Ride> bySession = new ConcurrentHashMap<>();
    private final SessionEnd sessionEnd;
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "token-expiry");
        thread.setDaemon(true);
        return thread;
    });

    TokenSessions(SessionEnd sessionEnd) {
        this.sessionEnd = sessionEnd;
    }

    void opened(String sessionId, TokenGrant grant) {
        ScheduledFuture<?> expiry = grant.expires() == null ? null : expiries.schedule(() -> end(sessionId,
                "Your token has expired; log in again"), Math.max(0, Duration.between(Instant.now(), grant.expires()).toMillis()),
                TimeUnit.MILLISECONDS);
        bySession.put(sessionId, new Ride(grant.tokenHash(), expiry));
    }

    @EventListener
    void revoked(TokensRevoked revoked) {
        Set<String> dead = Set.copyOf(revoked.tokenHashes());
        bySession.forEach((sessionId, ride) -> {
            if (dead.contains(ride.tokenHash())) {
                end(sessionId, "Your token is no longer valid (" + revoked.reason() + ")");
            }
        });
    }

    @EventListener
    void closed(SessionDisconnectEvent disconnect) {
        Ride ride = bySession.remove(disconnect.getSessionId());
        if (ride != null && ride.expiry() != null) {
            ride.expiry().cancel(false);
        }
    }

    private void end(String sessionId, String why) {
        Ride ride = bySession.remove(sessionId);
        if (ride != null) {
            if (ride.expiry() != null) {
                ride.expiry().cancel(false);
            }
            sessionEnd.end(sessionId, "UNAUTHORIZED", why);
        }
    }

    @PreDestroy
    void stop() {
        expiries.shutdownNow();
    }
}
