package org.hotline.scenario.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.scenario.Finding;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioProblem;

/** An immutable catalogue: the scenarios that loaded, the findings, and why the others were refused. */
public record ScenarioLibrary(List<Scenario> scenarios, Map<String, Finding> findings, List<ScenarioProblem> problems,
        String defaultId) implements ScenarioCatalog {

    @Override
    public Optional<Scenario> find(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public Scenario defaultScenario() {
        return find(defaultId).or(() -> scenarios.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("No scenario loaded. Problems: " + problems));
    }
}
