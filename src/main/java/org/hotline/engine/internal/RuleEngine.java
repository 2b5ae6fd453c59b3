package org.hotline.engine.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Agreement;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueState;
import org.hotline.engine.MoveOption;
import org.hotline.engine.Narrative;
import org.hotline.engine.Outcome;
import org.hotline.engine.Scores;
import org.hotline.engine.SimulatedTurn;
import org.hotline.engine.SideState;
import org.hotline.engine.TurnInput;
import org.hotline.engine.TurnStart;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Issue;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.hotline.scenario.SideSetup;

/** The rule-based adjudicator: the mechanisms of docs/design.md section 6 driven by the scenario's rulebook. */
public final class RuleEngine implements Adjudicator {

    /** The last scenario prepared; batch runs play one scenario many times, so one entry is enough. */
    private volatile ScenarioIndex last;

    private ScenarioIndex index(Scenario scenario) {
        if (scenario == null) {
            throw new IllegalArgumentException("No scenario given");
        }
        ScenarioIndex prepared = last;
        if (prepared == null || prepared.scenario != scenario) {
            prepared = new ScenarioIndex(scenario);
            last = prepared;
        }
        return prepared;
    }

    @Override
    public GameState initialState(Scenario scenario) {
        index(scenario); // refuses a scenario the engine cannot play (duplicate issue, missing rulebook entry)
        Map<Side, SideState> sides = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            SideSetup setup = scenario.sides().get(side);
            if (setup == null) {
                throw new IllegalArgumentException("Scenario " + scenario.id() + " does not set up the " + side + " seat");
            }
            sides.put(side, new SideState(setup.trust(), setup.threatPerception(), setup.domesticSupport(), setup.champion(),
                    setup.perceivedResolve(), setup.strain(), setup.burden(), setup.allianceCohesion()));
        }
        Map<String, IssueState> issues = new LinkedHashMap<>();
        List<Agreement> agreements = new ArrayList<>();
        for (Issue issue : scenario.issues()) {
            issues.put(issue.id(), new IssueState(issue.id(), issue.status(), issue.balance(), 0, Collections.emptySet()));
            if (issue.status() == IssueStatus.AGREEMENT) {
                agreements.add(new Agreement(issue.id(), 0, issue.balance(), issue.institutional(), true, 0));
            }
        }
        return new GameState(0, scenario.tension(), Collections.unmodifiableMap(sides), scenario.context(),
                Collections.unmodifiableMap(issues), List.copyOf(agreements),
                Collections.unmodifiableSet(new LinkedHashSet<>()), false);
    }

    @Override
    public TurnStart openTurn(Scenario scenario, GameState state, long seed) {
        return Injects.open(index(scenario), state);
    }

    @Override
    public TurnStart release(Scenario scenario, GameState state, Inject inject) {
        return Injects.release(index(scenario), state, inject);
    }

    @Override
    public Outcome adjudicate(Scenario scenario, GameState state, TurnInput input, long seed) {
        ScenarioIndex prepared = index(scenario);
        MoveRules.check(prepared, state, input);
        return TurnAdjudication.adjudicate(prepared, state, input, seed);
    }

    @Override
    public SimulatedTurn simulate(Scenario scenario, GameState state, TurnInput input, long seed) {
        ScenarioIndex prepared = index(scenario);
        MoveRules.check(prepared, state, input);
        return TurnAdjudication.simulate(prepared, state, input, seed);
    }

    @Override
    public Map<Move, String> withheld(Scenario scenario, GameState state, Side side) {
        return MoveRules.withheld(index(scenario), state, side);
    }

    @Override
    public List<MoveOption> options(Scenario scenario, GameState state, Side side) {
        return MoveRules.options(index(scenario), state, side);
    }

    @Override
    public Narrative narrate(Scenario scenario, Outcome outcome) {
        return Narration.narrate(scenario, outcome);
    }

    @Override
    public Scores score(Scenario scenario, GameState state) {
        return Scoring.score(index(scenario), state);
    }
}
