package org.hotline.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hotline.access.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The one table of who may send what, when; and the facilitator commands' wire names. */
class CommandTypeTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyFacilitatorCommandReadsAndWritesUnderItsWireName() {
        for (String name : CommandType.controlNames()) {
            Command.Control command = json.convertValue(Map.of("type", name), Command.Control.class);
            assertThat(CommandType.of(command).name()).isEqualTo(name);
            assertThat(command.getClass()).isEqualTo(CommandType.valueOf(name).command());
            assertThat(json.valueToTree(command).get("type").asString()).isEqualTo(name);
        }
    }

    @Test
    void aDecisionIsTheTypeItNames() {
        Command.Control edit = json.readValue("{\"type\":\"EDIT\",\"rationale\":\"r\",\"summary\":\"s\"}", Command.Control.class);
        assertThat(edit).isEqualTo(new Command.Control.Decide("EDIT", "r", "s", null, null));
        assertThatThrownBy(() -> CommandType.of(new Command.Control.Decide("END", "r", null, null, null)))
                .isInstanceOf(CommandRejected.class);
    }

    @Test
    void rolesAndPhasesComeFromTheTable() {
        assertThatThrownBy(() -> CommandType.SUBMIT_ORDERS.authorise(Role.OBSERVER, Phase.ORDERS))
                .extracting(e -> ((CommandRejected) e).code()).isEqualTo("FORBIDDEN");
        assertThatThrownBy(() -> CommandType.SUBMIT_ORDERS.authorise(Role.PLAYER, Phase.DELIBERATION))
                .extracting(e -> ((CommandRejected) e).code()).isEqualTo("WRONG_PHASE");
        assertThatThrownBy(() -> CommandType.CHAT_TEAM.authorise(Role.PLAYER, Phase.ENDED))
                .extracting(e -> ((CommandRejected) e).code()).isEqualTo("WRONG_PHASE");
        CommandType.SUBMIT_ORDERS.authorise(Role.PLAYER, Phase.ORDERS);
        assertThat(CommandType.maySend(Role.FACILITATOR, Command.Control.class)).isTrue();
        assertThat(CommandType.maySend(Role.NOTETAKER, Command.Control.class)).isFalse();
        assertThat(CommandType.maySend(Role.NOTETAKER, Command.Note.class)).isTrue();
        assertThat(CommandType.maySend(Role.FACILITATOR, Command.DraftLine.class)).isFalse();
    }
}
