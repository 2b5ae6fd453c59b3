package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.exercise.internal.Table.MOSCOW;
import static org.hotline.exercise.internal.Table.NOTETAKER;
import static org.hotline.exercise.internal.Table.OBSERVER;
import static org.hotline.exercise.internal.Table.WASHINGTON;
import static org.hotline.exercise.internal.Table.WASHINGTON_2;
import static org.hotline.exercise.internal.Table.FACILITATOR;
import static org.hotline.exercise.internal.Table.types;

import java.util.List;
import java.util.Map;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.Command.Control;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Mode;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/** Given/when/then: what teams and the notetaker may do, and every refusal they get (no Spring, no wire). */
class TeamRulesTest {

    private static Table deliberating() {
        return Table.seated(Mode.AUTOMATIC).given(FACILITATOR, new Control.Start(), new Control.Advance());
    }

    @Test
    void teamChatGoesToTheTeamAsSentAndDiplomacyToBoth() {
        Table t = deliberating();
        ExerciseEvent chat = t.when(WASHINGTON, new Command.ChatTeam("  hold the line ")).get(0);
        assertThat(chat.channel()).isEqualTo(Channel.TEAM_WASHINGTON);
        assertThat(chat.payload()).isEqualTo(new EventPayload.TeamChat(Side.WASHINGTON, "p-w1", "Walt", "  hold the line "));
        assertThat(t.when(MOSCOW, new Command.ChatDiplomacy("talk?")).get(0).channel()).isEqualTo(Channel.DIPLOMACY);
    }

    @Test
    void chatIsRefusedToOtherRolesBlankOrTooLong() {
        Table t = deliberating();
        t.refused(OBSERVER, new Command.ChatTeam("hi"), "FORBIDDEN");
        t.refused(NOTETAKER, new Command.ChatDiplomacy("hi"), "FORBIDDEN");
        t.refused(FACILITATOR, new Command.ChatTeam("hi"), "FORBIDDEN");
        t.refused(WASHINGTON, new Command.ChatTeam(" "), "INVALID");
        t.refused(WASHINGTON, new Command.ChatTeam("x".repeat(2001)), "INVALID");
    }

    @Test
    void aDraftLineIsSharedByTheTeamAndANullMoveRemovesIt() {
        Table t = deliberating();
        t.when(WASHINGTON, new Command.DraftLine("arms", "NEGOTIATE", false, "verification"));
        EventPayload.DraftChanged changed = t.when(WASHINGTON_2, new Command.DraftLine("arms", "PRESS", true, null)).get(0)
                .payload(EventPayload.DraftChanged.class);
        assertThat(changed.change()).isEqualTo(new EventPayload.DraftChange("arms", Move.PRESS, Move.NEGOTIATE));
        assertThat(changed.line()).isEqualTo(new EventPayload.DraftEntry("arms", Move.PRESS, true, "", "Wren"));
        assertThat(changed.draft()).as("the event carries the changed line, not the whole draft").isNull();
        assertThat(t.state.drafts.get(Side.WASHINGTON)).containsOnlyKeys("arms");
        EventPayload.DraftChanged removed = t.when(WASHINGTON, new Command.DraftLine("arms", null, null, null)).get(0)
                .payload(EventPayload.DraftChanged.class);
        assertThat(removed.line()).isNull();
        assertThat(t.state.drafts.get(Side.WASHINGTON)).isEmpty();
    }

