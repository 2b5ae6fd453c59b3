package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Stops the server mid-turn with a deadline running and starts a new one on the same database file: the
 * exercise goes on where it was (the deadline fires), nothing is lost, and a client that reconnects
 * gets exactly the events it missed, as its role may see them.
 */
class RestartTest {

    @TempDir
    Path data;
    @RegisterExtension
    final Restarts servers = new Restarts("--hotline.exercise.snapshot-every=5", "--hotline.live.events-per-page=7");

    @Test
    void theExerciseGoesOnAfterARestartWithNothingLost() {
        Wire first = servers.start(data);
        String facilitator = first.login();
        JsonNode created = first.create(facilitator, "AUTOMATIC", Map.of("DELIBERATION", 2, "ORDERS", 8));
        String id = created.get("id").asString();
        String topic = "/topic/exercise." + id + ".";
        String app = "/app/exercise." + id + ".";
        String wToken = first.join(created.get("joinCodes").get("WASHINGTON").asString(), "Ana").get("token").asString();
        String mToken = first.join(created.get("joinCodes").get("MOSCOW").asString(), "Oleg").get("token").asString();
        Wire.Client control = servers.connect(first, facilitator).subscribeQueues().subscribe(topic + "control");
        Wire.Client w = servers.connect(first, wToken).subscribeQueues().subscribe(topic + "public").subscribe(topic + "team.WASHINGTON");
        Wire.Client m = servers.connect(first, mToken).subscribeQueues().subscribe(topic + "public").subscribe(topic + "team.MOSCOW")
                .subscribe(topic + "diplomacy");
        control.reply(control.send(app + "control", Map.of("type", "START")));
        String issue = first.get("/api/exercises/" + id, wToken).body().get("issues").get(0).get("id").asString();
        w.reply(w.send(app + "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", "drafted before the restart")));
        m.reply(m.send(app + "chat.team", Map.of("text", "Moscow, before its player left")));
        long moscowLast = m.syncAll(id, 0).stream().mapToLong(e -> e.get("seq").asLong()).max().orElseThrow();
        m.disconnect();
        // Missed by Moscow: its own team's chat, a diplomatic message, and Washington's chat it must never see.
        w.reply(w.send(app + "chat.team", Map.of("text", "Washington only")));
        w.reply(w.send(app + "chat.diplomacy", Map.of("text", "to both teams")));
        control.reply(control.send(app + "control", Map.of("type", "ADVANCE")));
        List<JsonNode> before = first.log(id, facilitator);
        servers.stopLatest();

        Wire second = servers.start(data);
        String facilitatorAgain = second.login();
        await().atMost(Wire.WAIT).until(() -> second.get("/api/exercises/" + id, facilitatorAgain).body().get("phase").asString().equals("ORDERS"));
        List<JsonNode> logAfter = second.log(id, facilitatorAgain);
        assertThat(before).hasSizeGreaterThan(7);
        assertThat(logAfter.subList(0, before.size())).isEqualTo(before);
        JsonNode deadline = logAfter.stream().filter(e -> e.get("type").asString().equals("PHASE_CHANGED")
                && e.get("payload").get("phase").asString().equals("ORDERS")).findFirst().orElseThrow();
        assertThat(deadline.get("payload").get("reason").asString()).isEqualTo("deadline");

        // Moscow reconnects with the token it had and gets exactly what it missed, as Moscow may see it.
        Wire.Client m2 = servers.connect(second, mToken).subscribeQueues().subscribe(topic + "public").subscribe(topic + "team.MOSCOW");
        List<Long> missed = m2.syncAll(id, moscowLast).stream().map(e -> e.get("seq").asLong()).toList();
        Set<String> moscowChannels = Set.of("PUBLIC", "DIPLOMACY", "TEAM_MOSCOW");
        List<Long> expected = logAfter.stream()
                .filter(e -> e.get("seq").asLong() > moscowLast && moscowChannels.contains(e.get("channel").asString()))
                .map(e -> e.get("seq").asLong()).toList();
        assertThat(missed).isEqualTo(expected).isNotEmpty();
        assertThat(m2.syncAll(id, moscowLast).toString()).contains("to both teams").doesNotContain("Washington only");

        // The draft made before the restart is what Washington submits; Moscow sends nothing and,
        // at the deadline, plays HOLD everywhere.
        Wire.Client w2 = servers.connect(second, wToken).subscribeQueues().subscribe(topic + "public").subscribe(topic + "team.WASHINGTON");
        JsonNode ack = w2.reply(w2.send(app + "orders.submit", Map.of()));
        assertThat(ack.get("duplicate").asBoolean()).isFalse();
        JsonNode results = m2.awaitEvent(e -> e.get("type").asString().equals("RESULTS_PUBLISHED"));
        assertThat(results.get("payload").get("orders").get("WASHINGTON").get(issue).get("argument").asString())
                .isEqualTo("drafted before the restart");
        assertThat(results.get("payload").get("issues").findValuesAsString("moscowMove")).containsOnly("HOLD");
        JsonNode defaulted = m2.syncAll(id, 0).stream()
                .filter(e -> e.get("type").asString().equals("ORDERS_DEFAULTED")).findFirst().orElseThrow();
        assertThat(defaulted.get("payload").get("side").asString()).isEqualTo("MOSCOW");
        assertThat(defaulted.get("payload").get("reason").asString()).contains("deadline", "HOLD");
    }
}
