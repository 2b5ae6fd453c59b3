package org.hotline.engine.internal;

import static org.hotline.engine.internal.ScenarioIndex.M;
import static org.hotline.engine.internal.ScenarioIndex.W;

import java.util.EnumMap;
import java.util.Map;
import org.hotline.engine.Agreement;
import org.hotline.engine.GameState;
import org.hotline.engine.Scores;
import org.hotline.engine.Scores.SideScore;
import org.hotline.scenario.Side;

/** Scores per side (interests, security, costs) and the shared stability index, weights from the rulebook. */
final class Scoring {

    private Scoring() {
    }

    static Scores score(ScenarioIndex index, GameState state) {
        Rules rules = index.rules;
        double[] interest = new double[2];
        double[] weight = new double[2];
        boolean[] settled = new boolean[index.issueCount];
        for (Agreement agreement : state.agreements()) {
            if (agreement.inForce()) {
                settled[index.indexOf(agreement.issueId())] = true;
            }
        }
        int inForce = 0;
        int coreSettled = 0;
        for (int i = 0; i < index.issueCount; i++) {
            double balance = state.issue(index.ids[i]).balance();
            interest[W] += index.salience[W][i] * balance;
            interest[M] += index.salience[M][i] * (100 - balance);
            weight[W] += index.salience[W][i];
            weight[M] += index.salience[M][i];
            inForce += settled[i] ? 1 : 0;
            coreSettled += settled[i] && index.core[i] ? 1 : 0;
        }
        var washington = state.side(Side.WASHINGTON);
        var moscow = state.side(Side.MOSCOW);
        Map<Side, SideScore> sides = new EnumMap<>(Side.class);
        sides.put(Side.WASHINGTON, new SideScore(
                weight[W] > 0 ? interest[W] / weight[W] : 50,
                100 - (rules.scoreSecurityTension * state.tension() + (1 - rules.scoreSecurityTension) * washington.threatPerception()),
                washington.burden()));
        sides.put(Side.MOSCOW, new SideScore(
                weight[M] > 0 ? interest[M] / weight[M] : 50,
                100 - moscow.threatPerception(),
                moscow.strain()));
        double weights = rules.stabilityTension + rules.stabilityAgreements + rules.stabilityCore;
        double stability = 0;
        if (!state.conflict() && weights > 0) {
            stability = (rules.stabilityTension * (100 - state.tension())
                    + rules.stabilityAgreements * (index.issueCount == 0 ? 0 : 100.0 * inForce / index.issueCount)
                    + rules.stabilityCore * (index.coreCount == 0 ? 100 : 100.0 * coreSettled / index.coreCount)) / weights;
        }
        return new Scores(java.util.Collections.unmodifiableMap(sides), stability);
    }
}
