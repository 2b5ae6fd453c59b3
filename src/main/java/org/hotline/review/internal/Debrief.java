package org.hotline.review.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotline.engine.Effect;
import org.hotline.engine.EffectCause;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.IssueState;
import org.hotline.engine.Order;
import org.hotline.engine.Outcome;
import org.hotline.engine.Proposal;
import org.hotline.engine.Roll;
import org.hotline.engine.RollKind;
import org.hotline.engine.TurnInput;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * One team's results of a turn in plain words, built from the engine's typed outcome and the effects
 * the turn applied: per issue what each side did, how the team read the other's move, the rolls that
 * decided it; each accepted deal and whether each side kept its part; and every variable the team may
 * see changed once, from its value before the turn to its value after, with its causes. What the team
 * may see is docs/design.md section 4: tension, issue status and agreements, and its own variables and
 * readings — never the other side's variables, its readings of moves or its bureaucracy's spoilers.
 */
final class Debrief {

    /** {@code overall}: what concerned the whole relationship (the facilitator's decision, emboldening, a war). */
    record Account(int turn, Side side, String decision, List<String> overall, List<IssueAccount> issues, List<Deal> deals,
                   List<Change> changes) {
    }

    /** One issue: the sentences in order, and the finding ids behind them (references, never the sentence). */
    record IssueAccount(String issueId, String issue, List<String> sentences, List<String> findings) {
    }

    /** An accepted deal; honoured when both sides played every move they promised. */
    record Deal(String proposalId, String text, boolean honoured) {
    }

    /**
     * One variable's change over the turn. {@code better} is whether the change is good news for the
     * team (null where it is neither).
     */
    record Change(String variable, String name, String from, String to, Boolean better, String text, List<String> findings) {
    }

    private final Scenario scenario;
    private final Side side;
    private final Side other;

    private Debrief(Scenario scenario, Side side) {
        this.scenario = scenario;
        this.side = side;
        this.other = side.other();
    }

    /**
     * The account for {@code side}. {@code decision} is APPROVE, EDIT, OVERRIDE or null (the engine's
     * result stood); an OVERRIDE means the engine's rolls decided nothing.
     */
    static Account of(Scenario scenario, Side side, Outcome outcome, TurnInput input, List<Effect> applied, GameState after,
                      String decision) {
        return new Debrief(scenario, side).account(outcome, input, applied, after, decision);
    }

    private Account account(Outcome outcome, TurnInput input, List<Effect> applied, GameState after, String decision) {
        boolean overridden = "OVERRIDE".equals(decision);
        List<Roll> rolls = overridden ? List.of() : outcome.rolls().stream().filter(this::visible).toList();
        List<IssueAccount> issues = new ArrayList<>();
        for (IssueOutcome io : outcome.issues()) {
            issues.add(issue(io, input, rolls, applied, after, overridden));
        }
        List<Deal> deals = input.accepted() == null ? List.of() : input.accepted().stream().map(p -> deal(p, outcome)).toList();
        List<String> overall = new ArrayList<>();
        if (overridden) {
            overall.add("The facilitator decided this turn's outcome; the engine's draft and its dice did not count.");
        } else if ("EDIT".equals(decision)) {
            overall.add("The facilitator amended the engine's result; the changes below include the facilitator's.");
        }
        find(rolls, RollKind.EMBOLDENING, null).filter(Roll::success).ifPresent(r -> overall.add("Your team read " + label(other)
                + "'s unanswered concessions as weakness" + rolled(Optional.of(r)) + "."));
        if (after.conflict()) {
            overall.add("The crisis escalated to conflict: the exercise ends.");
        }
        return new Account(outcome.turn(), side, decision, overall, issues, deals, changes(applied));
    }

    // ---------------------------------------------------------------- issues

