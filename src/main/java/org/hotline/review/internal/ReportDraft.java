package org.hotline.review.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hotline.engine.Effect;
import org.hotline.engine.EffectCause;
import org.hotline.engine.GameState;
import org.hotline.engine.Order;
import org.hotline.engine.Proposal;
import org.hotline.engine.Roll;
import org.hotline.engine.RollKind;
import org.hotline.scenario.Finding;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/**
 * Drafts the after-action report from what mattered in the log: agreements reached and lapsed, deals
 * kept and broken, the largest changes the teams' moves and the dice caused (never the facilitator's
 * own edits, which the overview names instead), red lines given up and moves against the team's own
 * argument, and turns where play left history. Variables go by their plain names; each
 * recommendation (R1-R6) is written out once; case studies are cited only in their own scenario.
 */
final class ReportDraft {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int LARGEST = 3;
    /** Smaller net changes over a turn are the everyday drift, not what the exercise was about. */
    private static final double NOTABLE = 2.0;
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
        this.citations = new Citations(catalogue, data.scenario.caseStudy());
    }

    Report draft() {
        List<Report.Observation> strengths = new ArrayList<>();
        List<Report.Observation> improvements = new ArrayList<>();
        agreements(strengths, improvements);
        deals(strengths, improvements);
        largestChanges(strengths, improvements);
        contradictions(improvements);
        redLinesHeld(strengths);
        history(strengths, improvements);
        Set<String> written = new HashSet<>();
        strengths = strengths.stream().map(o -> citations.once(o, written)).toList();
        improvements = improvements.stream().map(o -> citations.once(o, written)).toList();
        return new Report(data.exercise.id(), overview(), strengths, improvements, plan(improvements), null, null, null);
    }

    /** One row per recommendation the areas for improvement call for, naming every area it answers. */
    private List<Report.PlanRow> plan(List<Report.Observation> improvements) {
        Map<String, List<Report.Observation>> byRecommendation = new LinkedHashMap<>();
        for (Report.Observation o : improvements) {
            byRecommendation.computeIfAbsent(Citations.id(o.recommendation()), r -> new ArrayList<>()).add(o);
        }
        List<Report.PlanRow> rows = new ArrayList<>();
        byRecommendation.forEach((id, observations) -> rows.add(new Report.PlanRow(
                observations.stream().map(Report.Observation::title).collect(Collectors.joining("; ")), citations.recommendation(id),
                observations.stream().flatMap(o -> o.findings().stream()).distinct().toList(), "", "", "")));
        return rows;
    }

    private Report.Overview overview() {
        var e = data.exercise;
        String dates = data.started == null ? "" : DAY.format(data.started)
                + (data.ended == null ? " (in progress)" : " to " + DAY.format(data.ended));
        List<String> participants = data.participants.stream()
                .map(p -> p.name() + " (" + (p.side() == null ? p.role().toLowerCase(Locale.ROOT) : data.label(p.side())) + ")").toList();
        return new Report.Overview(e.title(), data.scenario.title(), data.scenario.caseStudy().orElse(null), dates, e.mode().name(),
                participants, objectives(), summary());
    }

    /** What the teams were to do, said once per kind of issue rather than once per issue. */
    private List<String> objectives() {
        List<String> objectives = new ArrayList<>();
        objectives.add("Keep the rivalry between " + data.label(Side.WASHINGTON) + " and " + data.label(Side.MOSCOW)
                + " from escalating to conflict across " + data.scenario.issues().size() + " issues");
        String core = data.scenario.issues().stream().filter(i -> !i.coreFor().isEmpty())
                .map(i -> Names.inSentence(i.name()) + " (core for " + i.coreFor().stream().map(data::label).collect(Collectors.joining(" and "))
                        + ")").collect(Collectors.joining(", "));
        if (!core.isEmpty()) {
            objectives.add("Decide whether and how to address the core concerns: " + core);
        }
        String shared = data.scenario.issues().stream().filter(Issue::sharedInterest).map(i -> Names.inSentence(i.name()))
                .collect(Collectors.joining(", "));
        if (!shared.isEmpty()) {
            objectives.add("Secure what both sides share an interest in: " + shared);
        }
        data.scenario.caseStudy().ifPresent(cs -> objectives.add("Compare the teams' choices with the historical track of " + cs));
        return objectives;
    }

    private String summary() {
        GameState first = data.initialState();
        GameState last = data.finalState();
        StringBuilder summary = new StringBuilder();
        summary.append(data.decisions.size()).append(" of ").append(data.exercise.turns()).append(" turns adjudicated");
        if (first != null && last != null) {
            summary.append("; tension from ").append(number(first.tension())).append(" to ").append(number(last.tension()));
            long inForce = last.agreements().stream().filter(a -> a.inForce()).count();
            int concluded = last.agreements().size();
            summary.append("; ").append(concluded).append(concluded == 1 ? " agreement concluded, " : " agreements concluded, ").append(inForce)
                    .append(" in force at the end");
            if (last.conflict()) {
                summary.append("; the exercise ended in conflict");
            }
        }
        for (ReviewData.TurnDecisions turn : data.decisions) {
            ReviewData.FacilitatorDecision d = turn.facilitator();
            if (d != null && !"APPROVE".equals(d.decision())) {
                summary.append("; in turn ").append(turn.turn()).append(" the facilitator ")
                        .append("OVERRIDE".equals(d.decision()) ? "replaced" : "amended").append(" the engine's result (\"")
                        .append(d.rationale()).append("\")");
            }
        }
        if (data.endReason != null) {
            summary.append(". Ended: ").append(data.endReason);
        }
        return summary.toString();
    }

    private void agreements(List<Report.Observation> strengths, List<Report.Observation> improvements) {
        for (ReviewData.LedgerEntry a : data.ledger()) {
            List<String> findings = rollFindings(a.concludedTurn(), a.issueId(), RollKind.AGREEMENT);
            String concluded = data.label(Side.WASHINGTON) + " and " + data.label(Side.MOSCOW) + " concluded an agreement on "
                    + Names.inSentence(a.issue()) + " in turn " + a.concludedTurn() + ", its terms fixed at a balance of "
                    + number(a.balance()) + " (50 is the status quo)" + (a.institutional() ? ", with an institutional mechanism" : "");
            if (a.inForce()) {
                strengths.add(citations.observation("Agreement on " + a.issue() + " reached and held", concluded
                        + "; it was still in force at the end.", "the agreement", "F2", findings, List.of(a.concludedTurn())));
            } else {
                List<String> lapse = effectFindings(a.lapsedTurn(), "agreement." + a.issueId());
                improvements.add(citations.observation("Agreement on " + a.issue() + " lapsed", concluded + "; it lapsed in turn "
                        + a.lapsedTurn() + ".", "the lapse", "R2", lapse, List.of(a.concludedTurn(), a.lapsedTurn())));
            }
        }
    }

    /** Deals accepted on the diplomatic channel, grouped by their terms: kept ones, and each broken one with who broke it. */
    private void deals(List<Report.Observation> strengths, List<Report.Observation> improvements) {
        Map<String, List<Integer>> kept = new LinkedHashMap<>();
        for (ReviewData.TurnDecisions turn : data.decisions) {
            for (Proposal deal : turn.deals() == null ? List.<Proposal>of() : turn.deals()) {
                List<String> broken = new ArrayList<>();
                broken(turn, deal.from(), deal.offered(), broken);
                broken(turn, deal.from().other(), deal.requested(), broken);
                if (broken.isEmpty()) {
                    kept.computeIfAbsent(terms(deal), t -> new ArrayList<>()).add(turn.turn());
                } else {
                    improvements.add(citations.observation("A deal broken in turn " + turn.turn(), "The deal " + terms(deal)
                            + " was accepted in turn " + turn.turn() + ", then " + String.join("; ", broken) + ".",
                            "the broken deal", "R4", List.of("M3", "M1"), List.of(turn.turn())));
                }
            }
        }
        kept.forEach((terms, turns) -> strengths.add(citations.observation(
                turns.size() == 1 ? "A deal kept in turn " + turns.get(0) : "A deal kept in " + turns.size() + " turns",
                "The deal " + terms + " was accepted and honoured by both sides in turn" + (turns.size() == 1 ? " " : "s ")
                        + turns.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".",
                "the kept deal", "R5", List.of("B4", "F2"), turns)));
    }

    private void broken(ReviewData.TurnDecisions turn, Side by, Map<String, Move> promised, List<String> broken) {
        promised.forEach((issueId, move) -> turn.issues().stream().filter(i -> i.issueId().equals(issueId)).findFirst().ifPresent(i -> {
            Move played = (by == Side.WASHINGTON ? i.washington() : i.moscow()).move();
            if (played != move) {
                broken.add(data.label(by) + " " + Names.did(played) + " on " + Names.inSentence(i.issue()) + " where it had promised to "
                        + Debrief.word(move));
            }
        }));
    }

    private String terms(Proposal deal) {
        String offered = deal.offered().entrySet().stream().map(e -> Debrief.word(e.getValue()) + " on "
                + Names.inSentence(data.issueName(e.getKey()))).collect(Collectors.joining(", "));
        String requested = deal.requested().entrySet().stream().map(e -> Debrief.word(e.getValue()) + " on "
                + Names.inSentence(data.issueName(e.getKey()))).collect(Collectors.joining(", "));
        return "of " + data.label(deal.from()) + " (" + (offered.isEmpty() ? "nothing" : offered) + ") for " + data.label(deal.from().other())
                + " (" + (requested.isEmpty() ? "nothing" : requested) + ")";
    }

    /**
     * The largest net changes of one variable over one turn that the teams' moves and the dice caused;
     * the facilitator's own changes are left out (the overview names the turns they amended).
     */
    private void largestChanges(List<Report.Observation> strengths, List<Report.Observation> improvements) {
        record Change(int turn, String variable, double from, double to, Map<String, Double> causes, Set<String> findings) {
            double delta() {
                return to - from;
            }
        }
        List<Change> changes = new ArrayList<>();
        for (ReviewData.TurnDecisions turn : data.decisions) {
            Map<String, Change> byVariable = new LinkedHashMap<>();
            for (Effect effect : turn.finalEffects()) {
                Optional<double[]> values = values(effect);
                if (values.isEmpty() || EffectCause.of(effect).filter(c -> c != EffectCause.INJECT).isEmpty()
                        || Names.riseIsGood(effect.variable()) == null) {
                    continue;
                }
                Change old = byVariable.get(effect.variable());
                Map<String, Double> causes = old == null ? new LinkedHashMap<>() : old.causes();
                String cause = effect.reason() + (effect.issueId() == null ? "" : " on " + Names.inSentence(data.issueName(effect.issueId())));
                causes.merge(cause, values.get()[1] - values.get()[0], Double::sum);
                Set<String> findings = old == null ? new LinkedHashSet<>() : old.findings();
                findings.addAll(effect.findings());
                byVariable.put(effect.variable(), new Change(turn.turn(), effect.variable(), old == null ? values.get()[0] : old.from(),
                        old == null ? values.get()[1] : old.to() + values.get()[1] - values.get()[0], causes, findings));
            }
            byVariable.values().stream().filter(c -> Math.abs(c.delta()) >= NOTABLE).forEach(changes::add);
        }
        changes.sort(Comparator.comparingDouble((Change c) -> -Math.abs(c.delta())));
        int better = 0;
        int worse = 0;
        for (Change c : changes) {
            boolean improved = (c.delta() > 0) == Boolean.TRUE.equals(Names.riseIsGood(c.variable()));
            if ((improved ? better : worse) >= LARGEST) {
                continue;
            }
            String name = Names.of(data.scenario, c.variable(), null);
            String causes = c.causes().entrySet().stream().sorted(Comparator.comparingDouble(e -> -Math.abs(e.getValue())))
                    .map(e -> e.getKey() + " (" + signed(e.getValue()) + ")").collect(Collectors.joining(", "));
            String observation = "In turn " + c.turn() + ", " + Names.midSentence(name) + " " + (c.delta() > 0 ? "rose" : "fell")
                    + " from " + number(c.from()) + " to " + number(c.to()) + " (" + signed(c.delta()) + "), because of " + causes + ".";
            Report.Observation o = citations.observation((improved ? "Largest gain: " : "Largest setback: ") + name + " in turn "
                    + c.turn(), observation, "this change", improved ? "R5" : "R4", List.copyOf(c.findings()), List.of(c.turn()));
            (improved ? strengths : improvements).add(o);
            if (improved) {
                better++;
            } else {
                worse++;
            }
        }
    }

    private void contradictions(List<Report.Observation> improvements) {
        Map<Side, Set<String>> redLines = new EnumMap<>(Side.class);
        for (ReviewData.TurnDecisions turn : data.decisions) {
            for (ReviewData.IssueDecision issue : turn.issues()) {
                for (Side side : Side.values()) {
                    Order order = side == Side.WASHINGTON ? issue.washington() : issue.moscow();
                    Set<String> held = redLines.computeIfAbsent(side, s -> new HashSet<>());
                    String who = data.label(side) + " " + Names.did(order.move()) + " on " + Names.inSentence(issue.issue())
                            + " in turn " + turn.turn();
                    if (order.move().yields() && (order.redLine() || held.contains(issue.issueId()))) {
                        improvements.add(citations.observation(data.label(side) + " gave way across its own red line on " + issue.issue(),
                                who + (order.redLine() ? " while declaring a red line there in the same orders."
                                        : " after declaring a red line there in an earlier turn."),
                                "it", "R4", List.of("M3"), List.of(turn.turn()),
                                "A broken red line costs credibility more than a plain concession would: the rival learns that "
                                        + data.label(side) + "'s claims need not be believed."));
                    }
                    String argument = order.argument() == null ? "" : order.argument();
                    Pattern against = order.move().hardline() ? SOFT_WORDS : order.move().lessHardline() ? HARD_WORDS : null;
                    var match = against == null ? null : against.matcher(argument);
                    if (match != null && match.find()) {
                        improvements.add(citations.observation(data.label(side) + "'s move on " + issue.issue()
                                + " went against its own argument", who + " with the argument \"" + argument + "\", which speaks of '"
                                + match.group(1) + "'.", "it", "R4", List.of("M2", "R4"), List.of(turn.turn()),
                                "The stated reasons and the move point different ways; the rival reads the move, not the argument, "
                                        + "and a mixed signal makes outreach look insincere."));
                    }
                    if (order.redLine()) {
                        held.add(issue.issueId());
                    }
                }
            }
        }
    }

    /** Red lines a side declared and then held when the engine saw them pressed (one observation per side and issue). */
    private void redLinesHeld(List<Report.Observation> strengths) {
        Map<String, List<Integer>> held = new LinkedHashMap<>();
        Map<String, Set<String>> findings = new LinkedHashMap<>();
        Map<Side, Set<String>> declared = new EnumMap<>(Side.class);
        for (ReviewData.TurnDecisions turn : data.decisions) {
            for (ReviewData.IssueDecision issue : turn.issues()) {
                List<Effect> kept = turn.finalEffects().stream().filter(x -> issue.issueId().equals(x.issueId())
                        && EffectCause.of(x).filter(c -> c == EffectCause.RED_LINE_KEPT).isPresent()).toList();
                for (Side side : Side.values()) {
                    Order order = side == Side.WASHINGTON ? issue.washington() : issue.moscow();
                    Set<String> lines = declared.computeIfAbsent(side, s -> new HashSet<>());
                    if (order.redLine()) {
                        lines.add(issue.issueId());
                    }
                    if (!kept.isEmpty() && lines.contains(issue.issueId()) && !order.move().yields()) {
                        String key = data.label(side) + "|" + issue.issue();
                        held.computeIfAbsent(key, k -> new ArrayList<>()).add(turn.turn());
                        kept.forEach(x -> findings.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(x.findings()));
                    }
                }
            }
        }
        held.forEach((key, turns) -> {
            String[] who = key.split("\\|", 2);
            strengths.add(citations.observation("A red line held: " + who[0] + " on " + who[1], who[0] + " declared a red line on "
                    + Names.inSentence(who[1]) + " and held it under pressure in turn" + (turns.size() == 1 ? " " : "s ")
                    + turns.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".", "it", "R4",
                    List.copyOf(findings.getOrDefault(key, Set.of("M3"))), turns,
                    "A declared line that holds makes the side's later claims believable to the rival."));
        });
    }

    private void history(List<Report.Observation> strengths, List<Report.Observation> improvements) {
        for (ReviewData.HistoryTurn turn : data.history()) {
            if (!turn.played() || turn.divergences() == 0) {
                continue;
            }
            String moves = turn.moves().stream().filter(ReviewData.HistoryMove::diverged)
                    .map(m -> data.label(m.side()) + " " + Names.did(m.played()) + " on " + Names.inSentence(m.issue()) + " (history: "
                            + Names.did(m.historical()) + ")")
                    .collect(Collectors.joining("; "));
            double tensionChange = data.decisions.stream().filter(d -> d.turn() == turn.turn()).flatMap(d -> d.finalEffects().stream())
                    .filter(x -> x.variable().equals("tension") && EffectCause.of(x).filter(c -> c != EffectCause.INJECT).isPresent())
                    .map(ReportDraft::values).flatMap(Optional::stream).mapToDouble(v -> v[1] - v[0]).sum();
            boolean calmer = tensionChange < 0;
            Report.Observation o = citations.observation("Turn " + turn.turn() + " (" + turn.period() + ") left history",
                    "Play departed from the historical track in " + turn.divergences() + " move(s): " + moves + ".",
                    "it", "R5", List.of("R5"), List.of(turn.turn()),
                    "Historically: " + turn.events() + " The moves changed tension by " + signed(tensionChange) + " in this turn, "
                            + (calmer ? "so the departure did not cost stability." : "so the departure did not buy stability.")
                            + " Branch the exercise from turn " + (turn.turn() - 1) + " and replay the decision point under the "
                            + "historical posture to compare the two outcomes.");
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

    private static Optional<double[]> values(Effect effect) {
        try {
            return Optional.of(new double[] {Double.parseDouble(effect.before()), Double.parseDouble(effect.after())});
        } catch (NumberFormatException | NullPointerException notNumeric) {
            return Optional.empty();
        }
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "−") + number(Math.abs(value));
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
