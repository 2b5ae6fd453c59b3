package org.hotline.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios this server can play: those the jar carries plus a configured folder of the user's
 * own. A broken file is refused whole and reported in {@link #problems()}; the others still load.
 */
public interface ScenarioCatalog {

    List<Scenario> scenarios();

    Optional<Scenario> find(String id);

    /** The scenario offered first: the future Washington-Moscow one. */
    Scenario defaultScenario();

    Map<String, Finding> findings();

    List<ScenarioProblem> problems();
}