    @Test
    void draftsReplayFromTheirLinesAndAnOlderLogsWholeDraftStillReads() {
        Table t = deliberating();
        t.when(WASHINGTON, new Command.DraftLine("arms", "NEGOTIATE", false, "talks"));
        t.when(WASHINGTON_2, new Command.DraftLine("trade", "HOLD", false, null));
        t.when(WASHINGTON, new Command.DraftLine("berlin", "NEGOTIATE", true, "access"));
        t.when(WASHINGTON_2, new Command.DraftLine("arms", "PRESS", false, "pressure"));
        t.when(WASHINGTON, new Command.DraftLine("trade", null, null, null));
        assertThat(t.state.drafts.get(Side.WASHINGTON)).containsOnlyKeys("arms", "berlin");
        assertThat(Table.json(t.replayed())).isEqualTo(Table.json(t.state));

        // An event as servers wrote it before: the whole draft, which replaces the team's copy.
        ExerciseEvent last = t.log.get(t.log.size() - 1);
        EventPayload.DraftEntry only = new EventPayload.DraftEntry("naval", Move.HOLD, false, "", "Walt");
        ExerciseState state = t.replayed();
        new Projector().apply(state, last.with(last.exerciseId(), new EventPayload.DraftChanged(Side.WASHINGTON, "p-w1", "Walt",
                new EventPayload.DraftChange("naval", Move.HOLD, null), null, Map.of("naval", only))));
        assertThat(state.drafts.get(Side.WASHINGTON)).containsExactly(Map.entry("naval", only));
    }

    @Test
    void aDraftNamesAKnownIssueAndMoveInAnOpenPhase() {
        Table t = Table.seated(Mode.AUTOMATIC);
        t.refused(WASHINGTON, new Command.DraftLine("arms", "NEGOTIATE", false, ""), "WRONG_PHASE");
        t.given(FACILITATOR, new Control.Start());
        t.refused(WASHINGTON, new Command.DraftLine("atlantis", "NEGOTIATE", false, ""), "UNKNOWN_ISSUE");
        t.refused(WASHINGTON, new Command.DraftLine("arms", "SURRENDER", false, ""), "UNKNOWN_MOVE");
        t.refused(WASHINGTON, new Command.DraftLine("arms", "NEGOTIATE", false, "x".repeat(2001)), "INVALID");
        t.refused(NOTETAKER, new Command.DraftLine("arms", "NEGOTIATE", false, ""), "FORBIDDEN");
    }

    @Test
    void domesticPoliticsWithholdConcessionsWhenSupportIsLow() {
        Table t = deliberating();
        t.given(FACILITATOR, new Control.ReleaseInject(null, new Command.AdHocInject("Backlash", "Congress revolts", "ALL",
                List.of(new Command.StateChange("washington.domesticSupport", null, "5")))));
        assertThat(t.last(EventPayload.StateSide.class).withheld()).isEmpty();
        EventPayload.StateSide washington = t.whole().stream().map(ExerciseEvent::payload).filter(EventPayload.StateSide.class::isInstance)
                .map(EventPayload.StateSide.class::cast).filter(s -> s.side() == Side.WASHINGTON).reduce((a, b) -> b).orElseThrow();
        assertThat(washington.withheld()).extracting(o -> o.move()).contains(Move.CONCEDE, Move.DRAWDOWN, Move.ACQUIESCE);
        t.refused(WASHINGTON, new Command.DraftLine("arms", "CONCEDE", false, ""), "MOVE_WITHHELD");
        t.when(MOSCOW, new Command.DraftLine("arms", "CONCEDE", false, ""));
    }

    @Test
    void ordersAreSealedFromTheDraftOnceAndBothSealedAdjudicates() {
        Table t = deliberating();
        t.given(WASHINGTON, new Command.DraftLine("arms", "NEGOTIATE", false, "talks"));
        t.refused(WASHINGTON, new Command.SubmitOrders(), "WRONG_PHASE");
        t.given(FACILITATOR, new Control.Advance());
        List<ExerciseEvent> sealed = t.when(WASHINGTON, new Command.SubmitOrders());
        assertThat(types(sealed)).containsExactly(EventType.ORDERS_SUBMITTED, EventType.ORDERS_SEALED);
        assertThat(sealed.get(0).channel()).isEqualTo(Channel.TEAM_WASHINGTON);
        assertThat(sealed.get(1).payload()).isEqualTo(new EventPayload.OrdersSealed(Side.WASHINGTON));
        t.refused(WASHINGTON_2, new Command.SubmitOrders(), "SEALED");
        t.refused(WASHINGTON_2, new Command.DraftLine("trade", "NEGOTIATE", false, ""), "SEALED");
        List<ExerciseEvent> both = t.when(MOSCOW, new Command.SubmitOrders());
        assertThat(types(both)).contains(EventType.ADJUDICATION_DRAFTED, EventType.RESULTS_PUBLISHED).endsWith(EventType.PHASE_CHANGED);
        assertThat(t.last(EventPayload.ResultsPublished.class).orders().get(Side.WASHINGTON).get("arms").move()).isEqualTo(Move.NEGOTIATE);
    }

