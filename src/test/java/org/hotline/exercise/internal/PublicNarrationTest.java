package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.GameState;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.engine.TurnInput;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/** The account everyone reads at Results: moves in words, public changes only, each finding cited once. */
class PublicNarrationTest {

    @Test
    void tellsMovesInWordsAndNothingPrivate() {
        Scenario scenario = ScenarioFiles.bundled("future-after-ukraine");
        Adjudicator engine = Adjudicator.create();
        GameState start = engine.initialState(scenario);
        Outcome outcome = engine.adjudicate(scenario, start,
                new TurnInput(everywhere(scenario, Side.WASHINGTON, Move.PRESS), everywhere(scenario, Side.MOSCOW, Move.BUILDUP),
                        List.of(), Map.of()), 11);

        var told = PublicNarration.of(scenario, outcome, outcome.after());

        assertThat(told.byIssue()).hasSize(scenario.issues().size()).allSatisfy((issue, text) -> {
            assertThat(text).startsWith("Washington pressed its advantage; Moscow built up its forces.");
            assertThat(text).doesNotContainIgnoringCase("washington.").doesNotContainIgnoringCase("moscow.")
                    .doesNotContain("draw").doesNotContain("odds");
            for (String finding : List.of("F1", "M1", "M2", "R2", "R4", "B3")) {
                assertThat(text.split("\\b" + finding + "\\b", -1).length - 1).as(finding + " in " + text).isLessThanOrEqualTo(1);
            }
        });
        assertThat(told.summary()).startsWith("Turn 1: tension");
    }

    private static Orders everywhere(Scenario scenario, Side side, Move move) {
        Map<String, Order> orders = new LinkedHashMap<>();
        for (Issue issue : scenario.issues()) {
            orders.put(issue.id(), new Order(issue.id(), move, false, ""));
        }
        return new Orders(side, orders);
    }
}
