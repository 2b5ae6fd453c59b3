package org.hotline.bots.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.bots.Decision;
import org.hotline.bots.Decision.Line;
import org.hotline.bots.ProposalAnswer;
import org.hotline.bots.Strategy;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.engine.Proposal;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * What every strategy shares: which issues it counts as core (the file's list for the scenario, else
 * the scenario's own), a move per issue that never uses a withheld move, and one rule for proposals.
 */
abstract class Playbook implements Strategy {

    private final StrategySpec spec;
    private final Map<Side, Set<String>> coreFor = new EnumMap<>(Side.class);
    private final boolean acceptsPaidRequests;

    Playbook(StrategySpec spec, Parameters parameters, Scenario scenario) {
        this.spec = spec;
        List<String> listed = parameters.coreIssues(scenario.id());
        for (Side side : Side.values()) {
            coreFor.put(side, new HashSet<>());
        }
        for (Issue issue : scenario.issues()) {
            if (listed == null ? !issue.coreFor().isEmpty() : listed.contains(issue.id())) {
                // an issue the file counts as core but the scenario gives to no side is the weaker side's concern
                Set<Side> sides = issue.coreFor().isEmpty() ? Set.of(Side.MOSCOW) : issue.coreFor();
                sides.forEach(side -> coreFor.get(side).add(issue.id()));
            }
        }
        if (listed != null) {
            for (String id : listed) {
                if (scenario.issue(id).isEmpty()) {
                    throw new IllegalArgumentException("strategies.yaml: strategy '" + spec.id() + "' counts '" + id + "' as core in "
                            + scenario.id() + ", which has no such issue");
                }
            }
        }
        acceptsPaidRequests = parameters.has("acceptsPaidRequests") && parameters.flag("acceptsPaidRequests");
    }

    /** The move on one issue and the rule that chose it (before withheld moves are replaced). */
    abstract Line plan(TeamView view, Issue issue, int index);

    @Override
    public StrategySpec spec() {
        return spec;
    }

    @Override
    public Decision decide(TeamView view) {
        Map<String, Line> lines = new LinkedHashMap<>(view.issues().size() * 2);
        List<Issue> issues = view.issues();
        for (int i = 0; i < issues.size(); i++) {
            Line planned = plan(view, issues.get(i), i);
            lines.put(planned.issueId(), permitted(view, planned));
        }
        return new Decision(view.side(), spec.id(), spec.argument(), lines);
    }

    @Override
    public Optional<Proposal> propose(TeamView view) {
        return Optional.empty();
    }

    /**
     * Accepts a request it would make anyway, or one paid for by an offer on one of its own core
     * issues (where its parameters say so); counters with the acceptable part; rejects otherwise.
     */
    @Override
    public ProposalAnswer answer(TeamView view, Proposal proposal) {
        for (Map.Entry<String, Move> offered : proposal.offered().entrySet()) {
            if (offered.getValue().hardline()) {
                return ProposalAnswer.reject("The offer includes " + offered.getValue() + " on " + offered.getKey()
                        + ": pressure is not something we trade for.");
            }
        }
        String paidBy = acceptsPaidRequests ? paidBy(view, proposal) : null;
        Decision plan = decide(view);
        Map<String, Move> acceptable = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, Move> request : proposal.requested().entrySet()) {
            String issueId = request.getKey();
            Move asked = request.getValue();
            Move planned = plan.move(issueId);
            if (!view.allowed(asked)) {
                refusals.add(asked + " on " + issueId + " is withheld from us (" + view.withheld().get(asked) + ")");
            } else if (asked == planned || asked.lessHardline() && planned.lessHardline()) {
                acceptable.put(issueId, asked);
            } else if (paidBy != null && !asked.hardline()) {
                acceptable.put(issueId, asked);
            } else {
                refusals.add("we mean to play " + planned + " on " + issueId + " (" + plan.lines().get(issueId).reason() + ")");
            }
        }
        if (refusals.isEmpty()) {
            return ProposalAnswer.accept(paidBy != null
                    ? "Accepted: the offer on " + paidBy + ", one of our core concerns, pays for what is asked of us."
                    : "Accepted: every move asked of us is one we would make anyway.");
        }
        String why = String.join("; ", refusals);
        if (acceptable.isEmpty() || proposal.offered().isEmpty()) {
            return ProposalAnswer.reject("Rejected: " + why + ".");
        }
        Proposal counter = new Proposal(proposal.id() + "-counter", view.side(), acceptable, proposal.offered());
        return new ProposalAnswer(ProposalAnswer.Kind.COUNTER, counter, "Countered with the part we can do: " + why + ".");
    }

    /** The issue among the offered moves that is core for the answering side, if any. */
    private String paidBy(TeamView view, Proposal proposal) {
        for (Map.Entry<String, Move> offered : proposal.offered().entrySet()) {
            if (offered.getValue().lessHardline() && ownCore(view, offered.getKey())) {
                return offered.getKey();
            }
        }
        return null;
    }

    /** A withheld move is replaced by talks (if it was a less-hardline move) or by holding, and the reason says so. */
    private static Line permitted(TeamView view, Line planned) {
        Move move = planned.move();
        if (view.allowed(move)) {
            return planned;
        }
        Move instead = move.lessHardline() && view.allowed(Move.NEGOTIATE) ? Move.NEGOTIATE : Move.HOLD;
        return new Line(planned.issueId(), instead, planned.reason() + "; " + move + " is withheld (" + view.withheld().get(move)
                + "), so " + instead + " instead");
    }

    boolean rivalCore(TeamView view, String issueId) {
        return coreFor.get(view.rival()).contains(issueId);
    }

    boolean ownCore(TeamView view, String issueId) {
        return coreFor.get(view.side()).contains(issueId);
    }

    boolean core(String issueId) {
        return coreFor.get(Side.WASHINGTON).contains(issueId) || coreFor.get(Side.MOSCOW).contains(issueId);
    }

    static Line line(Issue issue, Move move, String reason) {
        return new Line(issue.id(), move, reason);
    }

    /** A draw in [0, 1) fixed by the view's seed and the issue: the same view always draws the same. */
    static double draw(TeamView view, int index) {
        long z = view.seed() + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
