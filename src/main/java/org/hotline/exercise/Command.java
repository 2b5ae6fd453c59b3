package org.hotline.exercise;

import java.util.List;
import java.util.Map;

/**
 * Commands clients send (docs/protocol.md, section 3). Moves and sides arrive as text so that an
 * unknown one gets its own error rather than a parse failure.
 */
public sealed interface Command {

    record ChatTeam(String text) implements Command {
    }

    record ChatDiplomacy(String text) implements Command {
    }

    /** One line of the team's shared draft; a null move removes the line. */
    record DraftLine(String issueId, String move, Boolean redLine, String argument) implements Command {
    }

    record SubmitOrders() implements Command {
    }

    record ProposalAction(String action, String proposalId, Map<String, String> offered,
                          Map<String, String> requested, String text) implements Command {
    }

    record Note(String tag, String text, String decision) implements Command {
    }

    /** A facilitator command; which fields count depends on the type (protocol.md, commands table). */
    record Control(String type, Integer seconds, String injectId, AdHocInject inject, String side, String issueId,
                   Integer rating, String rationale, String summary, Map<String, String> byIssue,
                   List<StateChange> changes, String playerId, String reason) implements Command {
    }

    record AdHocInject(String title, String text, String audience, List<StateChange> changes) {
    }

    /** A change to one state variable, as scenario injects write them (delta or set). */
    record StateChange(String variable, Double delta, String set) {
    }
}
