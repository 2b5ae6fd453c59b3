package org.hotline.bots.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.scenario.Move;

/**
 * A strategy's parameters as written in exercises/strategies.yaml (lists joined by commas, nested keys
 * joined by dots). A missing or malformed value is refused with the strategy and key named.
 */
final class Parameters {

    private final String strategyId;
    private final Map<String, String> values;

    Parameters(String strategyId, Map<String, String> values) {
        this.strategyId = strategyId;
        this.values = values;
    }

    Move move(String key) {
        String text = text(key);
        try {
            return Move.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused(key, "a move (" + Arrays.toString(Move.values()) + ")", text);
        }
    }

    List<Move> moves(String key) {
        return list(key).stream().map(name -> {
            try {
                return Move.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw refused(key, "a list of moves", name);
            }
        }).toList();
    }

    int count(String key, int min, int max) {
        String text = text(key);
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused(key, "a whole number from " + min + " to " + max, text);
    }

    double share(String key) {
        String text = text(key);
        try {
            double value = Double.parseDouble(text.strip());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused(key, "a number from 0 to 1", text);
    }

    boolean flag(String key) {
        String text = text(key).strip();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw refused(key, "true or false", text);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The issue ids this strategy counts as core in a scenario, if the file names them. */
    List<String> coreIssues(String scenarioId) {
        String key = "coreIssues." + scenarioId;
        return values.containsKey(key) ? list(key) : null;
    }

    private List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String text(String key) {
        String text = values.get(key);
        if (text == null) {
            throw new IllegalArgumentException("strategies.yaml: strategy '" + strategyId + "' needs the parameter '" + key + "'");
        }
        return text;
    }

    private IllegalArgumentException refused(String key, String expected, String found) {
        return new IllegalArgumentException("strategies.yaml: strategy '" + strategyId + "', parameter '" + key + "' must be "
                + expected + ", not '" + found + "'");
    }
}
