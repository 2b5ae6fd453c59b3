package org.hotline.exercise.internal;

import java.util.EnumMap;
import java.util.Map;
import org.hotline.engine.GameState;
import org.hotline.engine.Outcome;
import org.hotline.exercise.EventPayload.AdjudicationDrafted;
import org.hotline.exercise.EventPayload.StateFull;
import org.hotline.exercise.EventPayload.StatePublic;
import org.hotline.exercise.EventPayload.StateSide;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.scenario.Side;

/**
 * The last whole views of a log read in order. A view as logged leaves out the parts unchanged since
 * the previous view on its channel (a player would otherwise get the same withheld moves, with their
 * reasons, twice a turn; the facilitator the whole state three times a turn); this puts them back. The
 * facilitator's STATE_FULL and ADJUDICATION_DRAFTED take theirs from the last whole state and the last
 * whole draft (its effects and its state after). Logs written before that carry whole views, which simply replace the last ones.
 */
public final class ViewFold {

    private StatePublic publicView;
    private final Map<Side, StateSide> sideViews;
    private GameState state;
    private Outcome drafted;

    public ViewFold() {
        this(null, new EnumMap<>(Side.class), null, null);
    }

    private ViewFold(StatePublic publicView, Map<Side, StateSide> sideViews, GameState state, Outcome drafted) {
        this.publicView = publicView;
        this.sideViews = sideViews;
        this.state = state;
        this.drafted = drafted;
    }

    public ViewFold copy() {
        return new ViewFold(publicView, new EnumMap<>(sideViews), state, drafted);
    }

    /**
     * Takes the last state and draft from a projection restored from its snapshot, which holds them
     * but not this fold, when none has been read: the events after the snapshot are changes from them.
     */
    void resume(GameState game, Outcome draft) {
        if (state == null) {
            state = game;
        }
        if (drafted == null && draft != null && draft.after() != null) {
            drafted = draft;
        }
    }

    /** The last whole state (of a STATE_FULL), or null when none has been read. */
    GameState state() {
        return state;
    }

    /** The last whole draft's outcome read (its effects and state after), or null when none has been. */
    Outcome drafted() {
        return drafted;
    }

    /** The last whole public view, or null when none has been read. */
    StatePublic publicView() {
        return publicView;
    }

    /** The team's last whole view, or null when none has been read. */
    StateSide sideView(Side side) {
        return sideViews.get(side);
    }

    /** Whether the event is a view that leaves parts out and no earlier view has been read to take them from. */
    public boolean lacksEarlierView(ExerciseEvent event) {
        if (event.payload() instanceof StatePublic view) {
            return !view.isWhole() && publicView == null;
        }
        if (event.payload() instanceof StateFull full) {
            return full.state() == null && (full.changes() != null ? state == null : drafted == null)
                    || full.effects() == null && drafted == null;
        }
        if (event.payload() instanceof AdjudicationDrafted draft) {
            return !draft.isWhole() && state == null;
        }
        return event.payload() instanceof StateSide view && !view.isWhole() && !sideViews.containsKey(view.side());
    }

    /**
     * Reads the next event: a view is remembered and returned whole; any other event is returned as it
     * is. A view that leaves a part out with no earlier view to take it from (a log read from the
     * middle) is returned as it is, and its channel is forgotten until a whole view comes.
     */
    public ExerciseEvent read(ExerciseEvent event) {
        return read(event, null);
    }

    /**
     * {@link #read(ExerciseEvent)} of the facilitator's state or draft logged as changes when this server
     * has just made them: {@code applied} is the state those changes lead to, which it then need not rebuild.
     */
    ExerciseEvent read(ExerciseEvent event, GameState applied) {
        if (event.payload() instanceof StatePublic p) {
            publicView = p.isWhole() ? p : publicView == null ? null : p.whole(publicView);
            return publicView == null || publicView == p ? event : event.with(event.exerciseId(), publicView);
        }
        if (event.payload() instanceof StateSide p) {
            StateSide whole = p.isWhole() ? p : p.whole(sideViews.get(p.side()));
            if (!whole.isWhole()) {
                sideViews.remove(p.side());
                return event;
            }
            sideViews.put(p.side(), whole);
            return whole == p ? event : event.with(event.exerciseId(), whole);
        }
        if (event.payload() instanceof StateFull p) {
            StateFull whole = p.whole(state, drafted, applied);
            state = whole.state();
            return whole == p ? event : event.with(event.exerciseId(), whole);
        }
        if (event.payload() instanceof AdjudicationDrafted p) {
            AdjudicationDrafted whole = p.whole(state, applied);
            drafted = whole.isWhole() ? whole.outcome() : null;
            return whole == p ? event : event.with(event.exerciseId(), whole);
        }
        return event;
    }
}
