package org.hotline.engine.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.engine.MoveOption;
import org.hotline.scenario.AllyStance;
import org.hotline.scenario.Cost;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * A scenario prepared for adjudication: issues as arrays in scenario order, the rulebook as fields and
 * every variable name precomputed, so that a turn allocates no strings.
 */
final class ScenarioIndex {

    static final int W = 0;
    static final int M = 1;

    final Scenario scenario;
    final Rules rules;
    final int issueCount;
    final String[] ids;
    final String[] names;
    final boolean[][] coreFor;
    final boolean[] core;
    final boolean[] shared;
    final boolean[] institutional;
    /** An agreement in force here lowers the stronger side's burden / the weaker side's strain (B2). */
    final boolean[] lowersBurden;
    final boolean[] lowersStrain;
    final AllyStance[] allies;
    final double[][] salience;
    final double[] meanSalience;
    final String[] balanceVar;
    final String[] statusVar;
    final String[] agreementVar;
    final int sharedCount;
    final int coreCount;
    final double startResolve;
    /** For each scenario inject, in order, the variable its condition watches (null unless triggered by one). */
    final Injects.Target[] conditions;
    private final Map<String, Integer> positions = new HashMap<>();
    /** Every option allowed, built once: what a team may do on a turn when nothing is withheld. */
    final List<MoveOption> allAllowed;

    ScenarioIndex(Scenario scenario) {
        this.scenario = scenario;
        this.rules = new Rules(scenario.rulebook());
        List<Issue> issues = scenario.issues();
        issueCount = issues.size();
        ids = new String[issueCount];
        names = new String[issueCount];
        coreFor = new boolean[2][issueCount];
        core = new boolean[issueCount];
        shared = new boolean[issueCount];
        institutional = new boolean[issueCount];
        lowersBurden = new boolean[issueCount];
        lowersStrain = new boolean[issueCount];
        allies = new AllyStance[issueCount];
        salience = new double[2][issueCount];
        meanSalience = new double[issueCount];
        balanceVar = new String[issueCount];
        statusVar = new String[issueCount];
        agreementVar = new String[issueCount];
        int sharedIssues = 0;
        int coreIssues = 0;
        for (int i = 0; i < issueCount; i++) {
            Issue issue = issues.get(i);
            ids[i] = issue.id();
            names[i] = issue.name();
            coreFor[W][i] = issue.coreFor(Side.WASHINGTON);
            coreFor[M][i] = issue.coreFor(Side.MOSCOW);
            core[i] = coreFor[W][i] || coreFor[M][i];
            shared[i] = issue.sharedInterest();
            institutional[i] = issue.institutional();
            lowersBurden[i] = issue.lowers() != null && issue.lowers().contains(Cost.BURDEN);
            lowersStrain[i] = issue.lowers() != null && issue.lowers().contains(Cost.STRAIN);
            allies[i] = issue.allies() == null ? AllyStance.NONE : issue.allies();
            salience[W][i] = issue.salience().getOrDefault(Side.WASHINGTON, 0.0);
            salience[M][i] = issue.salience().getOrDefault(Side.MOSCOW, 0.0);
            meanSalience[i] = (salience[W][i] + salience[M][i]) / 2;
            balanceVar[i] = "issue." + issue.id() + ".balance";
            statusVar[i] = "issue." + issue.id() + ".status";
            agreementVar[i] = "agreement." + issue.id();
            if (positions.put(issue.id(), i) != null) {
                throw new IllegalArgumentException("Scenario " + scenario.id() + " defines issue '" + issue.id() + "' twice");
            }
            sharedIssues += shared[i] ? 1 : 0;
            coreIssues += core[i] ? 1 : 0;
        }
        sharedCount = sharedIssues;
        coreCount = coreIssues;
        startResolve = scenario.sides().get(Side.MOSCOW).perceivedResolve();
        conditions = Injects.conditions(this);
        allAllowed = MoveRules.allAllowed(ids);
    }

    /** Index of an issue id, or -1. */
    int indexOf(String issueId) {
        Integer i = positions.get(issueId);
        return i == null ? -1 : i;
    }

    int require(String issueId, String where) {
        int i = indexOf(issueId);
        if (i < 0) {
            throw new IllegalArgumentException(where + ": scenario " + scenario.id() + " has no issue '" + issueId + "'");
        }
        return i;
    }

    static int of(Side side) {
        return side == Side.WASHINGTON ? W : M;
    }

    static Side side(int s) {
        return s == W ? Side.WASHINGTON : Side.MOSCOW;
    }
}
