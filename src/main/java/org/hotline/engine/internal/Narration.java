package org.hotline.engine.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hotline.engine.Effect;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.Narrative;
import org.hotline.engine.Outcome;
import org.hotline.engine.Roll;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/** The plain-English account of a turn, built only when asked for (batch runs never pay for it). */
final class Narration {

    private Narration() {
    }

    static Narrative narrate(Scenario scenario, Outcome outcome) {
        String washington = scenario.label(Side.WASHINGTON);
        String moscow = scenario.label(Side.MOSCOW);
        Map<String, String> byIssue = new LinkedHashMap<>();
        for (IssueOutcome issue : outcome.issues()) {
            String name = scenario.issue(issue.issueId()).map(i -> i.name()).orElse(issue.issueId());
            StringBuilder text = new StringBuilder();
            text.append(name).append(": ")
                    .append(moveText(washington, issue.washingtonMove(), moscow, issue.washingtonMoveAsReadByMoscow()))
                    .append("; ")
                    .append(moveText(moscow, issue.moscowMove(), washington, issue.moscowMoveAsReadByWashington()))
                    .append('.');
            for (Roll roll : outcome.rolls()) {
                if (issue.issueId().equals(roll.issueId())) {
                    text.append(' ').append(rollText(roll));
                }
            }
            for (Effect effect : outcome.effects()) {
                if (issue.issueId().equals(effect.issueId())) {
                    text.append(' ').append(effectText(effect));
                }
            }
            if (issue.before() != issue.after()) {
                text.append(" Status ").append(issue.before()).append(" -> ").append(issue.after()).append('.');
            }
            if (!issue.findings().isEmpty()) {
                text.append(" [").append(String.join(", ", issue.findings())).append(']');
            }
            byIssue.put(issue.issueId(), text.toString());
        }
        StringBuilder summary = new StringBuilder();
        summary.append("Turn ").append(outcome.turn()).append(": tension ")
                .append(Values.text(outcome.before().tension())).append(" -> ").append(Values.text(outcome.after().tension()))
                .append('.');
        for (Roll roll : outcome.rolls()) {
            if (roll.issueId() == null) {
                summary.append(' ').append(rollText(roll));
            }
        }
        for (Effect effect : outcome.effects()) {
            if (effect.issueId() == null) {
                summary.append(' ').append(effectText(effect));
            }
        }
        if (outcome.after().conflict()) {
            summary.append(" The crisis escalated to conflict: the exercise ends. [B3]");
        }
        return new Narrative(summary.toString(), Collections.unmodifiableMap(byIssue));
    }

    private static String moveText(String side, Move move, String reader, Move asRead) {
        String text = side + " played " + move;
        return Objects.equals(move, asRead) ? text : text + ", which " + reader + " read as " + asRead + " [M1]";
    }

    private static String rollText(Roll roll) {
        return String.format(Locale.ROOT, "Roll for %s: odds %.0f%%, draw %.3f, %s [%s].", roll.purpose(), roll.odds() * 100,
                roll.draw(), roll.success() ? "yes" : "no", String.join(", ", roll.findings()));
    }

    private static String effectText(Effect effect) {
        List<String> findings = effect.findings();
        return effect.variable() + " " + effect.before() + " -> " + effect.after() + " (" + effect.reason()
                + (findings.isEmpty() ? "" : "; " + String.join(", ", findings)) + ").";
    }
}
