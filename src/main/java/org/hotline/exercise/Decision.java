package org.hotline.exercise;

import java.util.ArrayList;
import java.util.List;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.Outcome;
import org.hotline.engine.TurnStart;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Scenario;

/**
 * The facilitator's last word on a turn (docs/design.md section 6, adjudication modes), applied to the
 * engine's draft: APPROVE keeps the engine's result, EDIT amends it, OVERRIDE writes the
 * facilitator's own outcome on the state before adjudication (the engine's draft stays in the log as
 * advice). The exercise and every re-adjudication of its log apply it here.
 *
 * @param type    APPROVE, EDIT or OVERRIDE
 * @param changes the state changes the facilitator wrote (none for APPROVE)
 */
public record Decision(String type, String rationale, List<Inject.Change> changes) {

    /** The state a decided turn ends in, and every effect that made it. */
    public record Result(GameState after, List<Effect> effects) {
    }

    public static Decision of(EventPayload.AdjudicationDecided decided) {
        return new Decision(decided.decision(), decided.rationale(), decided.changes() == null ? List.of() : decided.changes());
    }

    public boolean overrides() {
        return "OVERRIDE".equals(type);
    }

    public Result applyTo(Adjudicator engine, Scenario scenario, Outcome draft, int turn) {
        GameState after = overrides() ? draft.before() : draft.after();
        List<Effect> effects = overrides() ? new ArrayList<>() : new ArrayList<>(draft.effects());
        if (!changes.isEmpty()) {
            // The changes go through the engine as an inject, so they are checked and recorded as effects.
            Inject edit = new Inject("decision-" + turn, "Facilitator's decision", rationale, new Inject.OnRelease(),
                    changes, Inject.Audience.FACILITATOR, List.of());
            TurnStart edited = engine.release(scenario, after, edit);
            after = edited.state();
            effects.addAll(edited.effects());
        }
        return new Result(after, List.copyOf(effects));
    }
}
