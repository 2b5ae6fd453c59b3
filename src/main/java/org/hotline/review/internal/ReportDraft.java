package org.hotline.review.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.Order;
import org.hotline.engine.Roll;
import org.hotline.engine.RollKind;
import org.hotline.scenario.Finding;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Side;

/**
 * Drafts the after-action report from what the log shows: agreements reached and lapsed, the largest
 * effects and the findings behind them, moves that went against the team's own argument or red line,
 * and turns where play left history. Recommendations come from the finding catalogue (R1-R6).
 */
final class ReportDraft {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int LARGEST = 3;
    // Words that argue for the other approach than the move taken (a contradiction worth a look).
    private static final Pattern SOFT_WORDS = Pattern.compile(
            "\\b(negotiat\\w*|concession\\w*|conced\\w*|de-?escalat\\w*|compromis\\w*|draw ?down|goodwill|reassur\\w*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HARD_WORDS = Pattern.compile(
            "(?<![-\\w])(coerc\\w*|intimidat\\w*|punish\\w*|escalat\\w*|ultimatum|no concessions?)\\b", Pattern.CASE_INSENSITIVE);

    private final ReviewData data;
    private final Citations citations;

    ReportDraft(ReviewData data, Map<String, Finding> catalogue) {
        this.data = data;
        this.citations = new Citations(catalogue);
    }

    Report draft() {
        List<Report.Observation> strengths = new ArrayList<>();
        List<Report.Observation> improvements = new ArrayList<>();
        agreements(strengths, improvements);
        largestEffects(strengths, improvements);
        contradictions(improvements);
        history(strengths, improvements);
        List<Report.PlanRow> plan = improvements.stream()
                .map(o -> new Report.PlanRow(o.title(), o.recommendation(), o.findings(), "", "", "")).toList();
        return new Report(data.exercise.id(), overview(), strengths, improvements, plan, null, null, null);
    }

    private Report.Overview overview() {
        var e = data.exercise;
        String dates = data.started == null ? "" : DAY.format(data.started)
                + (data.ended == null ? " (in progress)" : " to " + DAY.format(data.ended));
        List<String> participants = data.participants.stream()
                .map(p -> p.name() + " (" + (p.side() == null ? p.role().toLowerCase(Locale.ROOT) : data.label(p.side())) + ")").toList();
        List<String> objectives = new ArrayList<>();
        for (Issue issue : data.scenario.issues()) {
            String kind = issue.sharedInterest() ? "a shared interest"
                    : issue.coreFor().isEmpty() ? "a contested issue"
                    : "a core concern of " + issue.coreFor().stream().map(data::label).collect(Collectors.joining(" and "));
            objectives.add("Manage " + issue.name() + " (" + kind + ") without letting the rivalry escalate");
        }
        data.scenario.caseStudy().ifPresent(cs -> objectives.add("Compare the teams' choices with the historical track of " + cs));
        GameState first = data.initialState();
        GameState last = data.finalState();
        StringBuilder summary = new StringBuilder();
        summary.append(data.decisions.size()).append(" of ").append(e.turns()).append(" turns adjudicated");
        if (first != null && last != null) {
            summary.append("; tension from ").append(number(first.tension())).append(" to ").append(number(last.tension()));
            long inForce = last.agreements().stream().filter(a -> a.inForce()).count();
            summary.append("; ").append(last.agreements().size()).append(" agreement(s) concluded, ").append(inForce)
                    .append(" in force at the end");
            if (last.conflict()) {
                summary.append("; the exercise ended in conflict");
            }
        }
        if (data.endReason != null) {
            summary.append(". Ended: ").append(data.endReason);
        }
        return new Report.Overview(e.title(), data.scenario.title(), data.scenario.caseStudy().orElse(null), dates, e.mode().name(),
                participants, objectives, summary.toString());
    }

