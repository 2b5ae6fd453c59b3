package org.hotline.engine.internal;

import static org.hotline.engine.internal.ScenarioIndex.M;
import static org.hotline.engine.internal.ScenarioIndex.W;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.engine.Agreement;
import org.hotline.engine.Effect;
import org.hotline.engine.EffectCause;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueState;
import org.hotline.engine.SideState;
import org.hotline.scenario.Context;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Side;

/**
 * The state being adjudicated, mutable and in arrays, with every change recorded as an effect. Built
 * from an immutable {@link GameState} and turned back into one; unchanged parts are shared, not copied.
 */
final class Board {

    /** The per-side variables of docs/design.md section 4 (the flag {@code champion} is kept apart). */
    enum SideVar {
        TRUST("trust"), THREAT("threatPerception"), SUPPORT("domesticSupport"), RESOLVE("perceivedResolve"),
        STRAIN("strain"), BURDEN("burden"), COHESION("allianceCohesion");

        final String field;
        final String[] path;

        SideVar(String field) {
            this.field = field;
            this.path = new String[] {"washington." + field, "moscow." + field};
        }
    }

    enum ContextVar {
        CHINA("chinaAlignment", 0, 100), TRENDS("trendsAgainstWeaker", 0, 100), POWER("powerRatio", 1, 10),
        REVISIONISM("revisionism", 0, 100), SPOILER("spoilerRisk", 0, 100);

        final String field;
        final String path;
        final double min;
        final double max;

        ContextVar(String field, double min, double max) {
            this.field = field;
            this.path = "context." + field;
            this.min = min;
            this.max = max;
        }
    }

    static final String TENSION = "tension";
    static final String[] CHAMPION = {"washington.champion", "moscow.champion"};
    private static final double EPSILON = 1e-9;
    private static final List<Set<Side>> RED_LINE_SETS = List.of(
            Collections.unmodifiableSet(EnumSet.noneOf(Side.class)),
            Collections.unmodifiableSet(EnumSet.of(Side.WASHINGTON)),
            Collections.unmodifiableSet(EnumSet.of(Side.MOSCOW)),
            Collections.unmodifiableSet(EnumSet.allOf(Side.class)));

    final ScenarioIndex index;
    private final GameState source;
    int turn;
    /** The turn in progress, to which agreements concluded or lapsed now belong. */
    private final int eventTurn;
    double tension;
    final double[][] sideValues = new double[2][SideVar.values().length];
    final boolean[] champion = new boolean[2];
    final double[] contextValues = new double[ContextVar.values().length];
    final IssueStatus[] status;
    final double[] balance;
    final int[] unresolved;
    /** Red lines per issue as a bit set: 1 Washington, 2 Moscow. */
    final int[] redLines;
    private List<Agreement> ledger;
    /** Index in the ledger of the agreement in force on each issue, or -1. */
    final int[] inForce;
    private Set<String> fired;
    boolean conflict;
    /** Where each change is recorded; null when the turn is only simulated (analysis runs keep no record). */
    final List<Effect> effects;
    private boolean ledgerChanged;
    /** The reason effects of {@link EffectCause#INJECT} carry: the words of the inject being applied. */
    private String injectReason = EffectCause.INJECT.text();
    private boolean firedChanged;

