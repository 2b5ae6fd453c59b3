package org.hotline.scenario;

import java.util.List;
import java.util.Map;

/**
 * The moves the real actors made, turn by turn (DESIGN.md section 7). Issues not named in a turn's
 * moves are played as HOLD.
 */
public record HistoricalTrack(List<TrackTurn> turns, String source) {

    public record TrackTurn(
            int turn,
            String period,
            String events,
            Map<Side, Map<String, Move>> moves,
            List<String> injects,
            String rationale) {
    }
}
