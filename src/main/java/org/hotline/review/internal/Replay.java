package org.hotline.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.GameState;
import org.hotline.engine.Outcome;
import org.hotline.engine.Scores;
import org.hotline.engine.TurnInput;
import org.hotline.exercise.Decision;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.TurnInputs;
import org.hotline.exercise.TurnStates;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-adjudicates an exercise's log with the engine: the orders, accepted proposals and ratings the
 * log records go in again, and every state and draft outcome the log recorded must come out again,
 * bit for bit. This is what lets a review (or another server, on import) trust a log.
 */
public final class Replay {

    /** A recorded state or outcome that the engine does not reproduce. */
    public record Mismatch(long seq, int turn, String what) {
    }

    /** The state after a turn's results (turn 0: the scenario's start) and the scores the engine gave. */
    public record TurnState(int turn, long seq, GameState state, Scores scores) {
    }

    public record Result(List<TurnState> turns, List<Mismatch> mismatches, int statesChecked, int outcomesChecked) {

        public boolean consistent() {
            return mismatches.isEmpty();
        }
    }

    /** Effects write numbers to two decimals. */
    private static final double EFFECT_PRECISION = 0.006;

    private final Adjudicator engine;
    private final JsonMapper json;

    public Replay(Adjudicator engine, JsonMapper json) {
        this.engine = engine;
        this.json = json;
    }

    public Result run(Scenario scenario, List<ExerciseEvent> log) {
        Walk walk = new Walk(scenario);
        for (ExerciseEvent event : log) {
            try {
                walk.step(event);
            } catch (RuntimeException bad) {
                walk.mismatches.add(new Mismatch(event.seq(), event.turn(), event.type() + " could not be replayed: " + bad.getMessage()));
            }
        }
        List<TurnState> turns = TurnStates.of(log).stream().map(t -> new TurnState(t.turn(), t.seq(), t.state(),
                t.turn() == 0 ? null : engine.score(scenario, t.state()))).toList();
        return new Result(turns, List.copyOf(walk.mismatches), walk.statesChecked, walk.outcomesChecked);
    }

    /** One pass over the log; fields hold what the next recorded state must equal. */
    private final class Walk {
        final Scenario scenario;
        final List<Mismatch> mismatches = new ArrayList<>();
        int statesChecked;
        int outcomesChecked;
        Seeds seeds;
        GameState current;
        GameState expected;
        String expectedCause;
        boolean opening;
        List<String> dueInjects = List.of();
        final List<String> releasedAtOpen = new ArrayList<>();
        Inject adHoc;
        final TurnInputs inputs = new TurnInputs();
        Outcome outcome;
        Decision decision;

        Walk(Scenario scenario) {
            this.scenario = scenario;
        }

        void step(ExerciseEvent e) {
            if (inputs.read(e)) {
                int turn = inputs.turn();
                outcome = null;
                decision = null;
                var start = engine.openTurn(scenario, current, seeds.forTurn(turn));
                expected = start.state();
                expectedCause = "opening turn " + turn;
                dueInjects = start.released().stream().map(Inject::id).toList();
                releasedAtOpen.clear();
                opening = true;
            }
            EventPayload p = e.payload();
            if (p instanceof EventPayload.ExerciseCreated created) {
                seeds = Seeds.of(created);
                expected = engine.initialState(scenario);
                expectedCause = "the scenario's initial state";
            } else if (p instanceof EventPayload.InjectReleased released) {
                injectReleased(e, released);
            } else if (p instanceof EventPayload.AdjudicationDrafted drafted) {
                drafted(e, drafted);
            } else if (p instanceof EventPayload.AdjudicationDecided decided) {
                decision = Decision.of(decided);
            } else if (p instanceof EventPayload.ResultsPublished) {
                if (outcome == null) {
                    mismatches.add(new Mismatch(e.seq(), e.turn(), "results published with no adjudication before them"));
                    return;
                }
                expected = decision == null ? outcome.after() : decision.applyTo(engine, scenario, outcome, inputs.turn()).after();
                expectedCause = "the results of turn " + inputs.turn();
            } else if (p instanceof EventPayload.StateFull full) {
                stateFull(e, full);
            }
            // Chat, notes, views for teams and the public, the clock: nothing the engine decides.
        }

        void injectReleased(ExerciseEvent e, EventPayload.InjectReleased p) {
            String id = p.injectId();
            if (opening) {
                releasedAtOpen.add(id);
            } else if (p.adHoc()) {
                // The log keeps an ad-hoc inject's effects, not its spec: they are checked as set-changes.
                adHoc = new Inject(id, p.title(), p.text(), new Inject.OnRelease(), List.of(), e.channel().audience(), List.of());
            } else {
                Inject inject = scenario.inject(id).orElseThrow(() -> new IllegalArgumentException("no inject '" + id + "' in the scenario"));
                expected = engine.release(scenario, current, inject).state();
                expectedCause = "the release of inject " + id;
            }
        }

