package org.hotline.exercise.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.engine.GameState;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.exercise.Member;
import org.hotline.exercise.Mode;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Move;
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
    public Map<Side, Map<String, DraftEntry>> drafts = new LinkedHashMap<>();
    public Map<Side, Orders> sealed = new LinkedHashMap<>();
    public Map<String, OpenProposal> proposals = new LinkedHashMap<>();
    public Map<Side, Map<String, Integer>> ratings = new LinkedHashMap<>();
    public Outcome draftOutcome;
    public String endReason;

    /** One line of a team's shared draft, with who wrote it last. */
    public record DraftEntry(String issueId, Move move, boolean redLine, String argument, String by) {
    }

    public record OpenProposal(String id, Side from, Map<String, Move> offered, Map<String, Move> requested,
                               String text, String status, int turn) {

        OpenProposal withStatus(String newStatus) {
            return new OpenProposal(id, from, offered, requested, text, newStatus, turn);
        }
    }
}
