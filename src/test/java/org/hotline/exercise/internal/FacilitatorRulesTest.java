package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.exercise.internal.Table.FACILITATOR;
import static org.hotline.exercise.internal.Table.MOSCOW;
import static org.hotline.exercise.internal.Table.WASHINGTON;
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
import org.hotline.exercise.Phase;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/** Given/when/then: the facilitator's commands, the turn's phases and the clock, and every refusal (no Spring, no wire). */
class FacilitatorRulesTest {

    private static Table inAdjudication(Mode mode) {
        return Table.seated(mode).given(FACILITATOR, new Control.Start(), new Control.Advance(), new Control.Advance(),
                new Control.LockOrders());
    }

    @Test
    void theTurnRunsThroughItsPhasesAndTheLastResultsEndIt() {
        Table t = Table.seated(Mode.AUTOMATIC);
        t.refused(FACILITATOR, new Control.Cut(), "WRONG_PHASE");
        t.when(FACILITATOR, new Control.Start());
        assertThat(t.state.phase).isEqualTo(Phase.BRIEFING);
        t.refused(FACILITATOR, new Control.Start(), "WRONG_PHASE");
        t.given(FACILITATOR, new Control.Advance());
        assertThat(t.state.phase).isEqualTo(Phase.DELIBERATION);
        t.given(FACILITATOR, new Control.Cut());
        assertThat(t.state.phase).isEqualTo(Phase.ORDERS);
        List<ExerciseEvent> locked = t.when(FACILITATOR, new Control.Advance());
        assertThat(types(locked)).startsWith(EventType.ORDERS_DEFAULTED, EventType.ORDERS_DEFAULTED, EventType.PHASE_CHANGED,
                EventType.ADJUDICATION_DRAFTED, EventType.RESULTS_PUBLISHED);
        assertThat(t.state.phase).isEqualTo(Phase.RESULTS);
        for (int turn = 2; turn <= Table.DETENTE.turns(); turn++) {
            t.given(FACILITATOR, new Control.Advance(), new Control.Advance(), new Control.Advance(), new Control.Advance());
            assertThat(t.state.turn).isEqualTo(turn);
        }
        assertThat(types(t.when(FACILITATOR, new Control.Advance()))).containsExactly(EventType.EXERCISE_ENDED, EventType.PHASE_CHANGED);
        assertThat(t.state.phase).isEqualTo(Phase.ENDED);
        t.refused(FACILITATOR, new Control.Advance(), "WRONG_PHASE");
        t.refused(WASHINGTON, new Command.ChatTeam("anyone?"), "WRONG_PHASE");
        assertThat(Table.json(t.replayed())).isEqualTo(Table.json(t.state));
    }

    @Test
    void theClockPausesResumesExtendsAndItsDeadlineClosesThePhase() {
        Table t = Table.seated(Mode.AUTOMATIC, Map.of(Phase.BRIEFING, 60, Phase.DELIBERATION, 120));
        t.refused(FACILITATOR, new Control.Pause(), "WRONG_PHASE");
        t.given(FACILITATOR, new Control.Start());
        assertThat(t.state.deadline).isEqualTo(t.now + 60_000);
        t.refused(FACILITATOR, new Control.Resume(), "WRONG_PHASE");
        t.now += 20_000;
        EventPayload.ClockChanged paused = t.when(FACILITATOR, new Control.Pause()).get(0).payload(EventPayload.ClockChanged.class);
        assertThat(paused.remainingMillis()).isEqualTo(40_000L);
        t.refused(FACILITATOR, new Control.Pause(), "WRONG_PHASE");
        t.given(FACILITATOR, new Control.Extend(30));
        assertThat(t.state.remainingMillis).isEqualTo(70_000L);
        t.refused(FACILITATOR, new Control.Extend(0), "INVALID");
        t.refused(FACILITATOR, new Control.Extend(null), "INVALID");
        t.given(FACILITATOR, new Control.Resume());
        assertThat(t.state.deadline).isEqualTo(t.now + 70_000);
        List<ExerciseEvent> expired = t.deadlinePasses();
        assertThat(expired.get(0).payload(EventPayload.PhaseChanged.class).reason()).isEqualTo("deadline");
        assertThat(t.state.phase).isEqualTo(Phase.DELIBERATION);
        assertThat(t.state.deadline).isEqualTo(t.now + 120_000);
    }

