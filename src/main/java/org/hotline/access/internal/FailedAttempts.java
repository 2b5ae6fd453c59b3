package org.hotline.access.internal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed joins and failed logins per client address and minute, so that neither join codes nor
 * passwords can be found by trying. Each kind has its own limit and its own count.
 */
@Component
public class FailedAttempts {

    public enum Kind { JOIN, LOGIN }

    private record Key(Kind kind, String address) {
    }

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Map<Kind, Integer> perMinute;
    private final InstantSource clock;
    private final ConcurrentMap<Key, long[]> windows = new ConcurrentHashMap<>();

    @Autowired
    public FailedAttempts(@Value("${hotline.access.failed-joins-per-minute:10}") int joinsPerMinute,
                          @Value("${hotline.access.failed-logins-per-minute:10}") int loginsPerMinute) {
        this(joinsPerMinute, loginsPerMinute, InstantSource.system());
    }

    FailedAttempts(int joinsPerMinute, int loginsPerMinute, InstantSource clock) {
        this.perMinute = Map.of(Kind.JOIN, joinsPerMinute, Kind.LOGIN, loginsPerMinute);
        this.clock = clock;
    }

    public boolean blocked(Kind kind, String address) {
        long[] window = windows.get(new Key(kind, address));
        return window != null && fresh(window) && window[1] >= perMinute.get(kind);
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