    Board(ScenarioIndex index, GameState state, List<Effect> effects) {
        this.index = index;
        this.source = state;
        this.effects = effects;
        turn = state.turn();
        eventTurn = state.turn() + 1;
        tension = state.tension();
        for (int s = 0; s < 2; s++) {
            SideState side = state.side(ScenarioIndex.side(s));
            sideValues[s][SideVar.TRUST.ordinal()] = side.trust();
            sideValues[s][SideVar.THREAT.ordinal()] = side.threatPerception();
            sideValues[s][SideVar.SUPPORT.ordinal()] = side.domesticSupport();
            sideValues[s][SideVar.RESOLVE.ordinal()] = side.perceivedResolve();
            sideValues[s][SideVar.STRAIN.ordinal()] = side.strain();
            sideValues[s][SideVar.BURDEN.ordinal()] = side.burden();
            sideValues[s][SideVar.COHESION.ordinal()] = side.allianceCohesion();
            champion[s] = side.champion();
        }
        Context c = state.context();
        contextValues[ContextVar.CHINA.ordinal()] = c.chinaAlignment();
        contextValues[ContextVar.TRENDS.ordinal()] = c.trendsAgainstWeaker();
        contextValues[ContextVar.POWER.ordinal()] = c.powerRatio();
        contextValues[ContextVar.REVISIONISM.ordinal()] = c.revisionism();
        contextValues[ContextVar.SPOILER.ordinal()] = c.spoilerRisk();
        int issueCount = index.issueCount;
        status = new IssueStatus[issueCount];
        balance = new double[issueCount];
        unresolved = new int[issueCount];
        redLines = new int[issueCount];
        inForce = new int[issueCount];
        for (int i = 0; i < issueCount; i++) {
            IssueState issue = state.issue(index.ids[i]);
            if (issue == null) {
                throw new IllegalArgumentException("State has no issue '" + index.ids[i] + "' of scenario " + index.scenario.id());
            }
            status[i] = issue.status();
            balance[i] = issue.balance();
            unresolved[i] = issue.turnsUnresolved();
            Set<Side> declared = issue.redLines() == null ? Set.of() : issue.redLines();
            redLines[i] = (declared.contains(Side.WASHINGTON) ? 1 : 0) | (declared.contains(Side.MOSCOW) ? 2 : 0);
            inForce[i] = -1;
        }
        if (state.issues().size() != issueCount) {
            throw new IllegalArgumentException("State has " + state.issues().size() + " issues, scenario " + index.scenario.id() + " has " + issueCount);
        }
        ledger = state.agreements();
        for (int a = 0; a < ledger.size(); a++) {
            Agreement agreement = ledger.get(a);
            if (agreement.inForce()) {
                inForce[index.require(agreement.issueId(), "Agreement ledger")] = a;
            }
        }
        fired = state.firedInjects();
        conflict = state.conflict();
    }

    double get(int s, SideVar v) {
        return sideValues[s][v.ordinal()];
    }

    double get(ContextVar v) {
        return contextValues[v.ordinal()];
    }

    void tension(double delta, EffectCause cause, List<String> findings, int issue) {
        setTension(tension + delta, cause, findings, issue);
    }

    void setTension(double value, EffectCause cause, List<String> findings, int issue) {
        double after = clamp(value, 0, 100);
        if (Math.abs(after - tension) > EPSILON) {
            record(TENSION, Values.text(tension), Values.text(after), cause, findings, issue);
            tension = after;
        }
    }

    void side(int s, SideVar v, double delta, EffectCause cause, List<String> findings, int issue) {
        setSide(s, v, sideValues[s][v.ordinal()] + delta, cause, findings, issue);
    }

    void setSide(int s, SideVar v, double value, EffectCause cause, List<String> findings, int issue) {
        double before = sideValues[s][v.ordinal()];
        double after = clamp(value, 0, 100);
        if (Math.abs(after - before) > EPSILON) {
            record(v.path[s], Values.text(before), Values.text(after), cause, findings, issue);
            sideValues[s][v.ordinal()] = after;
        }
    }

    void champion(int s, boolean value, EffectCause cause, List<String> findings, int issue) {
        if (champion[s] != value) {
            record(CHAMPION[s], Values.text(champion[s]), Values.text(value), cause, findings, issue);
            champion[s] = value;
        }
    }

    void setContext(ContextVar v, double value, EffectCause cause, List<String> findings) {
        double before = contextValues[v.ordinal()];
        double after = clamp(value, v.min, v.max);
        if (Math.abs(after - before) > EPSILON) {
            record(v.path, Values.text(before), Values.text(after), cause, findings, -1);
            contextValues[v.ordinal()] = after;
        }
    }

    void balance(int i, double delta, EffectCause cause, List<String> findings) {
        setBalance(i, balance[i] + delta, cause, findings);
    }

    void setBalance(int i, double value, EffectCause cause, List<String> findings) {
        double after = clamp(value, 0, 100);
        if (Math.abs(after - balance[i]) > EPSILON) {
            record(index.balanceVar[i], Values.text(balance[i]), Values.text(after), cause, findings, i);
            balance[i] = after;
        }
    }

    void status(int i, IssueStatus value, EffectCause cause, List<String> findings) {
        if (status[i] != value) {
            record(index.statusVar[i], status[i].name(), value.name(), cause, findings, i);
            status[i] = value;
        }
    }

    boolean agreementInForce(int i) {
        return inForce[i] >= 0;
    }