    @Test
    void injectsGoToTheirAudienceOnceAndAnAdHocOneIsChecked() {
        Table t = Table.seated(Mode.AUTOMATIC);
        t.refused(FACILITATOR, new Control.ReleaseInject("october-war", null), "WRONG_PHASE");
        t.given(FACILITATOR, new Control.Start());
        List<ExerciseEvent> released = t.when(FACILITATOR, new Control.ReleaseInject("october-war", null));
        assertThat(types(released)).startsWith(EventType.INJECT_RELEASED, EventType.STATE_FULL);
        t.refused(FACILITATOR, new Control.ReleaseInject("october-war", null), "UNKNOWN_INJECT");
        t.refused(FACILITATOR, new Control.ReleaseInject("no-such-inject", null), "UNKNOWN_INJECT");
        t.refused(FACILITATOR, new Control.ReleaseInject(null, null), "INVALID");
        t.refused(FACILITATOR, new Control.ReleaseInject(null, new Command.AdHocInject("Leak", "A cable leaks", "EVERYONE", null)),
                "INVALID");
        t.refused(FACILITATOR, new Control.ReleaseInject(null, new Command.AdHocInject("", "A cable leaks", "ALL", null)), "INVALID");
        t.refused(FACILITATOR, new Control.ReleaseInject(null, new Command.AdHocInject("Leak", "A cable leaks", "ALL",
                List.of(new Command.StateChange("moon.phase", 1.0, null)))), "INVALID");
        ExerciseEvent moscowOnly = t.when(FACILITATOR, new Control.ReleaseInject(null, new Command.AdHocInject("Grain", "Harvest fails",
                "MOSCOW", List.of()))).get(0);
        assertThat(moscowOnly.channel()).isEqualTo(Channel.TEAM_MOSCOW);
        assertThat(moscowOnly.channel().audience().name()).isEqualTo("MOSCOW");
        t.refused(WASHINGTON, new Control.ReleaseInject("october-war", null), "FORBIDDEN");
    }

    @Test
    void argumentsAreRatedInReviewedModeAndARatingInAdjudicationRedrafts() {
        Table automatic = inAdjudication(Mode.AUTOMATIC);
        automatic.refused(FACILITATOR, new Control.RateArgument("WASHINGTON", "arms", 1), "WRONG_PHASE");
        Table t = inAdjudication(Mode.REVIEWED);
        assertThat(t.state.phase).isEqualTo(Phase.ADJUDICATION);
        t.refused(FACILITATOR, new Control.RateArgument("WASHINGTON", "arms", 3), "INVALID");
        t.refused(FACILITATOR, new Control.RateArgument("NOWHERE", "arms", 1), "INVALID");
        t.refused(FACILITATOR, new Control.RateArgument("WASHINGTON", "atlantis", 1), "UNKNOWN_ISSUE");
        List<ExerciseEvent> rated = t.when(FACILITATOR, new Control.RateArgument("MOSCOW", "arms", -2));
        assertThat(types(rated)).containsExactly(EventType.ARGUMENT_RATED, EventType.ADJUDICATION_DRAFTED);
        assertThat(rated.get(1).payload(EventPayload.AdjudicationDrafted.class).input().argumentRatings())
                .isEqualTo(Map.of(Side.MOSCOW, Map.of("arms", -2)));
        t.refused(FACILITATOR, new Control.Advance(), "WRONG_PHASE");
    }

