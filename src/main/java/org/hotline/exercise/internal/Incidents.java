package org.hotline.exercise.internal;

import org.hotline.access.Secrets;
import org.hotline.exercise.CommandRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A command that failed inside the server: the sender gets an id to quote, the log gets the cause. */
public final class Incidents {

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);

    private Incidents() {
    }

    /** The detail may name internals or other teams' data, so only the log has it. */
    public static CommandRejected record(String exerciseId, RuntimeException bug) {
        String incident = Secrets.id("i-", 8);
        log.error("Incident {}: command on exercise {} failed", incident, exerciseId, bug);
        return new CommandRejected("INTERNAL", "The server could not apply this command; nothing was changed (incident "
                + incident + ")");
    }
}
