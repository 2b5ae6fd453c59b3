package org.hotline.bots.internal;

import java.util.Map;
import java.util.Set;
import org.hotline.bots.Strategy;
import org.hotline.bots.StrategySpec;
import org.hotline.scenario.Scenario;

/** Builds a strategy from its entry in exercises/strategies.yaml: {@code kind} names the rule it plays. */
public final class Playbooks {

    /** The rules a file entry can name as its kind (an entry's id is its kind unless it says otherwise). */
    public static final Set<String> KINDS = Set.of("always-hardline", "always-less-hardline", "tit-for-tat", "grit", "core-first",
            "limited", "historical", "random", "exploit-concessions");

    private Playbooks() {
    }

    public static Strategy create(StrategySpec spec, String kind, Scenario scenario) {
        Parameters p = new Parameters(spec.id(), spec.parameters());
        return switch (kind) {
            case "always-hardline" -> Split.alwaysHardline(spec, p, scenario);
            case "always-less-hardline" -> new AlwaysLessHardline(spec, p, scenario);
            case "tit-for-tat" -> new TitForTat(spec, p, scenario);
            case "grit" -> new Grit(spec, p, scenario);
            case "core-first" -> new CoreFirst(spec, p, scenario);
            case "limited" -> Split.limited(spec, p, scenario);
            case "historical" -> new Historical(spec, p, scenario);
            case "random" -> new RandomPlay(spec, p, scenario);
            case "exploit-concessions" -> new ConcessionExploiter(spec, p, scenario);
            default -> throw new IllegalArgumentException("strategies.yaml: strategy '" + spec.id() + "' has kind '" + kind
                    + "'; the kinds are " + String.join(", ", KINDS.stream().sorted().toList()));
        };
    }

    /** Flattens a parsed YAML map of parameters: nested keys joined by dots, lists by commas. */
    public static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (value instanceof Iterable<?> list) {
            StringBuilder joined = new StringBuilder();
            list.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item));
            into.put(prefix, joined.toString());
        } else {
            into.put(prefix, String.valueOf(value));
        }
    }
}
