package org.hotline.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/** Keeps the track tables of docs/scenarios.md true to the case files (moves and injects, turn by turn). */
class ScenarioDocsTest {

    @Test
    void theDocumentedTracksMatchTheScenarioFiles() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/scenarios.md"));
        for (Scenario scenario : ScenarioFiles.loadBundled().scenarios()) {
            if (scenario.track().isEmpty()) {
                continue;
            }
            List<String> expected = scenario.track().get().turns().stream().map(ScenarioDocsTest::row).toList();
            assertThat(documentedRows(lines, "### " + scenario.caseStudy().orElseThrow() + " "))
                    .as("docs/scenarios.md, track table of %s (turn | washington | moscow | injects)", scenario.id())
                    .isEqualTo(expected);
        }
    }

    private static String row(HistoricalTrack.TrackTurn turn) {
        return turn.turn() + " | " + moves(turn.moves(Side.WASHINGTON)) + " | " + moves(turn.moves(Side.MOSCOW)) + " | "
                + (turn.injects().isEmpty() ? "—" : String.join(", ", turn.injects()));
    }

    private static String moves(Map<String, Move> moves) {
        return moves.isEmpty() ? "—" : moves.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The table rows under the heading: turn, washington, moscow and injects columns (period and why left out). */
    private static List<String> documentedRows(List<String> lines, String headingStart) {
        List<String> rows = new ArrayList<>();
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith(headingStart)) {
            at++;
        }
        for (at++; at < lines.size() && !lines.get(at).startsWith("#"); at++) {
            String[] cells = lines.get(at).split("\\|");
            if (cells.length > 6 && cells[1].strip().matches("\\d+")) {
                rows.add(cells[1].strip() + " | " + cells[3].strip() + " | " + cells[4].strip() + " | " + cells[5].strip());
            }
        }
        return rows;
    }
}
