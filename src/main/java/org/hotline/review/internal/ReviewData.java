package org.hotline.review.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.hotline.engine.Agreement;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.Narrative;
import org.hotline.engine.Order;
import org.hotline.engine.Outcome;
import org.hotline.engine.Proposal;
import org.hotline.engine.Roll;
import org.hotline.engine.Scores;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.TurnInputs;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Issue;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * What a review shows, read from the complete log in one pass: the decision log per turn, the
 * agreement ledger, transcripts, notes, the players' moves beside history, and the states the
 * re-adjudication confirmed.
 */
final class ReviewData {

    record Participant(String name, String role, Side side) {
    }

    record IssueDecision(String issueId, String issue, Order washington, Order moscow, Move washingtonAsReadByMoscow,
                         Move moscowAsReadByWashington, IssueStatus before, IssueStatus after, List<String> findings,
                         List<Roll> rolls, List<Effect> effects, String engineText, String decidedText) {
    }

    record FacilitatorDecision(long seq, String decision, String rationale, String summary, Map<String, String> byIssue,
                               List<Inject.Change> changes) {
    }

    /** One turn's decisions: orders, how they were read, the deals accepted, the engine's version and the facilitator's. */
    @JsonPropertyOrder({"turn", "defaulted", "ratings", "issues", "otherRolls", "otherEffects", "engineSummary", "facilitator",
            "decidedBy", "finalEffects", "scores", "deals"})
    record TurnDecisions(int turn, List<Side> defaulted, Map<Side, Map<String, Integer>> ratings, List<IssueDecision> issues,
                         List<Roll> otherRolls, List<Effect> otherEffects, String engineSummary, FacilitatorDecision facilitator,
                         String decidedBy, @JsonIgnore List<Effect> finalEffects, Scores scores, List<Proposal> deals,
                         @JsonIgnore boolean engineStood) {

        /** The effects that stood, written only when they are not the engine's (an edit or an override). */
        @JsonProperty("finalEffects")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<Effect> writtenFinalEffects() {
            return engineStood ? null : finalEffects;
        }
    }

    record LedgerEntry(String issueId, String issue, int concludedTurn, double balance, boolean institutional, boolean inForce,
                       Integer lapsedTurn) {
    }

    record Line(long seq, int turn, String kind, Side side, String name, String text, Map<String, Object> detail) {
    }

    record HistoryMove(String issueId, String issue, Side side, Move played, Move historical, boolean diverged) {
    }

    record HistoryTurn(int turn, String period, String events, String rationale, boolean played, List<HistoryMove> moves,
                       int divergences) {
    }

    record TurnPoint(int turn, GameState state, Scores scores) {
    }

    record ReplayCheck(boolean consistent, int statesChecked, int outcomesChecked, List<Replay.Mismatch> mismatches) {
    }

    final ExerciseSummary exercise;
    final Scenario scenario;
    /** The log with every view whole (what the review reads). */
    final List<ExerciseEvent> log;
    /** The same log as it is stored, its views as changes from the previous one on their channel (the review's timeline). */
    final List<ExerciseEvent> logged;
    final Replay.Result replay;
    /**
     * The review's answer as written JSON, per audience (staff or players): a function of this data,
     * so it holds as long as the data does (ReviewCache: the exercise's last seq and its scenario).
     */
    final Map<Boolean, ReviewApi.Written> written = new java.util.concurrent.ConcurrentHashMap<>();
    private final Function<Outcome, Narrative> narration;
    /**
     * The engine's accounts of the drafts logged without one (automatic turns), by the draft's seq: the
     * log only grows, so a review read again after new events takes them from the one before.
     */
    final Map<Long, Narrative> narrated;
    final List<Participant> participants = new ArrayList<>();
    final List<TurnDecisions> decisions = new ArrayList<>();
    final List<Line> teamChat = new ArrayList<>();
    final List<Line> diplomacy = new ArrayList<>();
    final List<Line> notes = new ArrayList<>();
    final List<Line> injects = new ArrayList<>();
    Instant started;
    Instant ended;
    String endReason;