    private IssueAccount issue(IssueOutcome io, TurnInput input, List<Roll> rolls, List<Effect> applied, GameState after,
                               boolean overridden) {
        String id = io.issueId();
        List<String> sentences = new ArrayList<>();
        // Only the findings behind what the team is told: the outcome's own tags would betray the other side's misreadings.
        Set<String> findings = new LinkedHashSet<>();
        Order own = input.of(side).on(id);
        Move ownMove = io.move(side);
        Move otherMove = io.move(other);
        sentences.add("You (" + label(side) + ") " + Names.did(ownMove) + (own.redLine() ? ", with a red line declared" : "")
                + "; " + label(other) + " " + Names.did(otherMove) + ".");
        Move asYouRead = side == Side.WASHINGTON ? io.moscowMoveAsReadByWashington() : io.washingtonMoveAsReadByMoscow();
        List<Roll> told = new ArrayList<>();
        if (!overridden && asYouRead != null && asYouRead != otherMove) {
            Optional<Roll> misread = find(rolls, RollKind.misperceptionOf(other), id);
            misread.ifPresent(told::add);
            sentences.add("Your team read " + label(other) + "'s " + word(otherMove) + " as " + article(asYouRead)
                    + ", harsher than it was" + rolled(misread) + ".");
        }
        if (!overridden) {
            Optional<Roll> talks = find(rolls, RollKind.AGREEMENT, id);
            talks.ifPresent(told::add);
            matrix(io, ownMove, otherMove, talks).ifPresent(sentences::add);
            find(rolls, RollKind.spoilersOf(side), id).filter(Roll::success).ifPresent(r -> {
                told.add(r);
                sentences.add("Officials and proxies carried out your " + word(ownMove) + " only in part" + rolled(Optional.of(r)) + ".");
            });
            find(rolls, RollKind.PROXY_INCIDENT_ISSUE, id).ifPresent(r -> {
                Optional<Roll> incident = find(rolls, RollKind.PROXY_INCIDENT, null);
                incident.ifPresent(told::add);
                sentences.add("A proxy incident flared here" + rolled(incident) + ", raising tension and breaking off any talks.");
            });
            find(rolls, RollKind.AGREEMENT_LAPSE, id).ifPresent(r -> {
                told.add(r);
                sentences.add((r.success() ? "The agreement in force lapsed" : "The agreement in force held") + rolled(Optional.of(r)) + ".");
            });
            find(rolls, RollKind.ESCALATION, id).ifPresent(r -> {
                told.add(r);
                sentences.add((r.success() ? "The crisis escalated to conflict" : "The crisis did not escalate to conflict")
                        + rolled(Optional.of(r)) + ".");
            });
        }
        told.forEach(r -> findings.addAll(r.findings()));
        here(id, applied, findings).ifPresent(sentences::add);
        IssueState now = after.issue(id);
        if (now != null && now.status() != io.before()) {
            sentences.add("The issue went from " + word(io.before()) + " to " + word(now.status()) + ".");
        }
        return new IssueAccount(id, scenario.issue(id).map(Issue::name).orElse(id), sentences, relevant(findings));
    }

    /** What the turn's effects on this issue did to what the team may see: "Here, advantage pressed raised tension by 1.1." */
    private Optional<String> here(String issueId, List<Effect> applied, Set<String> findings) {
        Map<String, Map<String, Double>> byCause = new LinkedHashMap<>();
        for (Effect e : applied) {
            if (issueId.equals(e.issueId()) && Names.visibleTo(e.variable(), side) && !Double.isNaN(delta(e))
                    && !e.variable().startsWith("issue.") && !e.variable().startsWith("agreement.")) {
                byCause.computeIfAbsent(causeWords(e), c -> new LinkedHashMap<>())
                        .merge(Names.midSentence(Names.of(scenario, e.variable(), side)), delta(e), Double::sum);
                findings.addAll(e.findings());
            }
        }
        List<String> parts = new ArrayList<>();
        byCause.forEach((cause, moved) -> {
            Set<String> what = new LinkedHashSet<>();
            moved.forEach((name, d) -> {
                if (Math.abs(d) >= 0.05) {
                    what.add((d > 0 ? "raised " : "lowered ") + name + String.format(Locale.ROOT, " by %.1f", Math.abs(d)));
                }
            });
            if (!what.isEmpty()) {
                parts.add("“" + cause + "” " + list(what));
            }
        });
        return parts.isEmpty() ? Optional.empty() : Optional.of("Here, " + String.join("; ", parts) + ".");
    }

    /**
     * What the two moves amounted to on the issue matrix (mechanism 1), with the talks' roll when there
     * was one; nothing where the sentence on the moves already says it all.
     */
    private Optional<String> matrix(IssueOutcome io, Move own, Move theirs, Optional<Roll> talks) {
        if (talks.isPresent()) {
            Roll r = talks.get();
            return Optional.of("Both sides reached out: talks had " + chance(r.odds()) + rolled(talks) + "; "
                    + (r.success() ? "an agreement was concluded." : "they failed this turn, and talks go on."));
        }
        if (own.hardline() && theirs.hardline()) {
            return Optional.of("Both played hardline: the spiral raised tension and the sense of threat.");
        }
        if (own.lessHardline() && theirs.lessHardline()) {
            return Optional.of(io.before() == org.hotline.scenario.IssueStatus.AGREEMENT
                    ? "Both reached out on an issue already settled: the agreement was reaffirmed."
                    : "Both reached out, but one side read the other's step as posturing: no agreement was possible this turn.");
        }
        return Optional.empty();
    }

    private static String article(Move move) {
        String w = word(move);
        return ("aeiou".indexOf(w.charAt(0)) >= 0 ? "an " : "a ") + w;
    }

