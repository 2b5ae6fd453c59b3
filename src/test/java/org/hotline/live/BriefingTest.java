package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline.scenario.Brief;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/exercises/{id} carries the briefs the caller may read, word for word as in the scenario
 * file: a player its own side's, the facilitator both, the facilitator brief and every planned
 * inject; observers and notetakers the public summary only.
 */
class BriefingTest extends WireTest {

    @Test
    void eachSeatReadsOnlyTheBriefsItMay() {
        Scenario scenario = ScenarioFiles.bundled(wire.scenarioId());
        String washingtonBrief = scenario.sides().get(Side.WASHINGTON).brief();
        String moscowBrief = scenario.sides().get(Side.MOSCOW).brief();
        String facilitatorBrief = scenario.facilitatorBrief();
        assertThat(washingtonBrief).isNotBlank().isNotEqualTo(moscowBrief);
        assertThat(facilitatorBrief).isNotBlank();

        String facilitator = wire.login();
        JsonNode created = wire.create(facilitator, "REVIEWED", Map.of());
        String id = created.get("id").asString();
        JsonNode codes = created.get("joinCodes");
        Map<String, String> tokens = Map.of(
                "WASHINGTON", wire.join(codes.get("WASHINGTON").asString(), "Ana").get("token").asString(),
                "MOSCOW", wire.join(codes.get("MOSCOW").asString(), "Oleg").get("token").asString(),
                "OBSERVER", wire.join(codes.get("OBSERVER").asString(), "Projector").get("token").asString(),
                "NOTETAKER", wire.join(codes.get("NOTETAKER").asString(), "Nora").get("token").asString());

        JsonNode w = view(id, tokens.get("WASHINGTON"));
        assertThat(w.get("briefs").get("WASHINGTON").get("summary").asString()).isEqualTo(washingtonBrief);
        sameBrief(w.get("briefs").get("WASHINGTON"), scenario.sides().get(Side.WASHINGTON).briefing());
        for (String secret : points(scenario.sides().get(Side.MOSCOW).briefing())) {
            assertThat(w.toString()).as("Moscow's brief in Washington's view").doesNotContain(secret);
        }
        assertThat(w.get("briefs").has("MOSCOW")).isFalse();
        assertThat(w.toString()).doesNotContain(moscowBrief).doesNotContain(facilitatorBrief);
        assertThat(w.get("injects").isNull()).isTrue();

        JsonNode m = view(id, tokens.get("MOSCOW"));
        assertThat(m.get("briefs").get("MOSCOW").get("summary").asString()).isEqualTo(moscowBrief);
        sameBrief(m.get("briefs").get("MOSCOW"), scenario.sides().get(Side.MOSCOW).briefing());
        for (String secret : points(scenario.sides().get(Side.WASHINGTON).briefing())) {
            assertThat(m.toString()).as("Washington's brief in Moscow's view").doesNotContain(secret);
        }
        assertThat(m.get("briefs").has("WASHINGTON")).isFalse();
        assertThat(m.toString()).doesNotContain(washingtonBrief).doesNotContain(facilitatorBrief);

        for (String seat : new String[] {"OBSERVER", "NOTETAKER"}) {
            JsonNode v = view(id, tokens.get(seat));
            assertThat(v.get("summary").asString()).as(seat).isEqualTo(scenario.summary());
            assertThat(v.get("briefs").isEmpty()).as(seat).isTrue();
            assertThat(v.toString()).as(seat).doesNotContain(washingtonBrief).doesNotContain(moscowBrief).doesNotContain(facilitatorBrief);
            assertThat(v.get("injects").isNull()).as(seat).isTrue();
        }

        JsonNode f = view(id, facilitator);
        assertThat(f.get("briefs").get("WASHINGTON").get("summary").asString()).isEqualTo(washingtonBrief);
        assertThat(f.get("briefs").get("MOSCOW").get("summary").asString()).isEqualTo(moscowBrief);
        sameBrief(f.get("briefs").get("WASHINGTON"), scenario.sides().get(Side.WASHINGTON).briefing());
        sameBrief(f.get("briefs").get("MOSCOW"), scenario.sides().get(Side.MOSCOW).briefing());
        assertThat(f.get("facilitatorBrief").asString()).isEqualTo(facilitatorBrief);
        assertThat(f.get("injects")).hasSize(scenario.injects().size());
        for (JsonNode inject : f.get("injects")) {
            org.hotline.scenario.Inject planned = scenario.inject(inject.get("id").asString()).orElseThrow();
            assertThat(inject.get("text").asString()).isEqualTo(planned.text());
            assertThat(inject.get("kind").asString()).isIn("SCHEDULED", "TRIGGERED", "HELD");
        }
    }

    /** Every part of the brief on the wire, point by point, word for word. */
    private static void sameBrief(JsonNode wire, Brief file) {
        Map<String, java.util.List<Brief.Point>> parts = Map.of("priorities", file.priorities(), "redLines", file.redLines(),
                "bargainingChips", file.bargainingChips(), "linkages", file.linkages(), "constraints", file.constraints());
        parts.forEach((name, points) -> {
            assertThat(wire.get(name)).as(name).hasSize(points.size());
            for (int i = 0; i < points.size(); i++) {
                assertThat(wire.get(name).get(i).get("text").asString()).isEqualTo(points.get(i).text());
                java.util.List<String> issues = new java.util.ArrayList<>();
                wire.get(name).get(i).get("issues").forEach(n -> issues.add(n.asString()));
                assertThat(issues).isEqualTo(points.get(i).issues());
            }
        });
        assertThat(file.priorities()).as("a structured brief, not a summary only").isNotEmpty();
    }

    private static java.util.List<String> points(Brief brief) {
        return java.util.stream.Stream.of(brief.priorities(), brief.redLines(), brief.bargainingChips(), brief.linkages(), brief.constraints())
                .flatMap(java.util.List::stream).map(Brief.Point::text).toList();
    }

    private JsonNode view(String id, String token) {
        Wire.Response response = wire.get("/api/exercises/" + id, token);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
