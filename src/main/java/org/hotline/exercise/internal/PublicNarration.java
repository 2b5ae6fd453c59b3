package org.hotline.exercise.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.IssueState;
import org.hotline.engine.Narrative;
import org.hotline.engine.Outcome;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * The account of a turn that everyone may read at Results. The engine's own narrative cites dice,
 * private variables and how each side read the other's moves; those stay with the facilitator
 * (DESIGN.md section 4, visibility). This one tells the moves, the public changes and the findings.
 */
final class PublicNarration {

    private PublicNarration() {
    }

    static Narrative of(Scenario scenario, Outcome outcome, GameState after) {
        String washington = scenario.label(Side.WASHINGTON);
        String moscow = scenario.label(Side.MOSCOW);
        Map<String, String> byIssue = new LinkedHashMap<>();
        for (IssueOutcome issue : outcome.issues()) {
            StringBuilder text = new StringBuilder(scenario.issue(issue.issueId()).map(i -> i.name()).orElse(issue.issueId()))
                    .append(": ").append(washington).append(" played ").append(issue.washingtonMove())
                    .append("; ").append(moscow).append(" played ").append(issue.moscowMove()).append('.');
            IssueState now = after.issue(issue.issueId());
            if (now != null && now.status() != issue.before()) {
                text.append(" Status ").append(issue.before()).append(" -> ").append(now.status()).append('.');
            }
            publicEffects(outcome.effects(), issue.issueId(), text);
            if (!issue.findings().isEmpty()) {
                text.append(" [").append(String.join(", ", issue.findings())).append(']');
            }
            byIssue.put(issue.issueId(), text.toString());
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "Turn %d: tension %.0f -> %.0f.",
                outcome.turn(), outcome.before().tension(), after.tension()));
        publicEffects(outcome.effects(), null, summary);
        if (after.conflict()) {
            summary.append(" The crisis escalated to conflict: the exercise ends. [B3]");
        }
        return new Narrative(summary.toString(), byIssue);
    }

    private static void publicEffects(List<Effect> effects, String issueId, StringBuilder text) {
        for (Effect effect : effects) {
            boolean here = issueId == null ? effect.issueId() == null : issueId.equals(effect.issueId());
            if (here && isPublic(effect.variable())) {
                text.append(' ').append(effect.variable()).append(' ').append(effect.before()).append(" -> ")
                        .append(effect.after());
                if (!effect.findings().isEmpty()) {
                    text.append(" [").append(String.join(", ", effect.findings())).append(']');
                }
                text.append('.');
            }
        }
    }

    /** Tension, issue status and agreements are public; everything else is a side's own or the facilitator's. */
    private static boolean isPublic(String variable) {
        return variable.equals("tension") || variable.startsWith("agreement.")
                || (variable.startsWith("issue.") && variable.endsWith(".status"));
    }
}
