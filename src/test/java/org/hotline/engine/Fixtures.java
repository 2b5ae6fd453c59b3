package org.hotline.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.scenario.Context;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Issue;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Rulebook;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.hotline.scenario.SideSetup;

/**
 * Scenarios built in Java for the engine's tests: a future Washington-Moscow scenario shaped like the
 * one in exercises/ but calmer (tension 45), with the real rulebook, and withers to vary one thing at a
 * time.
 */
final class Fixtures {

    static final String UKRAINE = "ukraine";
    static final String EUROPE = "europe";
    static final String MISSILE = "missile-defence";
    static final String NEW_START = "new-start";
    static final String SANCTIONS = "sanctions";
    static final String IRAN = "iran";
    static final String ARCTIC = "arctic";
    static final String CYBER = "cyber";

    private Fixtures() {
    }

    /** The effective rulebook of the bundled future scenario, as the scenario loader reads it. */
    static Rulebook rulebook() {
        return ScenarioFiles.bundled(ScenarioFiles.DEFAULT_SCENARIO).rulebook();
    }

    static Rulebook rulebook(Map<String, Double> overrides) {
        Map<String, Rulebook.Entry> entries = new LinkedHashMap<>(rulebook().entries());
        overrides.forEach((key, value) -> {
            Rulebook.Entry e = entries.get(key);
            if (e == null) {
                throw new IllegalArgumentException("no rulebook entry " + key);
            }
            entries.put(key, new Rulebook.Entry(key, value, e.min(), e.max(), e.description(), e.findings()));
        });
        return new Rulebook(rulebook().version() + "+test", entries);
    }

    static Issue issue(String id, boolean coreForMoscow, boolean shared, double salienceW, double salienceM, boolean institutional) {
        Map<Side, Double> salience = new EnumMap<>(Side.class);
        salience.put(Side.WASHINGTON, salienceW);
        salience.put(Side.MOSCOW, salienceM);
        return new Issue(id, id, "", coreForMoscow ? EnumSet.of(Side.MOSCOW) : EnumSet.noneOf(Side.class), shared,
                salience, IssueStatus.CONTESTED, 50, institutional);
    }

    static List<Issue> futureIssues() {
        return List.of(
                issue(UKRAINE, true, false, 0.7, 1.0, false),
                issue(EUROPE, true, false, 0.8, 0.9, false),
                issue(MISSILE, true, false, 0.6, 0.8, false),
                issue(NEW_START, false, true, 0.8, 0.8, true),
                issue(SANCTIONS, false, false, 0.5, 0.8, false),
                issue(IRAN, false, true, 0.6, 0.5, false),
                issue(ARCTIC, false, true, 0.4, 0.5, false),
                issue(CYBER, false, false, 0.5, 0.4, false));
    }

    static Map<Side, SideSetup> sides(double trust, double support) {
        Map<Side, SideSetup> sides = new EnumMap<>(Side.class);
        sides.put(Side.WASHINGTON, new SideSetup("Washington", "", trust, 35, support, false, 50, 0, 55, 70));
        sides.put(Side.MOSCOW, new SideSetup("Moscow", "", trust, 65, support, false, 50, 60, 0, 0));
        return sides;
    }

    static Context futureContext() {
        return new Context(75, 60, 3, 65, 25);
    }

    static Scenario future() {
        return scenario(futureContext(), sides(25, 55), 45, List.of(), rulebook());
    }

    static Scenario scenario(Context context, Map<Side, SideSetup> sides, double tension, List<Inject> injects, Rulebook rules) {
        return new Scenario("future-test", "Future (test fixture)", "", "", Optional.empty(), 10, "six months", 0, sides,
                tension, context, futureIssues(), injects, EnumSet.allOf(Move.class), Optional.empty(), rules, "Fixtures.java");
    }

    static Scenario withContext(Context context) {
        return scenario(context, sides(25, 55), 45, List.of(), rulebook());
    }

    static Scenario withRules(Map<String, Double> overrides) {
        return scenario(futureContext(), sides(25, 55), 45, List.of(), rulebook(overrides));
    }

    static Scenario withInjects(List<Inject> injects) {
        return scenario(futureContext(), sides(25, 55), 45, injects, rulebook());
    }

    static Scenario withSides(Map<Side, SideSetup> sides, double tension) {
        return scenario(futureContext(), sides, tension, List.of(), rulebook());
    }

    /** Orders giving one move on the named issues and HOLD elsewhere. */
    static Orders orders(Side side, Move move, String... issues) {
        Map<String, Order> byIssue = new LinkedHashMap<>();
        for (String issue : issues) {
            byIssue.put(issue, new Order(issue, move, false, ""));
        }
        return new Orders(side, byIssue);
    }

    static Orders everywhere(Side side, Move move) {
        return orders(side, move, futureIssues().stream().map(Issue::id).toArray(String[]::new));
    }

    static Orders merge(Orders... parts) {
        Map<String, Order> byIssue = new LinkedHashMap<>();
        for (Orders part : parts) {
            byIssue.putAll(part.byIssue());
        }
        return new Orders(parts[0].side(), byIssue);
    }

    static TurnInput input(Orders washington, Orders moscow) {
        return new TurnInput(washington, moscow, List.of(), Map.of());
    }

    static Set<String> ids(List<Effect> effects) {
        Set<String> variables = new java.util.LinkedHashSet<>();
        effects.forEach(e -> variables.add(e.variable()));
        return variables;
    }
}
