package org.hotline.live.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotline.access.Role;
import org.hotline.scenario.Brief;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * What a seat may read of a scenario's briefs and injects before they are released (GET
 * /api/exercises/{id}): a player its own side's brief, the facilitator both and the facilitator
 * brief with every inject, observers and notetakers the public summary only. Texts are the file's,
 * word for word.
 */
final class Briefing {

    /**
     * A scenario inject as the facilitator plans with it: {@code kind} SCHEDULED (at {@code turn}),
     * TRIGGERED (when {@code variable} is ABOVE or BELOW {@code value}) or HELD (released by hand).
     */
    record PlannedInject(String id, String title, String text, Inject.Audience audience, String kind, Integer turn,
                         String variable, Inject.Comparison comparison, Double value) {
    }

    private Briefing() {
    }

    /** The structured briefs (summary, priorities, red lines, bargaining chips, linkages, constraints) the seat may read. */
    static Map<Side, Brief> briefs(Scenario scenario, Role role, Side side) {
        Map<Side, Brief> briefs = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            if (role == Role.FACILITATOR || (role == Role.PLAYER && s == side)) {
                briefs.put(s, scenario.sides().get(s).briefing());
            }
        }
        return briefs;
    }

    static String facilitatorBrief(Scenario scenario, Role role) {
        return role == Role.FACILITATOR ? scenario.facilitatorBrief() : null;
    }

    static List<PlannedInject> injects(Scenario scenario, Role role) {
        if (role != Role.FACILITATOR) {
            return null;
        }
        return scenario.injects().stream().map(Briefing::planned).toList();
    }

    private static PlannedInject planned(Inject i) {
        if (i.trigger() instanceof Inject.AtTurn at) {
            return new PlannedInject(i.id(), i.title(), i.text(), i.audience(), "SCHEDULED", at.turn(), null, null, null);
        }
        if (i.trigger() instanceof Inject.When when) {
            return new PlannedInject(i.id(), i.title(), i.text(), i.audience(), "TRIGGERED", null, when.variable(), when.comparison(),
                    when.value());
        }
        return new PlannedInject(i.id(), i.title(), i.text(), i.audience(), "HELD", null, null, null, null);
    }
}
