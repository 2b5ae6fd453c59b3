package org.hotline.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.HotlineApplication;
import org.hotline.OnTheServices;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.EventPayload;
import org.hotline.live.Wire;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A live computer-played team bound by a deal it accepted: its order on the requested issue says in
 * words what was agreed with whom (the other team, whose proposal, which turn), never the proposal's id.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-computer-deal-${random.uuid}.db",
                "hotline.admin.username=" + Wire.ADMIN, "hotline.admin.password=" + Wire.ADMIN_PASSWORD})
class ComputerSeatDealTest extends OnTheServices {

    private <T extends EventPayload> Optional<T> first(String id, Class<T> kind) {
        return exercises.events(id, 0, EnumSet.allOf(Channel.class)).stream().map(e -> e.payload()).filter(kind::isInstance).map(kind::cast)
                .findFirst();
    }

    @Test
    void theComputersOrderOnADealSaysWhatWasAgreedWithWhom() {
        Wire wire = new Wire(port);
        String facilitatorToken = wire.login();
        Map<Side, Actor> players = new EnumMap<>(Side.class);
        String id = exercise(Wire.ADMIN, "future-after-ukraine", Map.of(Side.WASHINGTON, "Ana"), players);
        Actor ana = players.get(Side.WASHINGTON);
        assertThat(wire.post("/api/exercises/" + id + "/computer-seats", Map.of("side", "MOSCOW", "strategy", "tit-for-tat"), facilitatorToken)
                .status()).isEqualTo(201);
        Actor control = Actor.facilitator(Wire.ADMIN);
        var send = commands(id);

        send.accept(control, new Command.Control.Start());
        send.accept(control, new Command.Control.Advance());
        // tit-for-tat opens with talks everywhere, so it accepts talks asked of it on the New START successor
        send.accept(ana, Command.ProposalAction.propose(Map.of("iran", "NEGOTIATE"), Map.of("new-start-successor", "NEGOTIATE"), "talks for talks"));
        await().atMost(Wire.WAIT).until(() -> first(id, EventPayload.ProposalAnswered.class).isPresent());
        String proposalId = first(id, EventPayload.ProposalMade.class).orElseThrow().proposalId();
        assertThat(first(id, EventPayload.ProposalAnswered.class).orElseThrow().answer()).isEqualTo("ACCEPTED");
        send.accept(control, new Command.Control.Advance());
        send.accept(ana, new Command.DraftLine("iran", "NEGOTIATE", false, "as proposed"));
        send.accept(ana, new Command.SubmitOrders());

        await().atMost(Wire.WAIT).until(() -> first(id, EventPayload.ResultsPublished.class).isPresent());
        var moscow = first(id, EventPayload.ResultsPublished.class).orElseThrow().orders().get(Side.MOSCOW);
        assertThat(moscow.get("new-start-successor").move().name()).isEqualTo("NEGOTIATE");
        assertThat(moscow.get("new-start-successor").argument())
                .isEqualTo("[computer-played: tit-for-tat] as agreed with Washington on Washington's proposal of turn 1")
                .doesNotContain(proposalId);
        assertThat(List.copyOf(moscow.values())).allSatisfy(order -> assertThat(order.argument()).doesNotContain(proposalId));
    }
}
