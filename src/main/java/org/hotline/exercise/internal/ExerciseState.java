package org.hotline.exercise.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.engine.GameState;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Member;
import org.hotline.exercise.Mode;
import org.hotline.exercise.Phase;
import org.hotline.exercise.TurnInputs;
import org.hotline.scenario.Side;

/**
 * The projection of one exercise's log: what commands are checked against. It holds no chat or notes
 * (those stay in the log), so memory stays flat however long the exercise runs. Public fields keep
 * the snapshot a plain JSON copy of it.
 */
public class ExerciseState {

    public String id;
    public String scenarioId;
    public String title;
    public String owner;
    public Mode mode;
    public long seed;
    public Map<Phase, Integer> timers = new LinkedHashMap<>();
    public long created;

    public Phase phase = Phase.LOBBY;
    public int turn;
    /** Epoch millis of the running phase's deadline; null when none runs or the clock is paused. */
    public Long deadline;
    public boolean paused;
    public Long remainingMillis;
    public long lastSeq;

    public Map<String, Member> members = new LinkedHashMap<>();
    public GameState game;
    public Map<Side, Map<String, EventPayload.DraftEntry>> drafts = new LinkedHashMap<>();
    public Map<Side, Orders> sealed = new LinkedHashMap<>();
    public Map<String, TurnInputs.Proposed> proposals = new LinkedHashMap<>();
    public Map<Side, Map<String, Integer>> ratings = new LinkedHashMap<>();
    public Outcome draftOutcome;
    public String endReason;

    /** The exercise as lists show it. */
    public ExerciseSummary summary(int turns) {
        return new ExerciseSummary(id, scenarioId, title, owner, mode, phase, turn, turns,
                deadline == null || paused ? null : Instant.ofEpochMilli(deadline), paused,
                remainingMillis == null ? null : remainingMillis / 1000, Map.copyOf(timers), lastSeq, Instant.ofEpochMilli(created));
    }

    /** The fold of this turn's orders, proposals and ratings, written into the fields above. */
    public TurnInputs turnInputs() {
        return TurnInputs.over(turn, sealed, proposals, ratings);
    }
}
