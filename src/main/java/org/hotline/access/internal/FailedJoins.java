package org.hotline.access.internal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Failed joins per client address and minute, so that join codes cannot be guessed by trying. */
@Component
public class FailedJoins {

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final int perMinute;
    private final InstantSource clock;
    private final ConcurrentMap<String, long[]> byAddress = new ConcurrentHashMap<>();

    @Autowired
    public FailedJoins(@Value("${hotline.access.failed-joins-per-minute:10}") int perMinute) {
        this(perMinute, InstantSource.system());
    }

    FailedJoins(int perMinute, InstantSource clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public boolean blocked(String address) {
        long[] window = byAddress.get(address);
        return window != null && fresh(window) && window[1] >= perMinute;
    }

    public void record(String address) {
        if (byAddress.size() > 10_000) {
            // Many addresses trying codes: forget the windows that have run out, so memory stays bounded.
            byAddress.values().removeIf(window -> !fresh(window));
        }
        byAddress.compute(address, (key, window) -> {
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
