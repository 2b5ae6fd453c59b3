package org.hotline.exercise.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.Narrative;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.engine.TurnInput;
import org.hotline.engine.TurnStart;
import org.hotline.exercise.Channel;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.Mode;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * The turn (docs/design.md section 2): one declared table says what ends each phase and what comes next;
 * the commands each phase allows are in {@link org.hotline.exercise.CommandType}.
 */
final class TurnFlow {

    /** What closes a phase, in words for people, and the phase after it (RESULTS leads to the next turn or the end). */
    record Step(String endedBy, Phase next) {
    }

    static final Map<Phase, Step> STEPS = steps();

    private static Map<Phase, Step> steps() {
        Map<Phase, Step> steps = new EnumMap<>(Phase.class);
        steps.put(Phase.LOBBY, new Step("the facilitator's START or ADVANCE", Phase.BRIEFING));
        steps.put(Phase.BRIEFING, new Step("its deadline, ADVANCE or CUT", Phase.DELIBERATION));
        steps.put(Phase.DELIBERATION, new Step("its deadline, ADVANCE or CUT", Phase.ORDERS));
        steps.put(Phase.ORDERS, new Step("both teams sealing, its deadline, ADVANCE, CUT or LOCK_ORDERS", Phase.ADJUDICATION));
        steps.put(Phase.ADJUDICATION, new Step("the engine in AUTOMATIC mode, otherwise APPROVE, EDIT or OVERRIDE", Phase.RESULTS));
        steps.put(Phase.RESULTS, new Step("its deadline, ADVANCE or CUT; after the last turn or a conflict, the end", Phase.BRIEFING));
        return steps;
    }

    private final Adjudicator engine;
    private final Views views;

    TurnFlow(Adjudicator engine, Views views) {
        this.engine = engine;
        this.views = views;
    }

    /** Closes the phase the way its deadline would and goes on to the next. */
    void advance(Batch b, Scenario scenario, String reason) {
        ExerciseState s = b.state();
        Step step = STEPS.get(s.phase);
        if (step == null) {
            throw new CommandRejected("WRONG_PHASE", "The exercise has ended");
        }
        if (s.phase == Phase.ADJUDICATION) {
            throw new CommandRejected("WRONG_PHASE", "Adjudication ends with " + step.endedBy());
        }
        boolean lastTurnOver = s.phase == Phase.RESULTS && (s.turn >= scenario.turns() || s.game.conflict());
        if (lastTurnOver) {
            end(b, scenario, s.game.conflict() ? "the exercise ended in conflict" : "the last turn has been played");
        } else if (s.phase == Phase.ORDERS) {
            lock(b, scenario, reason);
        } else if (step.next() == Phase.BRIEFING) {
            openTurn(b, scenario, reason);
        } else {
            enter(b, step.next(), s.turn, reason);
        }
    }

    private void openTurn(Batch b, Scenario scenario, String reason) {
        ExerciseState s = b.state();
        enter(b, Phase.BRIEFING, s.turn + 1, reason);
        TurnStart start = engine.openTurn(scenario, s.game, s.seed);
        for (Inject inject : start.released()) {
            b.emit(Channel.of(inject.audience()), new EventPayload.InjectReleased(inject.id(), inject.title(), inject.text(), false));
        }
        views.emit(b, scenario, start.state(), start.effects(), "turn " + s.turn + " opens");
    }

    static void enter(Batch b, Phase phase, int turn, String reason) {
        Integer seconds = b.state().timers.get(phase);
        Long deadline = phase.timed() && seconds != null && seconds > 0 ? b.now() + seconds * 1000L : null;
        b.emit(Channel.PUBLIC, new EventPayload.PhaseChanged(phase, turn, deadline == null ? null : Instant.ofEpochMilli(deadline),
                false, null, reason));
    }

