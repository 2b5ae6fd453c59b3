package org.hotline.analysis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.scenario.Context;
import org.hotline.scenario.Rulebook;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.VariablePath;

/** A scenario with an analyst's rulebook and context changes applied, checked against their ranges; and content hashes. */
public final class ScenarioChanges {

    private ScenarioChanges() {
    }

    /** @throws IllegalArgumentException naming the entry or variable and its range */
    public static Scenario apply(Scenario s, Map<String, Double> rulebook, Map<String, Double> context) {
        Map<String, Rulebook.Entry> entries = new LinkedHashMap<>(s.rulebook().entries());
        for (Map.Entry<String, Double> change : new TreeMap<>(rulebook).entrySet()) {
            Rulebook.Entry entry = entries.get(change.getKey());
            if (entry == null) {
                throw new IllegalArgumentException("The rulebook has no entry '" + change.getKey() + "' (see exercises/rulebook.yaml)");
            }
            double value = finite(change.getValue(), "rulebook entry " + change.getKey());
            if (value < entry.min() || value > entry.max()) {
                throw new IllegalArgumentException("Rulebook entry " + change.getKey() + " must be between " + entry.min() + " and "
                        + entry.max() + ", not " + value);
            }
            entries.put(entry.key(), new Rulebook.Entry(entry.key(), value, entry.min(), entry.max(), entry.description(), entry.findings()));
        }
        Context c = s.context();
        double[] values = {c.chinaAlignment(), c.trendsAgainstWeaker(), c.powerRatio(), c.revisionism(), c.spoilerRisk()};
        String[] names = {"chinaAlignment", "trendsAgainstWeaker", "powerRatio", "revisionism", "spoilerRisk"};
        for (Map.Entry<String, Double> change : context.entrySet()) {
            int index = java.util.Arrays.asList(names).indexOf(change.getKey());
            if (index < 0) {
                throw new IllegalArgumentException("The context has no variable '" + change.getKey() + "'; it has "
                        + String.join(", ", names));
            }
            VariablePath path = VariablePath.parse("context." + change.getKey());
            double value = finite(change.getValue(), "context variable " + change.getKey());
            if (value < path.min() || value > path.max()) {
                throw new IllegalArgumentException("Context variable " + change.getKey() + " must be between " + path.min() + " and "
                        + path.max() + ", not " + value);
            }
            values[index] = value;
        }
        return new Scenario(s.id(), s.title(), s.summary(), s.facilitatorBrief(), s.caseStudy(), s.turns(), s.turnLength(),
                s.issuesPerTurn(), s.sides(), s.tension(), new Context(values[0], values[1], values[2], values[3], values[4]),
                s.issues(), s.injects(), s.allowedMoves(), s.track(), new Rulebook(s.rulebook().version(), entries), s.source());
    }

    private static double finite(Double value, String what) {
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("The " + what + " needs a number");
        }
        return value;
    }

    /** SHA-256 of the scenario's file as loaded (in the jar's exercises/ or the user's folder). */
    public static String scenarioHash(Scenario scenario) {
        String source = scenario.source();
        try (InputStream in = ScenarioChanges.class.getClassLoader().getResourceAsStream(source)) {
            if (in != null) {
                return sha256(in.readAllBytes());
            }
            Path file = Path.of(source);
            if (Files.isRegularFile(file)) {
                return sha256(Files.readAllBytes(file));
            }
        } catch (IOException | RuntimeException e) {
            // fall through: the content as loaded identifies it instead
        }
        return sha256(scenario.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the effective rulebook (after changes): every entry's key, value and range, in key order. */
    public static String rulebookHash(Rulebook rulebook) {
        StringBuilder text = new StringBuilder("version=").append(rulebook.version()).append('\n');
        new TreeMap<>(rulebook.entries()).forEach((key, e) -> text.append(key).append('=').append(e.value()).append(';')
                .append(e.min()).append(';').append(e.max()).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