    private void agreements(List<Report.Observation> strengths, List<Report.Observation> improvements) {
        for (ReviewData.LedgerEntry a : data.ledger()) {
            List<String> findings = rollFindings(a.concludedTurn(), a.issueId(), RollKind.AGREEMENT);
            String concluded = data.label(Side.WASHINGTON) + " and " + data.label(Side.MOSCOW) + " concluded an agreement on "
                    + a.issue() + " in turn " + a.concludedTurn() + ", its terms fixed at balance " + number(a.balance())
                    + (a.institutional() ? " with an institutional mechanism" : "");
            if (a.inForce()) {
                strengths.add(new Report.Observation("Agreement on " + a.issue() + " reached and held", concluded
                        + "; it was still in force at the end.", citations.because(findings, "the agreement roll"),
                        citations.recommend(findings, "F2"), findings, List.of(a.concludedTurn())));
            } else {
                List<String> lapse = effectFindings(a.lapsedTurn(), "agreement." + a.issueId());
                improvements.add(new Report.Observation("Agreement on " + a.issue() + " lapsed", concluded + "; it lapsed in turn "
                        + a.lapsedTurn() + ".", citations.because(lapse, "the lapse"), citations.recommend(lapse, "R2"), lapse,
                        List.of(a.concludedTurn(), a.lapsedTurn())));
            }
        }
    }