        void drafted(ExerciseEvent e, EventPayload.AdjudicationDrafted p) {
            TurnInput input = inputs.input();
            if (!input.equals(p.input())) {
                mismatches.add(new Mismatch(e.seq(), e.turn(), "the adjudication's input differs from the orders, proposals and "
                        + "ratings in the log"));
            }
            outcome = engine.adjudicate(scenario, current, input, seeds.forTurn(inputs.turn()));
            outcomesChecked++;
            // Drafts are written with their dice and scores to four decimals; older logs have them exact.
            if (!outcome.equals(p.outcome()) && !EventPayload.AdjudicationDrafted.written(outcome).equals(p.outcome())) {
                mismatches.add(new Mismatch(e.seq(), e.turn(), "the engine's draft outcome of turn " + inputs.turn() + " differs from the recorded one"
                        + difference(EventPayload.AdjudicationDrafted.written(outcome), p.outcome())));
            }
        }

        void stateFull(ExerciseEvent e, EventPayload.StateFull p) {
            GameState recorded = p.state();
            boolean adHocStep = adHoc != null;
            if (adHocStep) {
                List<Inject.Change> changes = p.effects().stream().map(x -> new Inject.Change(x.variable(), null, x.after())).toList();
                Inject inject = new Inject(adHoc.id(), adHoc.title(), adHoc.text(), adHoc.trigger(), changes, adHoc.audience(), List.of());
                expected = engine.release(scenario, current, inject).state();
                expectedCause = "the ad-hoc inject " + adHoc.id();
                adHoc = null;
            }
            statesChecked++;
            if (expected == null) {
                mismatches.add(new Mismatch(e.seq(), e.turn(), "a state with no command or turn behind it"));
            } else if (adHocStep) {
                if (!close(json.valueToTree(expected), json.valueToTree(recorded))) {
                    mismatches.add(new Mismatch(e.seq(), e.turn(), "the state after " + expectedCause
                            + " is not the one before with the recorded effects" + difference(expected, recorded)));
                }
            } else if (!expected.equals(recorded)) {
                mismatches.add(new Mismatch(e.seq(), e.turn(), "the state after " + expectedCause + " differs from the recorded one"
                        + difference(expected, recorded)));
            }
            if (opening && !releasedAtOpen.equals(dueInjects)) {
                mismatches.add(new Mismatch(e.seq(), e.turn(), "turn " + inputs.turn() + " released " + releasedAtOpen + "; the engine releases "
                        + dueInjects));
            }
            opening = false;
            current = recorded;
            expected = null;
        }

        /**
         * Equal up to the precision effects are written with (an ad-hoc inject's spec is not in the
         * log, only its effects, whose numbers are rounded); sets may list their members in any order.
         */
        private boolean close(JsonNode a, JsonNode b) {
            if (a == null || b == null) {
                return a == b;
            }
            if (a.isNumber() && b.isNumber()) {
                return Math.abs(a.asDouble() - b.asDouble()) <= EFFECT_PRECISION;
            }
            if (a.isObject() && b.isObject()) {
                return a.size() == b.size() && a.propertyNames().stream().allMatch(name -> close(a.get(name), b.get(name)));
            }
            if (a.isArray() && b.isArray() && a.size() == b.size()) {
                List<String> left = new ArrayList<>();
                List<String> right = new ArrayList<>();
                boolean strings = true;
                for (int i = 0; i < a.size(); i++) {
                    strings &= a.get(i).isString() && b.get(i).isString();
                    left.add(a.get(i).asString(""));
                    right.add(b.get(i).asString(""));
                }
                if (strings) {
                    return left.stream().sorted().toList().equals(right.stream().sorted().toList());
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!close(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return a.equals(b);
        }

        private String difference(Object computed, Object recorded) {
            JsonNode a = json.valueToTree(computed);
            JsonNode b = json.valueToTree(recorded);
            List<String> paths = new ArrayList<>();
            diff("", a, b, paths);
            return paths.isEmpty() ? "" : " at " + String.join(", ", paths.subList(0, Math.min(5, paths.size())));
        }

        private void diff(String path, JsonNode a, JsonNode b, List<String> out) {
            if (Objects.equals(a, b)) {
                return;
            }
            if (a != null && b != null && a.isObject() && b.isObject()) {
                for (String name : a.propertyNames()) {
                    diff(path + "/" + name, a.get(name), b.get(name), out);
                }
            } else {
                out.add((path.isEmpty() ? "/" : path) + " (engine " + a + ", log " + b + ")");
            }
        }
    }
}