    /**
     * {@code narration}: the engine's account of an outcome, for drafts logged without it (automatic
     * turns); {@code narrated}: those already told, by the draft's seq, of this exercise and scenario.
     */
    ReviewData(ExerciseSummary exercise, Scenario scenario, List<ExerciseEvent> log, List<ExerciseEvent> logged, Replay.Result replay,
               Function<Outcome, Narrative> narration, Map<Long, Narrative> narrated) {
        this.narrated = new java.util.concurrent.ConcurrentHashMap<>(narrated);
        this.exercise = exercise;
        this.scenario = scenario;
        this.log = log;
        this.logged = logged;
        this.replay = replay;
        this.narration = narration;
        new Reader().read();
    }

    List<TurnPoint> turns() {
        return replay.turns().stream().map(t -> new TurnPoint(t.turn(), t.state(), t.scores())).toList();
    }

    ReplayCheck check() {
        return new ReplayCheck(replay.consistent(), replay.statesChecked(), replay.outcomesChecked(), replay.mismatches());
    }

    GameState finalState() {
        List<Replay.TurnState> turns = replay.turns();
        return turns.isEmpty() ? null : turns.get(turns.size() - 1).state();
    }

    GameState initialState() {
        return replay.turns().isEmpty() ? null : replay.turns().get(0).state();
    }

    List<LedgerEntry> ledger() {
        GameState last = finalState();
        if (last == null) {
            return List.of();
        }
        return last.agreements().stream().map(this::entry).toList();
    }

    private LedgerEntry entry(Agreement a) {
        return new LedgerEntry(a.issueId(), issueName(a.issueId()), a.concludedTurn(), a.balance(), a.institutional(), a.inForce(),
                a.inForce() ? null : a.lapsedTurn());
    }

    /** The players' moves beside the historical track, turn by turn; empty where the scenario has none. */
    List<HistoryTurn> history() {
        if (scenario.track().isEmpty()) {
            return List.of();
        }
        Map<Integer, TurnDecisions> played = new LinkedHashMap<>();
        decisions.forEach(d -> played.put(d.turn(), d));
        List<HistoryTurn> turns = new ArrayList<>();
        for (HistoricalTrack.TrackTurn track : scenario.track().get().turns()) {
            TurnDecisions decided = played.get(track.turn());
            List<HistoryMove> moves = new ArrayList<>();
            int divergences = 0;
            for (Issue issue : scenario.issues()) {
                for (Side side : Side.values()) {
                    Move historical = track.moves(side).getOrDefault(issue.id(), Move.HOLD);
                    Move move = decided == null ? null : decided.issues().stream().filter(i -> i.issueId().equals(issue.id()))
                            .map(i -> (side == Side.WASHINGTON ? i.washington() : i.moscow()).move()).findFirst().orElse(Move.HOLD);
                    boolean diverged = move != null && move != historical;
                    divergences += diverged ? 1 : 0;
                    moves.add(new HistoryMove(issue.id(), issue.name(), side, move, historical, diverged));
                }
            }
            turns.add(new HistoryTurn(track.turn(), track.period(), track.events(), track.rationale(), decided != null, moves, divergences));
        }
        return turns;
    }

    String issueName(String issueId) {
        return scenario.issue(issueId).map(Issue::name).orElse(issueId);
    }

    String label(Side side) {
        return scenario.label(side);
    }

    /** One pass over the log, collecting each turn's pieces as they come. */
    private final class Reader {
        final TurnInputs inputs = new TurnInputs();
        Outcome outcome;
        long draftSeq;
        Narrative narrative;
        FacilitatorDecision decision;
        String decidedBy;
        boolean awaitingResultsState;

        void read() {
            for (ExerciseEvent e : log) {
                if (inputs.read(e)) {
                    outcome = null;
                    narrative = null;
                    decision = null;
                }
                take(e, e.payload());
            }
        }