    /** Concludes an agreement on issue i at its present balance. */
    void conclude(int i, EffectCause cause, List<String> findings) {
        copyLedger();
        inForce[i] = ledger.size();
        ledger.add(new Agreement(index.ids[i], eventTurn, balance[i], index.institutional[i], true, 0));
        record(index.agreementVar[i], "none", "in force", cause, findings, i);
        status(i, IssueStatus.AGREEMENT, cause, findings);
        redLines[i] = 0;
    }

    /** The agreement in force on issue i lapses; the issue is contested again. */
    void lapse(int i, EffectCause cause, List<String> findings) {
        int a = inForce[i];
        if (a < 0) {
            return;
        }
        copyLedger();
        Agreement old = ledger.get(a);
        ledger.set(a, new Agreement(old.issueId(), old.concludedTurn(), old.balance(), old.institutional(), false, eventTurn));
        inForce[i] = -1;
        record(index.agreementVar[i], "in force", "lapsed", cause, findings, i);
        status(i, IssueStatus.CONTESTED, cause, findings);
    }

    int agreementsInForce() {
        int count = 0;
        for (int a : inForce) {
            count += a >= 0 ? 1 : 0;
        }
        return count;
    }

    void endInConflict(int i, EffectCause cause, List<String> findings) {
        if (i >= 0) {
            status(i, IssueStatus.CONFLICT, cause, findings);
        }
        if (!conflict) {
            record("conflict", "false", "true", cause, findings, i);
            conflict = true;
        }
        setTension(100, cause, findings, i);
    }

    /** Effects recorded from now on with cause INJECT name this inject. */
    void applying(String injectTitle) {
        injectReason = EffectCause.injectReason(injectTitle);
    }

    boolean fired(String injectId) {
        return fired.contains(injectId);
    }

    void fire(String injectId) {
        if (!firedChanged) {
            fired = new LinkedHashSet<>(fired);
            firedChanged = true;
        }
        fired.add(injectId);
    }

    private void copyLedger() {
        if (!ledgerChanged) {
            List<Agreement> copy = new ArrayList<>(ledger.size() + 2);
            copy.addAll(ledger);
            ledger = copy;
            ledgerChanged = true;
        }
    }

    private void record(String variable, String before, String after, EffectCause cause, List<String> findings, int issue) {
        if (effects == null) {
            return;
        }
        String reason = cause == EffectCause.INJECT ? injectReason : cause.text();
        effects.add(new Effect(variable, before, after, reason, findings, issue >= 0 ? index.ids[issue] : null));
    }

    GameState toState() {
        Map<Side, SideState> sides = new EnumMap<>(Side.class);
        for (int s = 0; s < 2; s++) {
            Side side = ScenarioIndex.side(s);
            SideState old = source.side(side);
            SideState now = new SideState(get(s, SideVar.TRUST), get(s, SideVar.THREAT), get(s, SideVar.SUPPORT), champion[s],
                    get(s, SideVar.RESOLVE), get(s, SideVar.STRAIN), get(s, SideVar.BURDEN), get(s, SideVar.COHESION));
            sides.put(side, now.equals(old) ? old : now);
        }
        Context oldContext = source.context();
        Context context = new Context(get(ContextVar.CHINA), get(ContextVar.TRENDS), get(ContextVar.POWER),
                get(ContextVar.REVISIONISM), get(ContextVar.SPOILER));
        Map<String, IssueState> issues = new LinkedHashMap<>(index.issueCount * 2);
        for (int i = 0; i < index.issueCount; i++) {
            IssueState old = source.issue(index.ids[i]);
            IssueState now = new IssueState(index.ids[i], status[i], balance[i], unresolved[i], RED_LINE_SETS.get(redLines[i]));
            issues.put(index.ids[i], now.equals(old) ? old : now);
        }
        return new GameState(turn, tension, Collections.unmodifiableMap(sides),
                context.equals(oldContext) ? oldContext : context,
                Collections.unmodifiableMap(issues),
                ledgerChanged ? List.copyOf(ledger) : ledger,
                firedChanged ? Collections.unmodifiableSet(fired) : fired,
                conflict);
    }

    static double clamp(double value, double min, double max) {
        return value < min ? min : (value > max ? max : value);
    }

    static int red(int s) {
        return s == W ? 1 : 2;
    }

    static int other(int s) {
        return s == W ? M : W;
    }
}