    /**
     * Orders close (Lock orders, the deadline, or both teams sealed) and the engine adjudicates. A team
     * that has not submitted plays its current draft, sealed as its orders and logged as such (no
     * player's name on it); a move withheld from the team by now is left out, so that issue holds.
     * Only a team with nothing drafted holds on every issue.
     */
    void lock(Batch b, Scenario scenario, String reason) {
        ExerciseState s = b.state();
        for (Side side : Side.values()) {
            if (s.sealed.containsKey(side)) {
                continue;
            }
            Orders draft = draftAsOrders(scenario, s, side);
            if (draft.byIssue().isEmpty()) {
                b.emit(Channel.PUBLIC, new EventPayload.OrdersDefaulted(side,
                        "no orders and no draft when the orders phase closed (" + reason + "): HOLD on every issue"));
            } else {
                b.emit(Channel.team(side), new EventPayload.OrdersSubmitted(side, null,
                        "the team's draft, sealed when the orders phase closed (" + reason + ")", draft));
                b.emit(Channel.PUBLIC, new EventPayload.OrdersSealed(side));
            }
        }
        enter(b, Phase.ADJUDICATION, s.turn, reason);
        draftAdjudication(b, scenario);
    }

    private Orders draftAsOrders(Scenario scenario, ExerciseState s, Side side) {
        Set<String> withheld = engine.options(scenario, s.game, side).stream().filter(o -> !o.allowed())
                .map(o -> o.issueId() + " " + o.move()).collect(Collectors.toSet());
        Map<String, Order> byIssue = new LinkedHashMap<>();
        for (EventPayload.DraftEntry entry : s.drafts.getOrDefault(side, Map.of()).values()) {
            if (entry.move() != null && !withheld.contains(entry.issueId() + " " + entry.move())) {
                byIssue.put(entry.issueId(), new Order(entry.issueId(), entry.move(), entry.redLine(), entry.argument()));
            }
        }
        return new Orders(side, byIssue);
    }

    void draftAdjudication(Batch b, Scenario scenario) {
        ExerciseState s = b.state();
        TurnInput input = s.turnInputs().input();
        Outcome outcome = engine.adjudicate(scenario, s.game, input, s.seed);
        Narrative told = PublicNarration.of(scenario, outcome, outcome.after());
        if (s.mode == Mode.AUTOMATIC) {
            // Nobody reviews this draft: the public account is in the results that follow, and the engine's
            // account follows from the outcome (the review narrates it when read).
            b.emitState(Channel.CONTROL, new EventPayload.AdjudicationDrafted(outcome, null, null, input).since(s.views.state()),
                    outcome.after());
            results(b, scenario, outcome.after(), outcome.effects(), told, "ENGINE");
        } else {
            // The public account goes with the draft so the facilitator edits it, not the engine's (dice, private values).
            b.emitState(Channel.CONTROL, new EventPayload.AdjudicationDrafted(outcome, engine.narrate(scenario, outcome), told, input)
                    .since(s.views.state()), outcome.after());
        }
    }

    void results(Batch b, Scenario scenario, GameState after, List<Effect> effects, Narrative told, String decidedBy) {
        ExerciseState s = b.state();
        Map<Side, Map<String, Order>> orders = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            orders.put(side, s.sealed.get(side).byIssue());
        }
        List<EventPayload.IssueResult> issues = s.draftOutcome.issues().stream().map(issue -> new EventPayload.IssueResult(
                issue.issueId(), issue.washingtonMove(), issue.moscowMove(), issue.before(),
                Optional.ofNullable(after.issue(issue.issueId())).map(i -> i.status()).orElse(issue.after()))).toList();
        b.emit(Channel.PUBLIC, new EventPayload.ResultsPublished(s.turn, orders, issues, told.summary(), told.byIssue(),
                after.agreements(), after.tension(), decidedBy));
        views.emit(b, scenario, after, effects, "results of turn " + s.turn);
        enter(b, Phase.RESULTS, s.turn, "results published");
        if (after.conflict()) {
            end(b, scenario, "the exercise ended in conflict");
        }
    }

    void end(Batch b, Scenario scenario, String reason) {
        ExerciseState s = b.state();
        b.emit(Channel.PUBLIC, new EventPayload.ExerciseEnded(reason, engine.score(scenario, s.game), s.game.tension()));
        enter(b, Phase.ENDED, s.turn, reason);
    }

}
