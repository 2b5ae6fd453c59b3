package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.exercise.internal.Table.FACILITATOR;
import static org.hotline.exercise.internal.Table.MOSCOW;
import static org.hotline.exercise.internal.Table.NOTETAKER;
import static org.hotline.exercise.internal.Table.WASHINGTON;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.exercise.Command;
import org.hotline.exercise.Command.Control;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Mode;
import org.hotline.exercise.TurnStates;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every event type written as JSON (as the log, the wire and an export carry it) reads back as the same typed event. */
class EventJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPlayedLogWithEveryEventTypeReadsBackEqual() {
        Table t = Table.seated(Mode.REVIEWED).given(FACILITATOR, new Control.Start(), new Control.Advance());
        t.given(WASHINGTON, new Command.ChatTeam("hold"), new Command.ChatDiplomacy("talk?"),
                new Command.DraftLine("arms", "NEGOTIATE", true, "verification"));
        String id = t.when(WASHINGTON, Command.ProposalAction.propose(Map.of("arms", "NEGOTIATE"), Map.of(), "")).get(0)
                .payload(org.hotline.exercise.EventPayload.ProposalMade.class).proposalId();
        t.given(MOSCOW, Command.ProposalAction.answer("ACCEPT", id));
        t.given(NOTETAKER, new Command.Note("MOMENT", "a handshake", null));
        t.given(FACILITATOR, new Control.ReleaseInject(null, new Command.AdHocInject("Leak", "A cable leaks", "ALL", List.of())),
                new Control.Advance());
        t.given(WASHINGTON, new Command.SubmitOrders(), new Command.UnsealOrders(), new Command.SubmitOrders());
        t.given(FACILITATOR, new Control.LockOrders(), new Control.RateArgument("WASHINGTON", "arms", 1),
                new Control.Decide("EDIT", "why", "what", null, List.of(new Command.StateChange("tension", 1.0, null))),
                new Control.MovePlayer("p-w2", "MOSCOW"), new Control.RemovePlayer("p-o1"), new Control.End(null));
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        t.log.forEach(e -> seen.add(e.type()));
        assertThat(seen).containsAll(EnumSet.complementOf(EnumSet.of(EventType.CLOCK_CHANGED)));

        List<ExerciseEvent> read = json.readValue(json.writeValueAsString(t.log), new TypeReference<List<ExerciseEvent>>() { });
        assertThat(read).isEqualTo(t.log);
        assertThat(TurnStates.of(read)).extracting(TurnStates.TurnState::turn).containsExactly(0, 1);
    }

    @Test
    void anUnknownEventTypeIsNamedInPlainWords() {
        assertThatThrownBy(() -> json.readValue("{\"seq\":1,\"type\":\"TEA_SERVED\",\"payload\":{}}", ExerciseEvent.class))
                .hasMessageContaining("No event type 'TEA_SERVED'");
    }
}
