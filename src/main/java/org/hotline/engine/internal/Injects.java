package org.hotline.engine.internal;

import static org.hotline.engine.EffectCause.INJECT;

import java.util.ArrayList;
import java.util.List;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.TurnStart;
import org.hotline.engine.internal.Board.ContextVar;
import org.hotline.engine.internal.Board.SideVar;
import org.hotline.scenario.Inject;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.VariablePath;

/**
 * Mechanism 12: injects change context and issues. Scheduled and triggered injects are released at
 * the opening of a turn, each at most once; a facilitator may release one at any time.
 */
final class Injects {

    enum Kind { TENSION, SIDE, CHAMPION, CONTEXT, BALANCE, STATUS, LAPSE }

    /** Where a change path points. */
    record Target(Kind kind, int side, SideVar sideVar, ContextVar contextVar, int issue) {
    }

    private Injects() {
    }

    static TurnStart open(ScenarioIndex index, GameState state) {
        if (state.conflict() || state.turn() >= index.scenario.turns()) {
            return new TurnStart(state, List.of(), List.of());
        }
        List<Effect> effects = new ArrayList<>();
        Board board = new Board(index, state, effects);
        int turn = state.turn() + 1;
        List<Inject> released = new ArrayList<>();
        List<Inject> injects = index.scenario.injects();
        for (int k = 0; k < injects.size(); k++) {
            Inject inject = injects.get(k);
            if (board.fired(inject.id()) || !due(board, inject.trigger(), index.conditions[k], turn)) {
                continue;
            }
            apply(index, board, inject);
            released.add(inject);
        }
        return released.isEmpty() ? new TurnStart(state, List.of(), List.of())
                : new TurnStart(board.toState(), List.copyOf(released), List.copyOf(effects));
    }

    static TurnStart release(ScenarioIndex index, GameState state, Inject inject) {
        if (inject == null || inject.id() == null || inject.changes() == null) {
            throw new IllegalArgumentException("An inject needs an id and a list of changes");
        }
        if (state.conflict()) {
            throw new IllegalStateException("The exercise has ended in conflict; no inject can be released");
        }
        List<Effect> effects = new ArrayList<>();
        Board board = new Board(index, state, effects);
        if (board.fired(inject.id())) {
            throw new IllegalStateException("Inject '" + inject.id() + "' has already been released");
        }
        apply(index, board, inject);
        return new TurnStart(board.toState(), List.of(inject), List.copyOf(effects));
    }

    /** The variable each triggered inject watches, parsed once per scenario (null for other triggers). */
    static Target[] conditions(ScenarioIndex index) {
        List<Inject> injects = index.scenario.injects();
        Target[] conditions = new Target[injects.size()];
        for (int k = 0; k < conditions.length; k++) {
            if (injects.get(k).trigger() instanceof Inject.When when) {
                String where = "inject '" + injects.get(k).id() + "', condition";
                conditions[k] = parse(index, when.variable(), where);
                if (conditions[k].kind == Kind.CHAMPION || conditions[k].kind == Kind.STATUS || conditions[k].kind == Kind.LAPSE) {
                    throw new IllegalArgumentException(where + ": only numeric variables can be compared, not " + when.variable());
                }
            }
        }
        return conditions;
    }

    private static boolean due(Board board, Inject.Trigger trigger, Target condition, int turn) {
        if (trigger instanceof Inject.AtTurn at) {
            return at.turn() == turn;
        }
        if (trigger instanceof Inject.When when) {
            double value = numeric(board, condition);
            return when.comparison() == Inject.Comparison.ABOVE ? value > when.value() : value < when.value();
        }
        return false;
    }

    private static void apply(ScenarioIndex index, Board board, Inject inject) {
        // Validate every change first, so that a broken inject changes nothing.
        List<Target> targets = new ArrayList<>(inject.changes().size());
        for (Inject.Change change : inject.changes()) {
            Target target = parse(index, change.variable(), "inject '" + inject.id() + "'");
            check(target, change, inject.id());
            targets.add(target);
        }
        board.fire(inject.id());
        board.applying(inject.title());
        List<String> findings = inject.findings() == null ? List.of() : inject.findings();
        for (int c = 0; c < targets.size(); c++) {
            change(board, targets.get(c), inject.changes().get(c), findings);
        }
    }

