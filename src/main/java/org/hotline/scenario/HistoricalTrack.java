package org.hotline.scenario;

import java.util.List;
import java.util.Map;

/**
 * The moves the real actors made, turn by turn (docs/design.md section 7). Issues not named in a turn's
 * moves are played as HOLD. The mapping from events to moves is interpretation; each turn says why.
 *
 * @param source where the events come from (the brief's case section and the standard histories)
 */
public record HistoricalTrack(List<TrackTurn> turns, String source) {

    /**
     * @param injects   ids of the scenario's injects that history brought in this turn (scheduled ones
     *                  fire by themselves; held ones must be released by whoever replays the track)
     * @param proposals linkage offers history made and accepted this turn (offer X on one issue for Y on another)
     */
    public record TrackTurn(
            int turn,
            String period,
            String events,
            Map<Side, Map<String, Move>> moves,
            List<TrackProposal> proposals,
            List<String> injects,
            String rationale) {

        /** The moves a side made this turn, keyed by issue id (absent issues: HOLD). */
        public Map<String, Move> moves(Side side) {
            return moves.getOrDefault(side, Map.of());
        }
    }

    /** A linkage offer from one side, accepted by the other: moves offered for moves requested. */
    public record TrackProposal(Side from, Map<String, Move> offered, Map<String, Move> requested) {
    }
}
