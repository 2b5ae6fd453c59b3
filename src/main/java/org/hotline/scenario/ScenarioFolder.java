package org.hotline.scenario;

import java.util.List;

/**
 * Adding a scenario file while the server runs: checked with the server's own reader and rules, then
 * written to the scenarios folder and offered at once (the catalogue is reloaded).
 */
public interface ScenarioFolder {

    /** What a check found: the scenario read (null when refused), and every problem, by file name, line and field. */
    record Checked(Scenario scenario, List<ScenarioProblem> problems) {

        public boolean ok() {
            return scenario != null && problems.isEmpty();
        }
    }

    /** Reads the file as it would be loaded; nothing is stored. */
    Checked check(String fileName, String text);

    /** Checks the file and, without problems, stores it in the folder and offers it; with problems, stores nothing. */
    Checked add(String fileName, String text);
}