    private static Target parse(ScenarioIndex index, String path, String where) {
        if (path == null) {
            throw new IllegalArgumentException(where + ": a change or condition names no variable");
        }
        VariablePath p;
        try {
            p = VariablePath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return switch (p.scope()) {
            case TENSION -> new Target(Kind.TENSION, -1, null, null, -1);
            case SIDE -> p.field().equals("champion")
                    ? new Target(Kind.CHAMPION, ScenarioIndex.of(p.side()), null, null, -1)
                    : new Target(Kind.SIDE, ScenarioIndex.of(p.side()), sideVar(p.field()), null, -1);
            case CONTEXT -> new Target(Kind.CONTEXT, -1, null, contextVar(p.field()), -1);
            case ISSUE -> new Target(p.field().equals("balance") ? Kind.BALANCE : Kind.STATUS, -1, null, null,
                    index.require(p.issueId(), where));
            case AGREEMENT -> new Target(Kind.LAPSE, -1, null, null, index.require(p.issueId(), where));
        };
    }

    private static SideVar sideVar(String field) {
        for (SideVar v : SideVar.values()) {
            if (v.field.equals(field)) {
                return v;
            }
        }
        throw new IllegalStateException("VariablePath accepted side field " + field + " the engine does not hold");
    }

    private static ContextVar contextVar(String field) {
        for (ContextVar v : ContextVar.values()) {
            if (v.field.equals(field)) {
                return v;
            }
        }
        throw new IllegalStateException("VariablePath accepted context field " + field + " the engine does not hold");
    }

    private static void check(Target target, Inject.Change change, String injectId) {
        String where = "inject '" + injectId + "', change of " + change.variable();
        boolean numeric = target.kind == Kind.TENSION || target.kind == Kind.SIDE || target.kind == Kind.CONTEXT
                || target.kind == Kind.BALANCE;
        if ((change.delta() == null) == (change.set() == null)) {
            throw new IllegalArgumentException(where + ": give either delta or set");
        }
        if (change.delta() != null && !numeric) {
            throw new IllegalArgumentException(where + ": a delta applies only to numeric variables; use set");
        }
        if (change.set() != null) {
            switch (target.kind) {
                case CHAMPION -> {
                    if (!change.set().equals("true") && !change.set().equals("false")) {
                        throw new IllegalArgumentException(where + ": set must be true or false");
                    }
                }
                case STATUS -> status(change.set(), where);
                case LAPSE -> { }
                default -> number(change.set(), where);
            }
        }
    }

    private static IssueStatus status(String text, String where) {
        try {
            return IssueStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown status '" + text + "'");
        }
    }

    private static double number(String text, String where) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a number");
        }
    }

    private static double numeric(Board board, Target target) {
        return switch (target.kind) {
            case TENSION -> board.tension;
            case SIDE -> board.get(target.side, target.sideVar);
            case CONTEXT -> board.get(target.contextVar);
            case BALANCE -> board.balance[target.issue];
            default -> throw new IllegalStateException("not a numeric condition: " + target);
        };
    }

    private static void change(Board board, Target target, Inject.Change change, List<String> findings) {
        switch (target.kind) {
            case TENSION -> board.setTension(value(board.tension, change), INJECT, findings, -1);
            case SIDE -> board.setSide(target.side, target.sideVar, value(board.get(target.side, target.sideVar), change), INJECT, findings, -1);
            case CONTEXT -> board.setContext(target.contextVar, value(board.get(target.contextVar), change), INJECT, findings);
            case BALANCE -> board.setBalance(target.issue, value(board.balance[target.issue], change), INJECT, findings);
            case CHAMPION -> board.champion(target.side, Boolean.parseBoolean(change.set()), INJECT, findings, -1);
            case LAPSE -> board.lapse(target.issue, INJECT, findings);
            case STATUS -> setStatus(board, target.issue, IssueStatus.valueOf(change.set()), findings);
        }
    }

    private static double value(double current, Inject.Change change) {
        return change.delta() != null ? current + change.delta() : Double.parseDouble(change.set());
    }

    /**
     * Setting a status keeps the ledger true: AGREEMENT concludes one; CONTESTED or NEGOTIATING lapses
     * the agreement in force; CRISIS flares the issue but leaves an agreement in force (durable gains
     * survive deterioration, F2; an inject lapses one with agreement.&lt;id&gt;.lapse).
     */
    private static void setStatus(Board board, int i, IssueStatus status, List<String> findings) {
        switch (status) {
            case AGREEMENT -> {
                if (!board.agreementInForce(i)) {
                    board.conclude(i, INJECT, findings);
                }
            }
            case CONFLICT -> board.endInConflict(i, INJECT, findings);
            case CRISIS -> board.status(i, status, INJECT, findings);
            default -> {
                board.lapse(i, INJECT, findings);
                board.status(i, status, INJECT, findings);
            }
        }
    }
}
