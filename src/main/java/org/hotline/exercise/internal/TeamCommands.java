package org.hotline.exercise.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventPayload.DraftEntry;
import org.hotline.exercise.Member;
import org.hotline.exercise.TurnInputs;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/** What teams do: talk, draft their orders together, seal them, trade proposals; and the notetaker's notes. */
final class TeamCommands {

    private final Checks checks;
    private final TurnFlow flow;

    TeamCommands(Checks checks, TurnFlow flow) {
        this.checks = checks;
        this.flow = flow;
    }

    void chat(Batch b, Actor actor, Command.ChatTeam chat) {
        Side side = side(b, actor);
        b.emit(Channel.team(side), new EventPayload.TeamChat(side, actor.playerId(), actor.name(), checks.requireText("text", chat.text())));
    }

    void chat(Batch b, Actor actor, Command.ChatDiplomacy chat) {
        Side side = side(b, actor);
        b.emit(Channel.DIPLOMACY, new EventPayload.DiplomaticChat(side, actor.playerId(), actor.name(),
                checks.requireText("text", chat.text())));
    }

    void draftLine(Batch b, Scenario scenario, Actor actor, Command.DraftLine line) {
        ExerciseState s = b.state();
        Side side = side(b, actor);
        if (s.sealed.containsKey(side)) {
            throw new CommandRejected("SEALED", "Your team's orders are submitted and sealed until Results");
        }
        Issue issue = Checks.issue(scenario, line.issueId());
        Map<String, DraftEntry> draft = new LinkedHashMap<>(s.drafts.getOrDefault(side, Map.of()));
        DraftEntry previous = draft.get(issue.id());
        Move move = line.move() == null ? null : Checks.move(scenario, line.move());
        DraftEntry changed = null;
        if (move == null) {
            draft.remove(issue.id());
        } else {
            checks.requireAllowed(scenario, s.game, side, issue.id(), move);
            String argument = checks.optionalText("argument", line.argument());
            changed = new DraftEntry(issue.id(), move, Boolean.TRUE.equals(line.redLine()), argument, actor.name());
            draft.put(issue.id(), changed);
        }
        long moving = draft.values().stream().filter(e -> e.move() != Move.HOLD).count();
        if (scenario.issuesPerTurn() > 0 && moving > scenario.issuesPerTurn()) {
            throw new CommandRejected("INVALID", "This scenario allows moves on at most " + scenario.issuesPerTurn()
                    + " issues per turn; set another issue to HOLD first");
        }
        b.emit(Channel.team(side), new EventPayload.DraftChanged(side, actor.playerId(), actor.name(),
                new EventPayload.DraftChange(issue.id(), move, previous == null ? null : previous.move()), changed, null));
    }

    void submit(Batch b, Scenario scenario, Actor actor) {
        ExerciseState s = b.state();
        Side side = side(b, actor);
        if (s.sealed.containsKey(side)) {
            throw new CommandRejected("SEALED", "Your team's orders are already submitted this turn");
        }
        Map<String, Order> byIssue = new LinkedHashMap<>();
        for (DraftEntry entry : s.drafts.getOrDefault(side, Map.of()).values()) {
            // An inject may have changed what the team may do since the line was drafted.
            checks.requireAllowed(scenario, s.game, side, entry.issueId(), entry.move());
            byIssue.put(entry.issueId(), new Order(entry.issueId(), entry.move(), entry.redLine(), entry.argument()));
        }
        b.emit(Channel.team(side), new EventPayload.OrdersSubmitted(side, actor.playerId(), actor.name(), new Orders(side, byIssue)));
        b.emit(Channel.PUBLIC, new EventPayload.OrdersSealed(side));
        if (s.sealed.size() == Side.values().length) {
            flow.lock(b, scenario, "both teams sealed their orders");
        }
    }

    /** Sealed orders may be withdrawn while the orders phase is open (CommandType's table); the draft is kept. */
    void unseal(Batch b, Actor actor) {
        Side side = side(b, actor);
        if (!b.state().sealed.containsKey(side)) {
            throw new CommandRejected("NOT_SEALED", "Your team has no sealed orders this turn to withdraw");
        }
        b.emit(Channel.PUBLIC, new EventPayload.OrdersUnsealed(side, actor.playerId(), actor.name()));
    }

    void proposal(Batch b, Scenario scenario, Actor actor, Command.ProposalAction command) {
        ExerciseState s = b.state();
        Side side = side(b, actor);
        String action = command.action() == null ? "" : command.action();
        switch (action) {
            case "PROPOSE" -> propose(b, scenario, actor, side, command, null);
            case "ACCEPT", "REJECT", "COUNTER" -> {
                TurnInputs.Proposed open = s.proposals.get(command.proposalId());
                if (open == null || !open.open()) {
                    throw new CommandRejected("UNKNOWN_PROPOSAL", "No open proposal '" + command.proposalId() + "' this turn");
                }
                if (open.from() == side) {
                    throw new CommandRejected("WRONG_TEAM", "Only the other team may answer your team's proposal");
                }
                String answer = switch (action) {
                    case "ACCEPT" -> "ACCEPTED";
                    case "REJECT" -> "REJECTED";
                    default -> "COUNTERED";
                };
                if ("COUNTER".equals(action)) {
                    // Check the counter before closing the original, so a bad counter changes nothing.
                    terms(scenario, command);
                }
                b.emit(Channel.DIPLOMACY, new EventPayload.ProposalAnswered(open.id(), answer, side, actor.name()));
                if ("COUNTER".equals(action)) {
                    propose(b, scenario, actor, side, command, open.id());
                }
            }
            default -> throw new CommandRejected("INVALID", "action: one of PROPOSE, ACCEPT, REJECT, COUNTER");
        }
    }

    private void propose(Batch b, Scenario scenario, Actor actor, Side side, Command.ProposalAction command, String counterTo) {
        List<Map<String, Move>> terms = terms(scenario, command);
        // A team cannot offer what its own politics withhold (the rival's limits are not its to know).
        terms.get(0).forEach((issueId, move) -> checks.requireAllowed(scenario, b.state().game, side, issueId, move));
        String text = checks.optionalText("text", command.text());
        b.emit(Channel.DIPLOMACY, new EventPayload.ProposalMade("P" + b.nextSeq(), side, terms.get(0), terms.get(1), text,
                counterTo, actor.name()));
    }

    private static List<Map<String, Move>> terms(Scenario scenario, Command.ProposalAction command) {
        Map<String, Move> offered = Checks.moves(scenario, command.offered());
        Map<String, Move> requested = Checks.moves(scenario, command.requested());
        if (offered.isEmpty() && requested.isEmpty()) {
            throw new CommandRejected("INVALID", "A proposal offers or requests at least one move");
        }
        return List.of(offered, requested);
    }

    void note(Batch b, Actor actor, Command.Note note) {
        String tag = note.tag() == null ? "" : note.tag();
        if (!List.of("NOTE", "MOMENT", "QUOTE").contains(tag)) {
            throw new CommandRejected("INVALID", "tag: one of NOTE, MOMENT, QUOTE");
        }
        b.emit(Channel.STAFF, new EventPayload.NoteAdded(tag, checks.requireText("text", note.text()), note.decision(),
                actor.name(), actor.role()));
    }

    /** The team a player is on now (the facilitator may have moved them since they joined). */
    private static Side side(Batch b, Actor actor) {
        Member member = actor.playerId() == null ? null : b.state().members.get(actor.playerId());
        if (member == null || member.removed() || member.side() == null) {
            throw new CommandRejected("FORBIDDEN", "You are not on this exercise's roster");
        }
        return member.side();
    }
}
