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
import org.hotline.engine.RollKind;
import org.hotline.scenario.IssueStatus;
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
                    .append(". ").append(headline(issue, washington, moscow, outcome));
            for (Roll roll : outcome.rolls()) {
                if (issue.issueId().equals(roll.issueId()) && told(roll)) {
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
            if (roll.issueId() == null && told(roll)) {
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

    /**
     * The rolls the story needs: those that decide an agreement, a lapse or a war always, the others
     * (misreadings, spoilers, incidents) only when they happened. Every roll stays in the outcome.
     */
    private static boolean told(Roll roll) {
        return roll.success() || roll.purpose() == RollKind.AGREEMENT || roll.purpose() == RollKind.AGREEMENT_LAPSE
                || roll.purpose() == RollKind.ESCALATION;
    }

    /** One sentence on what the two moves amounted to (the issue matrix, mechanism 1). */
    private static String headline(IssueOutcome issue, String washington, String moscow, Outcome outcome) {
        Move w = issue.washingtonMove();
        Move m = issue.moscowMove();
        if (issue.after() == IssueStatus.CONFLICT) {
            return "The crisis escalated to conflict.";
        }
        if (w.hardline() && m.hardline()) {
            return "Both played hardline: the spiral raised tension and threat on both sides.";
        }
        if (w.hardline() != m.hardline()) {
            String presser = w.hardline() ? washington : moscow;
            String other = w.hardline() ? moscow : washington;
            Move answer = w.hardline() ? m : w;
            return presser + " pressed its advantage while " + other + (answer.lessHardline() ? " reached out." : " held its posture.");
        }
        if (w.lessHardline() && m.lessHardline()) {
            Roll roll = outcome.rolls().stream().filter(r -> r.purpose() == RollKind.AGREEMENT && issue.issueId().equals(r.issueId()))
                    .findFirst().orElse(null);
            if (roll == null) {
                return issue.before() == IssueStatus.AGREEMENT
                        ? "Both reached out on an issue already settled; the agreement was reaffirmed."
                        : "Both reached out, but one read the other's step as posturing: no agreement was possible this turn.";
            }
            return String.format(Locale.ROOT, roll.success() ? "Both reached out and concluded an agreement (odds %.0f%%)."
                    : "Both reached out; talks go on without agreement yet (odds %.0f%%).", roll.odds() * 100);
        }
        if (w.lessHardline() || m.lessHardline()) {
            return (w.lessHardline() ? washington : moscow) + " took a step alone; " + (w.lessHardline() ? moscow : washington)
                    + " held its posture.";
        }
        return "Neither side moved.";
    }

    private static String moveText(String side, Move move, String reader, Move asRead) {
        String text = side + " played " + move;
        return Objects.equals(move, asRead) ? text : text + ", which " + reader + " read as " + asRead + " [M1]";
    }

    private static String rollText(Roll roll) {
        return String.format(Locale.ROOT, "Roll for %s: odds %.0f%%, draw %.3f, %s [%s].", roll.purpose().text(), roll.odds() * 100,
                roll.draw(), roll.success() ? "yes" : "no", String.join(", ", roll.findings()));
    }

    private static String effectText(Effect effect) {
        List<String> findings = effect.findings();
        return effect.variable() + " " + effect.before() + " -> " + effect.after() + " (" + effect.reason()
                + (findings.isEmpty() ? "" : "; " + String.join(", ", findings)) + ").";
    }
}
