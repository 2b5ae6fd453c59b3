package org.hotline.access.internal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.hotline.access.AccessRefused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed joins, logins, setup tokens and bearer tokens per client address and minute, so that neither
 * join codes, passwords nor tokens can be found by trying. Each kind has its own limit and its own count.
 */
@Component
public class FailedAttempts {

    public enum Kind {
        JOIN("joins"), LOGIN("logins"), SETUP("setup attempts"), TOKEN("token checks");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }
    }

    private record Key(Kind kind, String address) {
    }

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Map<Kind, Integer> perMinute;
    private final InstantSource clock;
    private final ConcurrentMap<Key, long[]> windows = new ConcurrentHashMap<>();

    @Autowired
    public FailedAttempts(AccessSettings settings) {
        this(limits(settings.failedJoinsPerMinute(), settings.failedLoginsPerMinute(), settings.failedSetupsPerMinute(),
                settings.failedTokensPerMinute()), InstantSource.system());
    }

    FailedAttempts(Map<Kind, Integer> perMinute, InstantSource clock) {
        this.perMinute = Map.copyOf(perMinute);
        this.clock = clock;
    }

    static Map<Kind, Integer> limits(int joins, int logins, int setups, int tokens) {
        Map<Kind, Integer> limits = new EnumMap<>(Kind.class);
        limits.put(Kind.JOIN, joins);
        limits.put(Kind.LOGIN, logins);
        limits.put(Kind.SETUP, setups);
        limits.put(Kind.TOKEN, tokens);
        return limits;
    }

    public boolean blocked(Kind kind, String address) {
        long[] window = windows.get(new Key(kind, address));
        return window != null && fresh(window) && window[1] >= perMinute.get(kind);
    }

    /** Refuses with 429 when the address is past the limit for this kind. */
    public void check(Kind kind, String address) {
        if (blocked(kind, address)) {
            throw new AccessRefused(429, "RATE_LIMITED", "Too many failed " + kind.plural + " from this address; wait a minute");
        }
    }

    public void record(Kind kind, String address) {
        if (windows.size() > 10_000) {
            // Many addresses trying: forget the windows that have run out, so memory stays bounded.
            windows.values().removeIf(window -> !fresh(window));
        }
        windows.compute(new Key(kind, address), (key, window) -> {
            if (window == null || !fresh(window)) {
                return new long[] {clock.millis(), 1};
            }
            window[1]++;
            return window;
        });
    }

    private boolean fresh(long[] window) {
        return clock.millis() - window[0] < WINDOW_MILLIS;
    }
}
