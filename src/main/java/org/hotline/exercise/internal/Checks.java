package org.hotline.exercise.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.GameState;
import org.hotline.engine.MoveOption;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.Member;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/** The checks of a command's fields: each refusal names the field and what it accepts (docs/protocol.md, section 6). */
final class Checks {

    private final Adjudicator engine;
    /** Every free text (chat, arguments, proposals, rationales, summaries): hotline.live.max-chat-chars. */
    private final int maxText;

    Checks(Adjudicator engine, int maxText) {
        this.engine = engine;
        this.maxText = maxText;
    }

    String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new CommandRejected("INVALID", field + ": required");
        }
        return optionalText(field, text);
    }

    /** A text that may be left out (empty), within the limit. */
    String optionalText(String field, String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > maxText) {
            throw new CommandRejected("INVALID", field + ": at most " + maxText + " characters");
        }
        return stripped;
    }

    void requireAllowed(Scenario scenario, GameState state, Side side, String issueId, Move move) {
        for (MoveOption option : engine.options(scenario, state, side)) {
            if (option.issueId().equals(issueId) && option.move() == move && !option.allowed()) {
                throw new CommandRejected("MOVE_WITHHELD", move + " on " + issueId + " is withheld from your team now: "
                        + option.reason());
            }
        }
    }

    static Issue issue(Scenario scenario, String issueId) {
        return scenario.issue(issueId == null ? "" : issueId)
                .orElseThrow(() -> new CommandRejected("UNKNOWN_ISSUE", "No issue '" + issueId + "' in this scenario"));
    }

    static Move move(Scenario scenario, String name) {
        Move move;
        try {
            move = Move.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("UNKNOWN_MOVE", "No move '" + name + "'; moves are " + List.of(Move.values()));
        }
        if (!scenario.allowedMoves().contains(move)) {
            throw new CommandRejected("UNKNOWN_MOVE", "Move " + move + " is not used in this scenario");
        }
        return move;
    }

    /** Moves by issue id, each issue and move known to the scenario. */
    static Map<String, Move> moves(Scenario scenario, Map<String, String> raw) {
        Map<String, Move> moves = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((issueId, move) -> moves.put(issue(scenario, issueId).id(), move(scenario, move)));
        }
        return moves;
    }

    static Side side(String name) {
        try {
            return Side.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", "side: WASHINGTON or MOSCOW");
        }
    }

    static Member member(ExerciseState s, String playerId) {
        Member member = playerId == null ? null : s.members.get(playerId);
        if (member == null || member.removed()) {
            throw new CommandRejected("UNKNOWN_PLAYER", "No player '" + playerId + "' in this exercise");
        }
        return member;
    }

    /** The facilitator's account per issue: known issue ids, texts within the limit. */
    Map<String, String> byIssue(Scenario scenario, Map<String, String> byIssue) {
        if (byIssue == null) {
            return Map.of();
        }
        Map<String, String> checked = new LinkedHashMap<>();
        byIssue.forEach((issueId, text) -> checked.put(issue(scenario, issueId).id(), requireText("byIssue." + issueId, text)));
        return checked;
    }

    List<Inject.Change> changes(List<Command.StateChange> changes) {
        if (changes == null) {
            return List.of();
        }
        return changes.stream().map(c -> new Inject.Change(requireText("changes.variable", c.variable()), c.delta(), c.set())).toList();
    }

    /** The engine refuses a change it cannot apply (an unknown variable, a value out of range) with a reason. */
    static <T> T engineCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", e.getMessage());
        }
    }
}