    /** Case studies (CS1-CS4) are cited only in their own scenario. */
    private List<String> relevant(Set<String> findings) {
        return findings.stream().filter(f -> !f.startsWith("CS") || scenario.caseStudy().filter(f::equals).isPresent()).toList();
    }

    /**
     * The rolls a team may know of: the ones whose result everyone sees (talks, lapses, escalation,
     * proxy incidents), its own reading of the other's moves, its own spoilers, and — for the weaker
     * side — whether it read the stronger side's concessions as weakness (its own estimate of resolve).
     */
    private boolean visible(Roll roll) {
        RollKind kind = roll.purpose();
        return switch (kind) {
            case AGREEMENT, AGREEMENT_LAPSE, ESCALATION, PROXY_INCIDENT, PROXY_INCIDENT_ISSUE -> true;
            case MISPERCEPTION_OF_WASHINGTON, MISPERCEPTION_OF_MOSCOW -> kind == RollKind.misperceptionOf(other);
            case SPOILERS_WASHINGTON, SPOILERS_MOSCOW -> kind == RollKind.spoilersOf(side);
            case EMBOLDENING -> !side.stronger();
        };
    }

    private static Optional<Roll> find(List<Roll> rolls, RollKind kind, String issueId) {
        return rolls.stream().filter(r -> r.purpose() == kind && Objects.equals(issueId, r.issueId())).findFirst();
    }

    /** " (roll 0.12 under a 0.18 chance)" or " (roll 0.52, above a 0.18 chance)". */
    private static String rolled(Optional<Roll> roll) {
        return roll.map(r -> String.format(Locale.ROOT, r.success() ? " (roll %.2f under a %.2f chance)" : " (roll %.2f, above a %.2f chance)",
                r.draw(), r.odds())).orElse("");
    }

    /** Odds as people say them. */
    static String chance(double odds) {
        if (odds >= 0.95) {
            return "an almost certain chance";
        }
        if (odds <= 0.05) {
            return "almost no chance";
        }
        int[][] words = {{1, 10}, {1, 5}, {1, 4}, {1, 3}, {2, 5}, {1, 2}, {3, 5}, {2, 3}, {3, 4}, {4, 5}, {9, 10}};
        int[] best = words[0];
        for (int[] w : words) {
            if (Math.abs((double) w[0] / w[1] - odds) < Math.abs((double) best[0] / best[1] - odds)) {
                best = w;
            }
        }
        String[] names = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return best[0] == 1 && best[1] == 2 ? "about an even chance" : "about a " + names[best[0]] + "-in-" + names[best[1]] + " chance";
    }

    // ---------------------------------------------------------------- deals

    private Deal deal(Proposal p, Outcome outcome) {
        Side proposer = p.from();
        Side accepter = proposer.other();
        String terms = String.join("; ", List.of(terms(proposer, p.offered()), terms(accepter, p.requested())).stream()
                .filter(t -> !t.isEmpty()).toList());
        List<String> brokenBy = new ArrayList<>();
        String kept = part(proposer, p.offered(), outcome, brokenBy) + " " + part(accepter, p.requested(), outcome, brokenBy);
        String who = proposer == side ? "You proposed and " + label(accepter) + " accepted" : label(proposer) + " proposed and you accepted";
        String verdict = brokenBy.isEmpty() ? "The deal was honoured." : "The deal was broken.";
        return new Deal(p.id(), who + ": " + terms + ". " + kept + " " + verdict, brokenBy.isEmpty());
    }

    private String terms(Side by, Map<String, Move> moves) {
        if (moves == null || moves.isEmpty()) {
            return "";
        }
        return (by == side ? "you" : label(by)) + " would play " + String.join(", ", moves.entrySet().stream()
                .map(e -> word(e.getValue()) + " on " + issueName(e.getKey())).toList());
    }

