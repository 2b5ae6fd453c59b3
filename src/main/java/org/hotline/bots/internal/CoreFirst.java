package org.hotline.bots.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.engine.Proposal;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;

/**
 * Addresses the rival's core concerns early and pays for them (R1): a costly move on each of the
 * rival's core issues in the first turns, talks there after; its own core concerns and the shared
 * interests are negotiated too; the rest is left as it is. It offers the linkage openly (a costly
 * move on a rival core issue for talks on a shared interest). After {@code patience} turns of
 * pressure in answer on a core issue it answers in kind there.
 */
final class CoreFirst extends Playbook {

    private final int payTurns;
    private final Move payMove;
    private final int patience;
    private final Move answer;
    private final boolean proposes;

    CoreFirst(StrategySpec spec, Parameters parameters, Scenario scenario) {
        super(spec, parameters, scenario);
        payTurns = parameters.count("payTurns", 0, 100);
        payMove = parameters.move("payMove");
        patience = parameters.count("patience", 1, 100);
        answer = parameters.move("answer");
        proposes = parameters.flag("proposes");
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        String id = issue.id();
        if (rivalCore(view, id)) {
            if (view.inForce(id)) {
                return line(issue, Move.HOLD, "keeps the agreement on the rival's core concern in force");
            }
            int pressed = pressedTurns(view.rivalMoves(id));
            if (pressed >= patience) {
                return line(issue, answer, "the rival has answered its offers here with pressure for " + pressed + " turns");
            }
            return view.turn() <= payTurns
                    ? line(issue, payMove, "pays early for the rival's core concern (R1)")
                    : line(issue, Move.NEGOTIATE, "negotiates the rival's core concern (R1)");
        }
        if (ownCore(view, id) || issue.sharedInterest()) {
            return view.inForce(id)
                    ? line(issue, Move.HOLD, "keeps the agreement in force")
                    : line(issue, Move.NEGOTIATE, ownCore(view, id) ? "puts its own core concern on the table"
                            : "takes the shared-interest agreement as well");
        }
        return line(issue, Move.HOLD, "not a core concern: left as it is");
    }

    @Override
    public Optional<Proposal> propose(TeamView view) {
        if (!proposes) {
            return Optional.empty();
        }
        String offeredOn = first(view, true);
        String requestedOn = first(view, false);
        if (offeredOn == null || requestedOn == null) {
            return Optional.empty();
        }
        Move offered = decide(view).move(offeredOn);
        if (!offered.lessHardline()) {
            return Optional.empty();
        }
        return Optional.of(new Proposal("p" + view.turn() + "-" + view.side().name().toLowerCase(java.util.Locale.ROOT),
                view.side(), Map.of(offeredOn, offered), Map.of(requestedOn, Move.NEGOTIATE)));
    }

    /** The first unsettled rival core issue (or shared-interest issue) in scenario order. */
    private String first(TeamView view, boolean rivalCoreIssue) {
        for (Issue issue : view.issues()) {
            boolean wanted = rivalCoreIssue ? rivalCore(view, issue.id()) : issue.sharedInterest();
            if (wanted && !view.inForce(issue.id())) {
                return issue.id();
            }
        }
        return null;
    }

    private static int pressedTurns(List<Move> rivalMoves) {
        int pressed = 0;
        for (int t = rivalMoves.size() - 1; t >= 0 && rivalMoves.get(t).hardline(); t--) {
            pressed++;
        }
        return pressed;
    }
}
