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

    static Scores score(ScenarioIndex x, GameState state) {
        Rules r = x.rules;
        double[] interest = new double[2];
        double[] weight = new double[2];
        boolean[] settled = new boolean[x.n];
        for (Agreement agreement : state.agreements()) {
            if (agreement.inForce()) {
                settled[x.indexOf(agreement.issueId())] = true;
            }
        }
        int inForce = 0;
        int coreSettled = 0;
        for (int i = 0; i < x.n; i++) {
            double balance = state.issue(x.ids[i]).balance();
            interest[W] += x.salience[W][i] * balance;
            interest[M] += x.salience[M][i] * (100 - balance);
            weight[W] += x.salience[W][i];
            weight[M] += x.salience[M][i];
            inForce += settled[i] ? 1 : 0;
            coreSettled += settled[i] && x.core[i] ? 1 : 0;
        }
        var washington = state.side(Side.WASHINGTON);
        var moscow = state.side(Side.MOSCOW);
        Map<Side, SideScore> sides = new EnumMap<>(Side.class);
        sides.put(Side.WASHINGTON, new SideScore(
                weight[W] > 0 ? interest[W] / weight[W] : 50,
                100 - (r.scoreSecurityTension * state.tension() + (1 - r.scoreSecurityTension) * washington.threatPerception()),
                washington.burden()));
        sides.put(Side.MOSCOW, new SideScore(
                weight[M] > 0 ? interest[M] / weight[M] : 50,
                100 - moscow.threatPerception(),
                moscow.strain()));
        double weights = r.stabilityTension + r.stabilityAgreements + r.stabilityCore;
        double stability = 0;
        if (!state.conflict() && weights > 0) {
            stability = (r.stabilityTension * (100 - state.tension())
                    + r.stabilityAgreements * (x.n == 0 ? 0 : 100.0 * inForce / x.n)
                    + r.stabilityCore * (x.coreCount == 0 ? 100 : 100.0 * coreSettled / x.coreCount)) / weights;
        }
        return new Scores(java.util.Collections.unmodifiableMap(sides), stability);
    }
}
