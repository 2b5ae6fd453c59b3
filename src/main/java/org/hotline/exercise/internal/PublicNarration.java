package org.hotline.exercise.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.IssueState;
import org.hotline.engine.Narrative;
import org.hotline.engine.Outcome;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * The account of a turn that everyone may read at Results. The engine's own narrative cites dice,
 * private variables and how each side read the other's moves; those stay with the facilitator
 * (docs/design.md section 4, visibility). This one tells the moves, the public changes and the findings.
 */
final class PublicNarration {

    private PublicNarration() {
    }

    static Narrative of(Scenario scenario, Outcome outcome, GameState after) {
        String washington = scenario.label(Side.WASHINGTON);
        String moscow = scenario.label(Side.MOSCOW);
        Map<String, String> byIssue = new LinkedHashMap<>();
        for (IssueOutcome issue : outcome.issues()) {
            StringBuilder text = new StringBuilder()
                    .append(washington).append(' ').append(verb(issue.washingtonMove())).append("; ")
                    .append(moscow).append(' ').append(verb(issue.moscowMove())).append('.');
            IssueState now = after.issue(issue.issueId());
            if (now != null && now.status() != issue.before()) {
                text.append(" The issue went from ").append(word(issue.before())).append(" to ").append(word(now.status())).append('.');
            }
            Set<String> cited = new LinkedHashSet<>();
            Set<String> rest = new LinkedHashSet<>(issue.findings());
            rest.addAll(publicEffects(outcome.effects(), issue.issueId(), text, cited));
            rest.removeAll(cited);
            if (!rest.isEmpty()) {
                text.append(" [").append(String.join(", ", rest)).append(']');
            }
            byIssue.put(issue.issueId(), text.toString());
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "Turn %d: tension %.1f -> %.1f.",
                outcome.turn(), outcome.before().tension(), after.tension()));
        publicEffects(outcome.effects(), null, summary, new LinkedHashSet<>());
        if (after.conflict()) {
            summary.append(" The crisis escalated to conflict: the exercise ends. [B3]");
        }
        return new Narrative(summary.toString(), byIssue);
    }

    /**
     * Appends the public effects in words, citing each finding id once per paragraph; returns the
     * findings of status changes, which the paragraph tells in its own sentence and cites at its end.
     */
    private static Set<String> publicEffects(List<Effect> effects, String issueId, StringBuilder text, Set<String> cited) {
        Set<String> statusFindings = new LinkedHashSet<>();
        for (Effect effect : effects) {
            boolean here = issueId == null ? effect.issueId() == null : issueId.equals(effect.issueId());
            if (here && isPublic(effect.variable())) {
                if (effect.variable().endsWith(".status")) {
                    statusFindings.addAll(effect.findings());
                    continue;
                }
                text.append(' ').append(change(effect));
                List<String> fresh = effect.findings().stream().filter(cited::add).toList();
                if (!fresh.isEmpty()) {
                    text.append(" [").append(String.join(", ", fresh)).append(']');
                }
                text.append('.');
            }
        }
        return statusFindings;
    }

    private static String change(Effect effect) {
        if (!effect.variable().equals("tension")) {
            return capitalised(effect.variable()) + ": " + effect.before() + " -> " + effect.after();
        }
        try {
            double before = Double.parseDouble(effect.before());
            double after = Double.parseDouble(effect.after());
            return String.format(Locale.ROOT, "Tension %s from %.1f to %.1f", after >= before ? "rose" : "fell", before, after);
        } catch (NumberFormatException notANumber) {
            return "Tension: " + effect.before() + " -> " + effect.after();
        }
    }

    private static String verb(Move move) {
        return switch (move) {
            case BUILDUP -> "built up its forces";
            case FORCE -> "used force";
            case PRESS -> "pressed its advantage";
            case NEGOTIATE -> "negotiated";
            case CONCEDE -> "made a concession";
            case ALLY_OUTREACH -> "urged its allies to meet the other side";
            case DRAWDOWN -> "drew down its forces";
            case ACQUIESCE -> "acquiesced";
            case HOLD -> "held its position";
        };
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Tension, issue status and agreements are public; everything else is a side's own or the facilitator's. */
    private static boolean isPublic(String variable) {
        return variable.equals("tension") || variable.startsWith("agreement.")
                || (variable.startsWith("issue.") && variable.endsWith(".status"));
    }
}
