package org.hotline.exercise;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.hotline.exercise.internal.DraftOutcome;
import org.hotline.exercise.internal.StateChanges;
import org.hotline.exercise.internal.WithheldMoves;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.access.Role;
import org.hotline.engine.Agreement;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.MoveOption;
import org.hotline.engine.Narrative;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.engine.Roll;
import org.hotline.engine.Scores;
import org.hotline.engine.TurnInput;
import org.hotline.scenario.Inject;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/**
 * What an event says, one record per {@link EventType}. The components are the JSON keys of the
 * payload on the wire and in the log (docs/protocol.md, section 5), in the order they are written.
 */
public sealed interface EventPayload {

    /** The first event of every log. A branch records the seeds its copied turns used and where it came from. */
    record ExerciseCreated(String scenarioId, String title, Mode mode, long seed, Map<Phase, Integer> timers, String owner,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<EarlierSeed> earlierSeeds,
                           @JsonInclude(JsonInclude.Include.NON_NULL) BranchOf branchOf) implements EventPayload {

        public ExerciseCreated(String scenarioId, String title, Mode mode, long seed, Map<Phase, Integer> timers, String owner) {
            this(scenarioId, title, mode, seed, timers, owner, null, null);
        }

        public ExerciseCreated ownedBy(String newOwner) {
            return new ExerciseCreated(scenarioId, title, mode, seed, timers, newOwner, earlierSeeds, branchOf);
        }

        public ExerciseCreated branched(String newTitle, long newSeed, List<EarlierSeed> seeds, BranchOf from) {
            return new ExerciseCreated(scenarioId, newTitle, mode, newSeed, timers, owner, seeds, from);
        }
    }

    /** The seed turns up to {@code throughTurn} (and after the previous entry) were played with. */
    record EarlierSeed(int throughTurn, long seed) {
    }

    record BranchOf(String exerciseId, int turn) {
    }

    record PlayerJoined(String playerId, String name, Role role, Side side) implements EventPayload {
    }

    record PlayerRemoved(String playerId, String name) implements EventPayload {
    }

    record PlayerMoved(String playerId, String name, Side from, Side side) implements EventPayload {
    }

    /** The envelope's turn and phase follow this event; deadline is absent when no clock runs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhaseChanged(Phase phase, int turn, Instant deadline, boolean paused, Long remainingSeconds, String reason)
            implements EventPayload {

        /** Opens a new turn (drafts, orders, proposals and ratings start afresh). */
        public boolean opensTurn(int currentTurn) {
            return phase == Phase.BRIEFING && turn != currentTurn;
        }

