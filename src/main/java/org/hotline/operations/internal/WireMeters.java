package org.hotline.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.live.SessionAnswered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts what the server answers each session: a command reply is an applied command, an error a
 * refusal by its code, a catch-up reply its number of events. Counting the answers (not the
 * requests) counts only frames the gate let through; they are told on the node holding the session,
 * behind the broker relay too.
 */
@Component
class WireMeters {

    private final MeterRegistry registry;
    private final Counter applied;
    private final Counter duplicates;
    private final DistributionSummary catchUp;
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

    WireMeters(MeterRegistry registry) {
        this.registry = registry;
        this.applied = commands("applied");
        this.duplicates = commands("duplicate");
        this.catchUp = DistributionSummary.builder("hotline.catchup.events").baseUnit("events")
                .description("Events in one catch-up reply on /user/queue/sync").publishPercentileHistogram()
                .register(registry);
    }

    /** One meter name, one description: outcome "duplicate" is a resend of a command applied before. */
    private Counter commands(String outcome) {
        return Counter.builder("hotline.commands").tag("outcome", outcome)
                .description("Commands answered with a reply, by outcome: applied now, or a resend of one applied before (duplicate)")
                .register(registry);
    }

    @EventListener
    void applied(SessionAnswered.CommandApplied answer) {
        (answer.duplicate() ? duplicates : applied).increment();
    }

    @EventListener
    void refused(SessionAnswered.Refused answer) {
        refusals.computeIfAbsent(answer.code(), c -> Counter.builder("hotline.refusals").tag("code", c)
                .description("Frames and commands refused, by error code (an answer on /user/queue/errors)")
                .register(registry)).increment();
    }

    @EventListener
    void caughtUp(SessionAnswered.CaughtUp answer) {
        catchUp.record(answer.events());
    }
}
