package org.hotline.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.scenario.Context;
import org.hotline.scenario.Side;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The whole state of an exercise between turns. Immutable; the engine returns a new one per turn.
 *
 * @param turn            the last adjudicated turn (0 before the first)
 * @param firedInjects    ids of injects already released (each fires at most once), in the order written:
 *                        a state read back from its JSON writes the same JSON (it is logged as changes
 *                        and rebuilt from them)
 * @param conflict        the exercise ended in conflict (mechanism 11)
 */
public record GameState(
        int turn,
        double tension,
        Map<Side, SideState> sides,
        Context context,
        Map<String, IssueState> issues,
        List<Agreement> agreements,
        @JsonDeserialize(as = LinkedHashSet.class) Set<String> firedInjects,
        boolean conflict) {

    public SideState side(Side side) {
        return sides.get(side);
    }

    public IssueState issue(String id) {
        return issues.get(id);
    }
}