        public PhaseChanged clockStopped() {
            return new PhaseChanged(phase, turn, null, false, null, reason);
        }
    }

    /** PAUSE, RESUME or EXTEND; remainingMillis is set while paused. */
    record ClockChanged(String action, Instant deadline, boolean paused, Long remainingSeconds, Long remainingMillis)
            implements EventPayload {

        public ClockChanged clockStopped() {
            return new ClockChanged(action, null, false, null, null);
        }
    }

    /**
     * The whole state, for the facilitator (and the log), with the effects that made it. As logged and
     * sent, {@code state} is absent when {@code changes} holds it as the changes from the previous
     * STATE_FULL's state (a JSON merge patch, exact: the projection reads the engine's next input from
     * it), and {@code effects} is absent when they are those of the last ADJUDICATION_DRAFTED (the
     * results of an approved draft). See {@link #whole}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StateFull(GameState state, JsonNode changes, List<Effect> effects, String reason) implements EventPayload {

        public StateFull(GameState state, List<Effect> effects, String reason) {
            this(state, null, effects, reason);
        }

        /**
         * This state with what it leaves out taken from the previous whole state and the last whole draft
         * (null: unknown): no state nor changes, the draft's state after; no effects, the draft's.
         */
        public StateFull whole(GameState previous, Outcome drafted) {
            return whole(previous, drafted, null);
        }

        /** {@link #whole(GameState, Outcome)} with its changes already applied to {@code previous} ({@code applied}; null: apply them here). */
        public StateFull whole(GameState previous, Outcome drafted, GameState applied) {
            GameState wholeState = state != null ? state
                    : changes != null ? previous == null ? null : applied != null ? applied : StateChanges.applied(previous, changes)
                    : drafted == null ? null : drafted.after();
            List<Effect> wholeEffects = effects != null || drafted == null ? effects : drafted.effects();
            return wholeState == state && wholeEffects == effects ? this : new StateFull(wholeState, null, wholeEffects, reason);
        }

        /**
         * This whole state as the changes from the previous one; with neither when it is the last draft's
         * state after, and its effects left out when they are the draft's (the results of an approved draft).
         */
        public StateFull since(GameState previous, Outcome drafted) {
            boolean draftsEffects = drafted != null && !effects.isEmpty() && effects.equals(drafted.effects());
            boolean draftsState = previous != null && drafted != null && state.equals(drafted.after());
            if (previous == null && !draftsEffects) {
                return this;
            }
            return new StateFull(previous == null ? state : null, previous == null || draftsState ? null : StateChanges.between(previous, state),
                    draftsEffects ? null : effects, reason);
        }

        @JsonIgnore
        public boolean isWhole() {
            return state != null && effects != null;
        }
    }

    /**
     * The public picture. As logged and sent, {@code issues} and {@code agreements} are absent (null)
     * when unchanged since the previous public view (see {@link #whole}); tension and conflict are always there.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatePublic(double tension, List<PublicIssue> issues, List<Agreement> agreements, boolean conflict)
            implements EventPayload {

        /** This view with what it leaves out taken from the previous whole one ({@code null}: it is whole). */
        public StatePublic whole(StatePublic previous) {
            return previous == null ? this : new StatePublic(tension, issues != null ? issues : previous.issues,
                    agreements != null ? agreements : previous.agreements, conflict);
        }

        /** This whole view as a change from the previous whole one: the parts that are equal left out. */
        public StatePublic since(StatePublic previous) {
            return previous == null ? this : new StatePublic(tension, issues.equals(previous.issues) ? null : issues,
                    agreements.equals(previous.agreements) ? null : agreements, conflict);
        }

        public boolean isWhole() {
            return issues != null && agreements != null;
        }
    }

    record PublicIssue(String id, IssueStatus status) {
    }

    /**
     * One team's own variables and the moves withheld from it now. As logged and sent, {@code own} and
     * {@code withheld} are absent (null) when unchanged since the team's previous view (see {@link #whole}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StateSide(Side side, SideView own,
                     @JsonSerialize(using = WithheldMoves.Writer.class) @JsonDeserialize(using = WithheldMoves.Reader.class)
                     List<MoveOption> withheld) implements EventPayload {

        /** This view with what it leaves out taken from the previous whole one ({@code null}: it is whole). */
        public StateSide whole(StateSide previous) {
            return previous == null ? this : new StateSide(side, own != null ? own : previous.own,
                    withheld != null ? withheld : previous.withheld);
        }

        /** This whole view as a change from the previous whole one: the parts that are equal left out. */
        public StateSide since(StateSide previous) {
            return previous == null ? this : new StateSide(side, own.equals(previous.own) ? null : own,
                    withheld.equals(previous.withheld) ? null : withheld);
        }

        public boolean isWhole() {
            return own != null && withheld != null;
        }
    }

    /** A side's own variables; burden and cohesion belong to the stronger side, resolve and strain to the weaker. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SideView(double trust, double threatPerception, double domesticSupport, boolean champion, Double burden,
                    Double allianceCohesion, Double perceivedResolve, Double strain) {
    }

    record TeamChat(Side side, String playerId, String name, String text) implements EventPayload {
    }

    record DiplomaticChat(Side side, String playerId, String name, String text) implements EventPayload {
    }

    /**
     * One line of the team's shared draft changed: {@code line} is that line as it now stands (absent
     * when it was removed). Logs written before lines were sent alone carry the whole draft instead
     * ({@code draft}); new events leave it out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DraftChanged(Side side, String playerId, String name, DraftChange change, DraftEntry line,
                        Map<String, DraftEntry> draft) implements EventPayload {
    }

    /** move is null when the line was removed; previous is null when it is new. */
    record DraftChange(String issueId, Move move, Move previous) {
    }

    /** One line of a team's shared draft, with who wrote it last. */
    record DraftEntry(String issueId, Move move, boolean redLine, String argument, String by) {
    }

    record OrdersSubmitted(Side side, String playerId, String name, Orders orders) implements EventPayload {
    }

    /** Everyone learns that a team has sealed, not what. */
    record OrdersSealed(Side side) implements EventPayload {
    }

    record OrdersDefaulted(Side side, String reason) implements EventPayload {
    }

    /** A team withdrew its sealed orders (who did it is on the roster; the orders stay secret). */
    record OrdersUnsealed(Side side, String playerId, String name) implements EventPayload {
    }

    record ProposalMade(String proposalId, Side from, Map<String, Move> offered, Map<String, Move> requested, String text,
                        String counterTo, String name) implements EventPayload {
    }

    /** answer: ACCEPTED, REJECTED or COUNTERED. */
    record ProposalAnswered(String proposalId, String answer, Side by, String name) implements EventPayload {
    }

    record ArgumentRated(Side side, String issueId, int rating) implements EventPayload {
    }

    /**
     * The engine's outcome with its full narrative and the public account the facilitator may edit. As
     * logged and sent, the outcome's {@code before} is absent when it is the previous STATE_FULL's state,
     * and then its {@code after} is absent too, given as {@code changes} from {@code before} (a JSON merge
     * patch, exact: an approval makes it the engine's next input). See {@link #whole}. The dice and
     * scores are written to four decimals ({@link #written}), the moves as read only when misread, and
     * a run of dice for one purpose at the same odds as one entry ({@link DraftOutcome}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdjudicationDrafted(@JsonSerialize(using = DraftOutcome.Writer.class) @JsonDeserialize(using = DraftOutcome.Reader.class) Outcome outcome,
                               JsonNode changes, Narrative narrative, Narrative publicNarrative, TurnInput input)
            implements EventPayload {

        public AdjudicationDrafted(Outcome outcome, Narrative narrative, Narrative publicNarrative, TurnInput input) {
            this(written(outcome), null, narrative, publicNarrative, input);
        }

        /** This draft with its states before and after, the state before being the previous whole one (null: unknown). */
        public AdjudicationDrafted whole(GameState previous) {
            return whole(previous, null);
        }

        /** {@link #whole(GameState)} with its changes already applied to {@code previous} ({@code applied}; null: apply them here). */
        public AdjudicationDrafted whole(GameState previous, GameState applied) {
            if (isWhole() || previous == null) {
                return this;
            }
            Outcome o = outcome;
            GameState after = applied != null ? applied : StateChanges.applied(previous, changes);
            return new AdjudicationDrafted(new Outcome(o.turn(), previous, after, o.issues(), o.effects(),
                    o.rolls(), o.scores()), null, narrative, publicNarrative, input);
        }

        /** This whole draft with its state before left out, when that is the previous whole state, and its state after as changes. */
        public AdjudicationDrafted since(GameState previous) {
            Outcome o = outcome;
            if (previous == null || !o.before().equals(previous)) {
                return this;
            }
            return new AdjudicationDrafted(new Outcome(o.turn(), null, null, o.issues(), o.effects(), o.rolls(), o.scores()),
                    StateChanges.between(previous, o.after()), narrative, publicNarrative, input);
        }

        @JsonIgnore
        public boolean isWhole() {
            return outcome.before() != null;
        }

        /**
         * The outcome as drafts are written: the odds and draws of its dice and its scores to four
         * decimals (the facilitator reads them as percentages and figures; nothing takes them as input).
         */
        public static Outcome written(Outcome outcome) {
            List<Roll> rolls = outcome.rolls().stream().map(r -> new Roll(r.purpose(), r.issueId(), fourPlaces(r.odds()),
                    fourPlaces(r.draw()), r.success(), r.findings())).toList();
            Map<Side, Scores.SideScore> sides = new java.util.EnumMap<>(Side.class);
            outcome.scores().sides().forEach((side, score) -> sides.put(side, new Scores.SideScore(fourPlaces(score.interests()),
                    fourPlaces(score.security()), fourPlaces(score.costs()))));
            return new Outcome(outcome.turn(), outcome.before(), outcome.after(), outcome.issues(), outcome.effects(), rolls,
                    new Scores(sides, fourPlaces(outcome.scores().stability())));
        }

        private static double fourPlaces(double value) {
            return Math.round(value * 10_000) / 10_000.0;
        }
    }

    /** decision: APPROVE, EDIT or OVERRIDE. */
    record AdjudicationDecided(String decision, String rationale, String summary, Map<String, String> byIssue,
                               List<Inject.Change> changes) implements EventPayload {
    }

    /** decidedBy: ENGINE or FACILITATOR. */
    record ResultsPublished(int turn, Map<Side, Map<String, Order>> orders, List<IssueResult> issues, String summary,
                            Map<String, String> byIssue, List<Agreement> agreements, double tension, String decidedBy)
            implements EventPayload {
    }

    record IssueResult(String issueId, Move washingtonMove, Move moscowMove, IssueStatus before, IssueStatus after) {
    }

    record ExerciseEnded(String reason, Scores scores, double tension) implements EventPayload {
    }

    record InjectReleased(String injectId, String title, String text, boolean adHoc) implements EventPayload {
    }

    /** tag: NOTE, MOMENT or QUOTE. */
    record NoteAdded(String tag, String text, String decision, String name, Role role) implements EventPayload {
    }
}