    private String part(Side by, Map<String, Move> promised, Outcome outcome, List<String> brokenBy) {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, Move> e : promised == null ? Map.<String, Move>of().entrySet() : promised.entrySet()) {
            Move played = outcome.issues().stream().filter(i -> i.issueId().equals(e.getKey())).map(i -> i.move(by)).findFirst()
                    .orElse(Move.HOLD);
            if (played != e.getValue()) {
                broken.add("on " + issueName(e.getKey()) + " " + (by == side ? "you" : "it") + " played " + word(played) + ", not "
                        + word(e.getValue()));
            }
        }
        String who = by == side ? "You" : label(by);
        if (broken.isEmpty()) {
            return who + (by == side ? " kept your part." : " kept its part.");
        }
        brokenBy.add(by.name());
        return who + (by == side ? " did not keep your part: " : " did not keep its part: ") + String.join("; ", broken) + ".";
    }

    // ---------------------------------------------------------------- changes

    /** Each visible variable once (tension first): from its value before the first effect to its value after the last, with the causes. */
    private List<Change> changes(List<Effect> applied) {
        Map<String, List<Effect>> byVariable = new LinkedHashMap<>();
        byVariable.put("tension", new ArrayList<>());
        for (Effect effect : applied) {
            // Issue status and agreements are told in the issue's own paragraph, the war in overall.
            String v = effect.variable();
            if (Names.visibleTo(v, side) && !v.startsWith("issue.") && !v.startsWith("agreement.") && !v.equals("conflict")) {
                byVariable.computeIfAbsent(v, k -> new ArrayList<>()).add(effect);
            }
        }
        byVariable.values().removeIf(List::isEmpty);
        List<Change> changes = new ArrayList<>();
        byVariable.forEach((variable, effects) -> changes.add(change(variable, effects)));
        return changes;
    }

    private Change change(String variable, List<Effect> effects) {
        String from = effects.get(0).before();
        String to = effects.get(effects.size() - 1).after();
        String name = Names.of(scenario, variable, side);
        Set<String> findings = new LinkedHashSet<>();
        // Causes in the order they first acted, each with its net push and the issues it acted on.
        Map<String, double[]> push = new LinkedHashMap<>();
        Map<String, Set<String>> where = new LinkedHashMap<>();
        for (Effect e : effects) {
            String cause = causeWords(e);
            push.computeIfAbsent(cause, c -> new double[1])[0] += delta(e);
            if (e.issueId() != null) {
                where.computeIfAbsent(cause, c -> new LinkedHashSet<>()).add(issueName(e.issueId()));
            }
            findings.addAll(e.findings());
        }
        // The largest push first.
        List<String> causes = push.entrySet().stream()
                .sorted(java.util.Comparator.comparingDouble(c -> Double.isNaN(c.getValue()[0]) ? 0 : -Math.abs(c.getValue()[0])))
                .map(c -> {
                    String on = where.containsKey(c.getKey()) ? " on " + list(where.get(c.getKey())) : "";
                    double d = c.getValue()[0];
                    return c.getKey() + on + (Double.isNaN(d) ? "" : String.format(Locale.ROOT, " (%s%.1f)", d >= 0 ? "+" : "−", Math.abs(d)));
                }).toList();
        Optional<double[]> numbers = numbers(from, to);
        String text;
        Boolean better = null;
        if (numbers.isPresent()) {
            double a = numbers.get()[0];
            double b = numbers.get()[1];
            String verb = Math.abs(b - a) < 0.05 ? "ended where it began, at" : b > a ? "rose from" : "fell from";
            text = name + " " + verb + " " + one(a) + (Math.abs(b - a) < 0.05 ? "" : " to " + one(b));
            Boolean riseIsGood = Names.riseIsGood(variable);
            better = riseIsGood == null || Math.abs(b - a) < 0.05 ? null : (b > a) == riseIsGood;
            from = one(a);
            to = one(b);
        } else {
            text = name + ": " + Names.value(from) + " → " + Names.value(to);
            from = Names.value(from);
            to = Names.value(to);
        }
        return new Change(variable, name, from, to, better, text + ", because of " + String.join("; ", causes) + ".", relevant(findings));
    }

    private static String causeWords(Effect e) {
        Optional<EffectCause> cause = EffectCause.of(e);
        if (cause.isEmpty()) {
            return e.reason();
        }
        if (cause.get() == EffectCause.INJECT) {
            String title = e.reason().substring("inject: ".length());
            return title.equals("Facilitator's decision") ? "the facilitator's decision" : "the event “" + title + "”";
        }
        return cause.get().text();
    }

    private static double delta(Effect e) {
        return numbers(e.before(), e.after()).map(n -> n[1] - n[0]).orElse(Double.NaN);
    }

    private static Optional<double[]> numbers(String before, String after) {
        try {
            return Optional.of(new double[] {Double.parseDouble(before), Double.parseDouble(after)});
        } catch (NumberFormatException | NullPointerException notNumbers) {
            return Optional.empty();
        }
    }

    /** "a, b and c". */
    private static String list(Set<String> names) {
        List<String> all = List.copyOf(names);
        return all.size() == 1 ? all.get(0) : String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    // ---------------------------------------------------------------- words

    private String label(Side s) {
        return scenario.label(s);
    }

    /** An issue's name inside a sentence ("on a settlement in Ukraine", not "on A settlement in Ukraine"). */
    private String issueName(String issueId) {
        return Names.inSentence(scenario.issue(issueId).map(Issue::name).orElse(issueId));
    }

    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