    private void largestEffects(List<Report.Observation> strengths, List<Report.Observation> improvements) {
        record Scored(int turn, Effect effect, double delta, int good) {
        }
        List<Scored> scored = new ArrayList<>();
        for (ReviewData.TurnDecisions turn : data.decisions) {
            for (Effect effect : turn.finalEffects()) {
                Optional<Double> delta = delta(effect);
                int good = direction(effect.variable());
                if (delta.isPresent() && good != 0 && delta.get() != 0) {
                    scored.add(new Scored(turn.turn(), effect, delta.get(), good));
                }
            }
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -Math.abs(s.delta())));
        int better = 0;
        int worse = 0;
        for (Scored s : scored) {
            boolean improved = Math.signum(s.delta()) == s.good();
            if ((improved ? better : worse) >= LARGEST) {
                continue;
            }
            Effect x = s.effect();
            String where = x.issueId() == null ? "" : " on " + data.issueName(x.issueId());
            String observation = "Turn " + s.turn() + where + ": " + variableName(x.variable()) + " went from " + x.before() + " to "
                    + x.after() + " (" + (s.delta() > 0 ? "+" : "") + number(s.delta()) + "). The engine's reason: " + x.reason() + ".";
            Report.Observation o = new Report.Observation((improved ? "Largest gain: " : "Largest setback: ") + variableName(x.variable())
                    + where + ", turn " + s.turn(), observation, analysis(s.turn(), x),
                    citations.recommend(x.findings(), improved ? "R5" : "R4"), x.findings(), List.of(s.turn()));
            if (improved) {
                strengths.add(o);
                better++;
            } else {
                improvements.add(o);
                worse++;
            }
        }
    }

    /** The findings behind an effect, or the facilitator's rationale where the change was theirs. */
    private String analysis(int turn, Effect effect) {
        ReviewData.FacilitatorDecision decision = data.decisions.stream().filter(d -> d.turn() == turn)
                .map(ReviewData.TurnDecisions::facilitator).filter(d -> d != null).findFirst().orElse(null);
        boolean theirs = decision != null && decision.changes() != null
                && decision.changes().stream().anyMatch(c -> c.variable().equals(effect.variable()));
        if (effect.findings().isEmpty() && theirs) {
            return "The facilitator changed this by hand (" + decision.decision() + "), with the rationale: \""
                    + decision.rationale() + "\".";
        }
        return citations.because(effect.findings(), "this effect");
    }

    private void contradictions(List<Report.Observation> improvements) {
        Map<Side, Set<String>> redLines = new EnumMap<>(Side.class);
        for (ReviewData.TurnDecisions turn : data.decisions) {
            for (ReviewData.IssueDecision issue : turn.issues()) {
                for (Side side : Side.values()) {
                    Order order = side == Side.WASHINGTON ? issue.washington() : issue.moscow();
                    Set<String> held = redLines.computeIfAbsent(side, s -> new HashSet<>());
                    String who = data.label(side) + " played " + order.move() + " on " + issue.issue() + " in turn " + turn.turn();
                    if (order.move().yields() && (order.redLine() || held.contains(issue.issueId()))) {
                        List<String> findings = List.of("M3");
                        improvements.add(new Report.Observation(data.label(side) + " gave way across its own red line on " + issue.issue(),
                                who + (order.redLine() ? " while declaring a red line there in the same orders."
                                        : " after declaring a red line there in an earlier turn."),
                                "A broken red line costs credibility more than a plain concession would: the rival learns that "
                                        + data.label(side) + "'s claims need not be believed. " + citations.because(findings, "it"),
                                citations.recommend(findings, "R4"), findings, List.of(turn.turn())));
                    }
                    String argument = order.argument() == null ? "" : order.argument();
                    Pattern against = order.move().hardline() ? SOFT_WORDS : order.move().lessHardline() ? HARD_WORDS : null;
                    var match = against == null ? null : against.matcher(argument);
                    if (match != null && match.find()) {
                        List<String> findings = List.of("M2", "R4");
                        improvements.add(new Report.Observation(data.label(side) + "'s move on " + issue.issue()
                                + " went against its own argument", who + " with the argument \"" + argument + "\", which speaks of '"
                                + match.group(1) + "'.",
                                "The stated reasons and the move point different ways; the rival reads the move, not the argument, "
                                        + "and a mixed signal makes outreach look insincere. " + citations.because(findings, "it"),
                                citations.recommend(findings, "R4"), findings, List.of(turn.turn())));
                    }
                    if (order.redLine()) {
                        held.add(issue.issueId());
                    }
                }
            }
        }
    }

    private void history(List<Report.Observation> strengths, List<Report.Observation> improvements) {
        for (ReviewData.HistoryTurn turn : data.history()) {
            if (!turn.played() || turn.divergences() == 0) {
                continue;
            }
            String moves = turn.moves().stream().filter(ReviewData.HistoryMove::diverged)
                    .map(m -> data.label(m.side()) + " " + m.played() + " on " + m.issue() + " (history: " + m.historical() + ")")
                    .collect(Collectors.joining("; "));
            double tensionChange = data.decisions.stream().filter(d -> d.turn() == turn.turn()).flatMap(d -> d.finalEffects().stream())
                    .filter(x -> x.variable().equals("tension")).map(ReportDraft::delta).flatMap(Optional::stream)
                    .mapToDouble(Double::doubleValue).sum();
            boolean calmer = tensionChange < 0;
            List<String> findings = List.of("R5");
            Report.Observation o = new Report.Observation("Turn " + turn.turn() + " (" + turn.period() + ") left history",
                    "Play departed from the historical track in " + turn.divergences() + " move(s): " + moves + ".",
                    "Historically: " + turn.events() + " Tension changed by " + number(tensionChange) + " in this turn's results, "
                            + (calmer ? "so the departure did not cost stability." : "so the departure did not buy stability."),
                    "Branch the exercise from turn " + (turn.turn() - 1) + " and replay the decision point under the historical "
                            + "posture to compare the two outcomes. " + citations.recommend(findings, "R5"), findings, List.of(turn.turn()));
            (calmer ? strengths : improvements).add(o);
        }
    }

    // ---- findings in the log

    private List<String> rollFindings(int turn, String issueId, RollKind purpose) {
        Set<String> ids = new LinkedHashSet<>();
        data.decisions.stream().filter(d -> d.turn() == turn).flatMap(d -> d.issues().stream())
                .filter(i -> i.issueId().equals(issueId)).flatMap(i -> i.rolls().stream())
                .filter(r -> r.purpose() == purpose).map(Roll::findings).forEach(ids::addAll);
        return List.copyOf(ids);
    }

    private List<String> effectFindings(Integer turn, String variablePrefix) {
        Set<String> ids = new LinkedHashSet<>();
        data.decisions.stream().filter(d -> turn != null && d.turn() == turn).flatMap(d -> d.finalEffects().stream())
                .filter(x -> x.variable().startsWith(variablePrefix)).map(Effect::findings).forEach(ids::addAll);
        return List.copyOf(ids);
    }

    // ---- numbers

    private static Optional<Double> delta(Effect effect) {
        try {
            return Optional.of(Double.parseDouble(effect.after()) - Double.parseDouble(effect.before()));
        } catch (NumberFormatException | NullPointerException notNumeric) {
            return Optional.empty();
        }
    }

    /** +1 where a rise is good for stability, -1 where a fall is, 0 where the log's reader must judge. */
    private static int direction(String variable) {
        String last = variable.substring(variable.lastIndexOf('.') + 1);
        return switch (last) {
            case "tension", "threatPerception", "burden", "strain" -> -1;
            case "trust", "domesticSupport", "allianceCohesion" -> 1;
            default -> 0;
        };
    }

    private String variableName(String variable) {
        int dot = variable.indexOf('.');
        if (dot < 0) {
            return variable;
        }
        String head = variable.substring(0, dot);
        for (Side side : Side.values()) {
            if (side.name().equalsIgnoreCase(head)) {
                return data.label(side) + " " + variable.substring(dot + 1);
            }
        }
        return variable;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
