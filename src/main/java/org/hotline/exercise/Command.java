package org.hotline.exercise;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * Commands clients send (docs/protocol.md, section 3); {@link CommandType} says who may send each and
 * when. Moves, sides and tags arrive as text so that an unknown one gets its own error rather than a
 * parse failure.
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

    /** Withdraws the team's sealed orders (before the deadline or the lock) so that it may draft again. */
    record UnsealOrders() implements Command {
    }

    /** action: PROPOSE (offered, requested, text), or ACCEPT, REJECT, COUNTER of proposalId (a counter has terms too). */
    record ProposalAction(String action, String proposalId, Map<String, String> offered,
                          Map<String, String> requested, String text) implements Command {

        public static ProposalAction propose(Map<String, String> offered, Map<String, String> requested, String text) {
            return new ProposalAction("PROPOSE", null, offered, requested, text);
        }

        public static ProposalAction answer(String action, String proposalId) {
            return new ProposalAction(action, proposalId, null, null, null);
        }
    }

    /** tag: NOTE, MOMENT or QUOTE. */
    record Note(String tag, String text, String decision) implements Command {
    }

    /** The facilitator's commands, sent to one destination; "type" names which (protocol.md, commands table). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Control.Start.class, name = "START"),
        @JsonSubTypes.Type(value = Control.Advance.class, name = "ADVANCE"),
        @JsonSubTypes.Type(value = Control.Cut.class, name = "CUT"),
        @JsonSubTypes.Type(value = Control.Pause.class, name = "PAUSE"),
        @JsonSubTypes.Type(value = Control.Resume.class, name = "RESUME"),
        @JsonSubTypes.Type(value = Control.Extend.class, name = "EXTEND"),
        @JsonSubTypes.Type(value = Control.ReleaseInject.class, name = "RELEASE_INJECT"),
        @JsonSubTypes.Type(value = Control.LockOrders.class, name = "LOCK_ORDERS"),
        @JsonSubTypes.Type(value = Control.RateArgument.class, name = "RATE_ARGUMENT"),
        @JsonSubTypes.Type(value = Control.Decide.class, names = {"APPROVE", "EDIT", "OVERRIDE"}),
        @JsonSubTypes.Type(value = Control.RemovePlayer.class, name = "REMOVE_PLAYER"),
        @JsonSubTypes.Type(value = Control.MovePlayer.class, name = "MOVE_PLAYER"),
        @JsonSubTypes.Type(value = Control.End.class, name = "END")
    })
    sealed interface Control extends Command {

        /** The wire name of this command, its {@link CommandType}. */
        @JsonProperty("type")
        default String type() {
            return CommandType.of(this).name();
        }

        record Start() implements Control {
        }

        /** Ends the phase now, as its deadline would. */
        record Advance() implements Control {
        }

        /** Ends a timed phase early. */
        record Cut() implements Control {
        }

        record Pause() implements Control {
        }

        record Resume() implements Control {
        }

        record Extend(Integer seconds) implements Control {
        }

        /** A scenario inject by id, or an ad-hoc one. */
        record ReleaseInject(String injectId, AdHocInject inject) implements Control {
        }

        record LockOrders() implements Control {
        }

        /** rating: -2 to 2 (REVIEWED and FREE modes). */
        record RateArgument(String side, String issueId, Integer rating) implements Control {
        }

        /**
         * The facilitator's last word on a turn: type APPROVE (the engine's result), EDIT (the engine's
         * result amended) or OVERRIDE (the facilitator's own, written on the state before adjudication).
         */
        record Decide(String type, String rationale, String summary, Map<String, String> byIssue,
                      List<StateChange> changes) implements Control {

            public static Decide approve(String rationale) {
                return new Decide("APPROVE", rationale, null, null, null);
            }
        }

        record RemovePlayer(String playerId) implements Control {
        }

        /** side: the team the player moves to. */
        record MovePlayer(String playerId, String side) implements Control {
        }

        record End(String reason) implements Control {
        }
    }

    record AdHocInject(String title, String text, String audience, List<StateChange> changes) {
    }

    /** A change to one state variable, as scenario injects write them (delta or set). */
    record StateChange(String variable, Double delta, String set) {
    }
}