    @Test
    void approveKeepsTheEnginesResultEditAmendsItOverrideStartsFromBefore() {
        Table approved = inAdjudication(Mode.REVIEWED);
        approved.refused(FACILITATOR, Control.Decide.approve(" "), "INVALID");
        approved.when(FACILITATOR, Control.Decide.approve("The engine's reading stands"));
        assertThat(approved.last(EventPayload.ResultsPublished.class).decidedBy()).isEqualTo("FACILITATOR");
        assertThat(approved.state.game).isEqualTo(approved.last(EventPayload.AdjudicationDrafted.class).outcome().after());

        Table edited = inAdjudication(Mode.REVIEWED);
        edited.refused(FACILITATOR, new Control.Decide("EDIT", "why", null, null, null), "INVALID");
        edited.refused(FACILITATOR, new Control.Decide("EDIT", "why", "what", Map.of("atlantis", "x"), null), "UNKNOWN_ISSUE");
        edited.when(FACILITATOR, new Control.Decide("EDIT", "The room judged talks stalled", "Talks stall", Map.of("arms", "Stalled"),
                List.of(new Command.StateChange("tension", 5.0, null))));
        double engine = edited.last(EventPayload.AdjudicationDrafted.class).outcome().after().tension();
        assertThat(edited.state.game.tension()).isEqualTo(Math.min(100, engine + 5.0));
        assertThat(edited.last(EventPayload.ResultsPublished.class).byIssue()).containsEntry("arms", "Stalled");

        Table free = inAdjudication(Mode.FREE);
        free.refused(FACILITATOR, Control.Decide.approve("fine"), "WRONG_PHASE");
        free.when(FACILITATOR, new Control.Decide("OVERRIDE", "Nobody moved", "A quiet year", null, List.of()));
        assertThat(free.state.game.tension()).isEqualTo(free.last(EventPayload.AdjudicationDrafted.class).outcome().before().tension());
        inAdjudication(Mode.AUTOMATIC).refused(FACILITATOR, new Control.Decide("OVERRIDE", "r", "s", null, null), "WRONG_PHASE");
    }

    @Test
    void theRosterChangesOnlyForKnownPlayersAndTheOtherTeam() {
        Table t = Table.seated(Mode.AUTOMATIC);
        t.refused(FACILITATOR, new Control.RemovePlayer("p-nobody"), "UNKNOWN_PLAYER");
        t.refused(FACILITATOR, new Control.MovePlayer("p-w1", "WASHINGTON"), "INVALID");
        t.refused(FACILITATOR, new Control.MovePlayer("p-n1", "MOSCOW"), "INVALID");
        t.refused(FACILITATOR, new Control.MovePlayer("p-w1", "PARIS"), "INVALID");
        assertThat(t.when(FACILITATOR, new Control.MovePlayer("p-w1", "MOSCOW")).get(0).payload())
                .isEqualTo(new EventPayload.PlayerMoved("p-w1", "Walt", Side.WASHINGTON, Side.MOSCOW));
        t.when(FACILITATOR, new Control.RemovePlayer("p-m1"));
        t.refused(FACILITATOR, new Control.RemovePlayer("p-m1"), "UNKNOWN_PLAYER");
        t.refused(MOSCOW, new Control.End(null), "FORBIDDEN");
    }

    @Test
    void endStopsEveryCommandAndKeepsTheReason() {
        Table t = Table.seated(Mode.AUTOMATIC).given(FACILITATOR, new Control.Start());
        assertThat(types(t.when(FACILITATOR, new Control.End("  time is up ")))).containsExactly(EventType.EXERCISE_ENDED,
                EventType.PHASE_CHANGED);
        assertThat(t.state.endReason).isEqualTo("time is up");
        t.refused(FACILITATOR, new Control.End(null), "WRONG_PHASE");
        t.refused(FACILITATOR, new Control.RemovePlayer("p-w1"), "WRONG_PHASE");
    }
}