        private void take(ExerciseEvent e, EventPayload p) {
            if (p instanceof EventPayload.ExerciseCreated) {
                started = e.time();
            } else if (p instanceof EventPayload.PlayerJoined joined) {
                participants.add(new Participant(joined.name(), joined.role().name(), joined.side()));
            } else if (p instanceof EventPayload.AdjudicationDrafted drafted) {
                outcome = drafted.outcome();
                draftSeq = e.seq();
                narrative = drafted.narrative();
            } else if (p instanceof EventPayload.AdjudicationDecided decided) {
                decision = new FacilitatorDecision(e.seq(), decided.decision(), decided.rationale(), decided.summary(),
                        decided.byIssue(), decided.changes());
            } else if (p instanceof EventPayload.ResultsPublished results) {
                decidedBy = results.decidedBy();
                awaitingResultsState = true;
            } else if (p instanceof EventPayload.StateFull full) {
                if (awaitingResultsState && outcome != null) {
                    decisions.add(turnDecisions(full.effects()));
                }
                awaitingResultsState = false;
            } else if (p instanceof EventPayload.TeamChat chat) {
                teamChat.add(new Line(e.seq(), e.turn(), "CHAT_TEAM", chat.side(), chat.name(), chat.text(), Map.of()));
            } else if (p instanceof EventPayload.DiplomaticChat chat) {
                diplomacy.add(new Line(e.seq(), e.turn(), "CHAT_DIPLOMACY", chat.side(), chat.name(), chat.text(), Map.of()));
            } else if (p instanceof EventPayload.ProposalMade made) {
                diplomacy.add(new Line(e.seq(), e.turn(), "PROPOSAL", made.from(), made.name(), made.text(), detail(
                        "proposalId", made.proposalId(), "offered", made.offered(), "requested", made.requested(),
                        "counterTo", made.counterTo())));
            } else if (p instanceof EventPayload.ProposalAnswered answered) {
                diplomacy.add(new Line(e.seq(), e.turn(), "ANSWER", answered.by(), answered.name(), answered.answer(),
                        detail("proposalId", answered.proposalId(), "answer", answered.answer())));
            } else if (p instanceof EventPayload.NoteAdded note) {
                notes.add(new Line(e.seq(), e.turn(), note.tag(), null, note.name(), note.text(),
                        detail("decision", note.decision(), "role", note.role())));
            } else if (p instanceof EventPayload.InjectReleased inject) {
                injects.add(new Line(e.seq(), e.turn(), "INJECT", null, e.actor(), inject.title() + ": " + inject.text(),
                        detail("injectId", inject.injectId(), "adHoc", inject.adHoc())));
            } else if (p instanceof EventPayload.ExerciseEnded end) {
                ended = e.time();
                endReason = end.reason();
            }
            // Drafts, clock, team and public views: on the timeline only.
        }

        private TurnDecisions turnDecisions(List<Effect> finalEffects) {
            Outcome told = outcome;
            Narrative narrative = this.narrative != null ? this.narrative : narrated.computeIfAbsent(draftSeq, seq -> narration.apply(told));
            List<IssueDecision> issues = new ArrayList<>();
            for (IssueOutcome io : outcome.issues()) {
                String id = io.issueId();
                issues.add(new IssueDecision(id, issueName(id), inputs.order(Side.WASHINGTON, id), inputs.order(Side.MOSCOW, id),
                        io.washingtonMoveAsReadByMoscow(), io.moscowMoveAsReadByWashington(), io.before(), io.after(), io.findings(),
                        outcome.rolls().stream().filter(r -> id.equals(r.issueId())).toList(),
                        outcome.effects().stream().filter(x -> id.equals(x.issueId())).toList(),
                        narrative.byIssue().get(id),
                        decision == null || decision.byIssue() == null ? null : decision.byIssue().get(id)));
            }
            List<String> ids = outcome.issues().stream().map(IssueOutcome::issueId).toList();
            return new TurnDecisions(inputs.turn(), inputs.defaulted(), inputs.ratings(), issues,
                    outcome.rolls().stream().filter(r -> r.issueId() == null || !ids.contains(r.issueId())).toList(),
                    outcome.effects().stream().filter(x -> x.issueId() == null).toList(),
                    narrative.summary(), decision, decidedBy, finalEffects, outcome.scores(),
                    inputs.input().accepted(), finalEffects.equals(outcome.effects()));
        }

        /** The named values that are set, in order. */
        private Map<String, Object> detail(Object... pairs) {
            Map<String, Object> detail = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i + 1] != null) {
                    detail.put((String) pairs[i], pairs[i + 1]);
                }
            }
            return detail;
        }
    }
}
