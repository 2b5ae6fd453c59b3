package org.hotline.engine;

import java.util.List;
import org.hotline.scenario.Inject;

/** Opening a turn (Briefing): the injects released and what they changed. */
public record TurnStart(GameState state, List<Inject> released, List<Effect> effects) {
}