    @Test
    void aProposalIsAnsweredOnceByTheOtherTeamAndAnAcceptedOneGoesToAdjudication() {
        Table t = deliberating();
        String id = t.when(WASHINGTON, Command.ProposalAction.propose(Map.of("arms", "NEGOTIATE"), Map.of("trade", "NEGOTIATE"),
                "talks for trade")).get(0).payload(EventPayload.ProposalMade.class).proposalId();
        t.refused(WASHINGTON_2, Command.ProposalAction.answer("ACCEPT", id), "WRONG_TEAM");
        t.refused(MOSCOW, Command.ProposalAction.answer("ACCEPT", "P999"), "UNKNOWN_PROPOSAL");
        t.refused(MOSCOW, Command.ProposalAction.answer("SHRUG", id), "INVALID");
        t.when(MOSCOW, Command.ProposalAction.answer("ACCEPT", id));
        t.refused(MOSCOW, Command.ProposalAction.answer("REJECT", id), "UNKNOWN_PROPOSAL");
        t.given(FACILITATOR, new Control.Advance(), new Control.LockOrders());
        assertThat(t.last(EventPayload.AdjudicationDrafted.class).input().accepted()).extracting(p -> p.id()).containsExactly(id);
    }

    @Test
    void aCounterClosesTheOriginalAndABadCounterChangesNothing() {
        Table t = deliberating();
        String id = t.when(WASHINGTON, Command.ProposalAction.propose(Map.of("arms", "NEGOTIATE"), null, "")).get(0)
                .payload(EventPayload.ProposalMade.class).proposalId();
        t.refused(MOSCOW, new Command.ProposalAction("COUNTER", id, Map.of(), Map.of(), "nothing"), "INVALID");
        t.refused(MOSCOW, new Command.ProposalAction("COUNTER", id, Map.of("atlantis", "NEGOTIATE"), null, ""), "UNKNOWN_ISSUE");
        List<ExerciseEvent> counter = t.when(MOSCOW, new Command.ProposalAction("COUNTER", id, Map.of("trade", "NEGOTIATE"), null, ""));
        assertThat(types(counter)).containsExactly(EventType.PROPOSAL_ANSWERED, EventType.PROPOSAL_MADE);
        assertThat(counter.get(1).payload(EventPayload.ProposalMade.class).counterTo()).isEqualTo(id);
        t.refused(WASHINGTON, Command.ProposalAction.propose(null, null, ""), "INVALID");
    }

    @Test
    void notesAreTheStaffsWithAKnownTag() {
        Table t = deliberating();
        ExerciseEvent note = t.when(NOTETAKER, new Command.Note("QUOTE", "We will not blink", "arms")).get(0);
        assertThat(note.channel()).isEqualTo(Channel.STAFF);
        t.when(FACILITATOR, new Command.Note("MOMENT", "Washington hesitates", null));
        t.refused(WASHINGTON, new Command.Note("NOTE", "mine", null), "FORBIDDEN");
        t.refused(NOTETAKER, new Command.Note("GOSSIP", "x", null), "INVALID");
        t.refused(NOTETAKER, new Command.Note("NOTE", "", null), "INVALID");
    }

    @Test
    void aMovedPlayerActsForTheNewTeamAndARemovedOneNotAtAll() {
        Table t = deliberating();
        t.given(FACILITATOR, new Control.MovePlayer("p-w2", "MOSCOW"), new Control.RemovePlayer("p-w1"));
        assertThat(t.when(WASHINGTON_2, new Command.ChatTeam("privet")).get(0).channel()).isEqualTo(Channel.TEAM_MOSCOW);
        t.refused(WASHINGTON, new Command.ChatTeam("still here?"), "FORBIDDEN");
    }
}
