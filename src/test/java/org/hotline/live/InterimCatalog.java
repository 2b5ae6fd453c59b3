package org.hotline.live;

import java.io.File;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.scenario.Context;
import org.hotline.scenario.Finding;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Issue;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Rulebook;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioProblem;
import org.hotline.scenario.Side;
import org.hotline.scenario.SideSetup;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Until the scenario module's catalogue is on main: one scenario with the real rulebook file. */
@TestConfiguration
public class InterimCatalog {

    @Bean
    ScenarioCatalog scenarioCatalog() {
        Scenario scenario = scenario();
        return new ScenarioCatalog() {
            public List<Scenario> scenarios() {
                return List.of(scenario);
            }

            public Optional<Scenario> find(String id) {
                return scenario.id().equals(id) ? Optional.of(scenario) : Optional.empty();
            }

            public Scenario defaultScenario() {
                return scenario;
            }

            public Map<String, Finding> findings() {
                return Map.of();
            }

            public List<ScenarioProblem> problems() {
                return List.of();
            }
        };
    }

    static Scenario scenario() {
        JsonNode root = new YAMLMapper().readTree(new File("exercises/rulebook.yaml"));
        Map<String, Rulebook.Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("entries").properties()) {
            JsonNode v = e.getValue();
            List<String> findings = new ArrayList<>();
            v.get("findings").forEach(f -> findings.add(f.asString()));
            entries.put(e.getKey(), new Rulebook.Entry(e.getKey(), v.get("value").asDouble(), v.get("min").asDouble(),
                    v.get("max").asDouble(), v.get("description").asString(), findings));
        }
        Map<Side, SideSetup> sides = new EnumMap<>(Side.class);
        sides.put(Side.WASHINGTON, new SideSetup("Washington", "", 25, 35, 55, false, 50, 0, 55, 70));
        sides.put(Side.MOSCOW, new SideSetup("Moscow", "", 25, 65, 55, false, 50, 60, 0, 0));
        List<Issue> issues = List.of(issue("ukraine", true, false), issue("new-start", false, true), issue("arctic", false, true));
        List<Inject> injects = List.of(new Inject("election", "Election", "A new leader", new Inject.OnRelease(),
                List.of(new Inject.Change("tension", 5.0, null)), Inject.Audience.ALL, List.of()));
        return new Scenario("future-after-ukraine", "Future (interim)", "summary", "", Optional.empty(), 8, "one year", 0,
                sides, 45, new Context(75, 60, 3, 65, 25), issues, injects, EnumSet.allOf(Move.class), Optional.empty(),
                new Rulebook(root.get("version").asString(), entries), "InterimCatalog.java");
    }

    private static Issue issue(String id, boolean core, boolean shared) {
        Map<Side, Double> salience = new EnumMap<>(Side.class);
        salience.put(Side.WASHINGTON, 0.7);
        salience.put(Side.MOSCOW, 0.9);
        return new Issue(id, id, "", core ? EnumSet.of(Side.MOSCOW) : EnumSet.noneOf(Side.class), shared, salience,
                IssueStatus.CONTESTED, 50, false);
    }
}
