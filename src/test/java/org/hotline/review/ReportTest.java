package org.hotline.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hotline.exercise.Command;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The after-action report drafted from a played exercise: its observations come from the log. */
class ReportTest extends ReviewTestBase {

    @Test
    void theDraftIsDrawnFromTheLog() {
        Table table = new Table("REVIEWED", 31).play(4, true);
        JsonNode review = wire.get("/api/reviews/" + table.id, facilitatorToken).body();
        JsonNode report = wire.get("/api/reviews/" + table.id + "/report", facilitatorToken).body();
        JsonNode overview = report.get("overview");
        assertThat(overview.get("scenario").asString()).isEqualTo(review.get("exercise").get("scenario").asString());
        assertThat(overview.get("caseStudy").asString()).isEqualTo("CS3");
        assertThat(overview.get("participants").toString()).contains("Ana (Washington)").contains("Boris (Moscow)");
        assertThat(overview.get("summary").asString()).startsWith("4 of 7 turns adjudicated").contains("four turns played");
        // Objectives said once per kind of issue, not once per issue.
        assertThat(overview.get("objectives").toString()).contains("Secure what both sides share an interest in: Strategic arms")
                .contains("Decide whether and how to address the core concerns: ").contains("historical track of CS3")
                .doesNotContain("Manage ");
        assertThat(overview.get("objectives").size()).isLessThanOrEqualTo(4);

        List<JsonNode> improvements = list(report.get("improvements"));
        List<JsonNode> strengths = list(report.get("strengths"));
        // Moscow declared a red line on naval forces in turn 1 and conceded there in turn 3.
        assertThat(improvements).anySatisfy(o -> {
            assertThat(o.get("title").asString()).contains("Moscow gave way across its own red line");
            assertThat(o.get("observation").asString()).contains("Moscow made a concession on").contains("turn 3").contains("earlier turn");
            assertThat(o.get("findings").toString()).contains("M3");
        });
        // Washington pressed in Vietnam in turn 2 while arguing "We negotiate in good faith".
        assertThat(improvements).anySatisfy(o -> {
            assertThat(o.get("title").asString()).contains("Washington's move on").contains("went against its own argument");
            assertThat(o.get("observation").asString()).contains("Washington pressed on").contains("turn 2").contains("negotiate");
        });
        // Every agreement in the ledger has its observation, in force or lapsed.
        for (JsonNode agreement : review.get("agreements")) {
            assertThat(concat(strengths, improvements)).anySatisfy(o -> assertThat(o.get("title").asString())
                    .contains("Agreement on " + agreement.get("issue").asString()));
        }
        // The arms-for-arms deal was accepted and kept every turn: one observation, not four.
        assertThat(strengths).filteredOn(o -> o.get("title").asString().startsWith("A deal kept")).singleElement().satisfies(o -> {
            assertThat(o.get("title").asString()).isEqualTo("A deal kept in 4 turns");
            assertThat(o.get("observation").asString()).contains("of Washington (negotiate on Strategic arms) for Moscow "
                    + "(negotiate on Strategic arms)").contains("turns 1, 2, 3, 4");
        });
        // The largest changes quote the engine's own reasons and cite its findings; the facilitator's own edit is none of them.
        List<String> reasons = new ArrayList<>();
        // finalEffects is there only when the facilitator's effects stood; otherwise the engine's did (issues and otherEffects).
        review.get("decisions").forEach(d -> {
            if (d.has("finalEffects")) {
                d.get("finalEffects").forEach(e -> reasons.add(e.get("reason").asString()));
            } else {
                d.get("issues").forEach(i -> i.get("effects").forEach(e -> reasons.add(e.get("reason").asString())));
                d.get("otherEffects").forEach(e -> reasons.add(e.get("reason").asString()));
            }
        });
        List<JsonNode> largest = concat(strengths, improvements).stream()
                .filter(o -> o.get("title").asString().startsWith("Largest")).toList();
        assertThat(largest).isNotEmpty().allSatisfy(o -> {
            assertThat(reasons).anySatisfy(r -> assertThat(o.get("observation").asString()).contains(r));
            assertThat(o.get("analysis").asString()).matches("(Findings behind|The log cites no finding).+");
            assertThat(o.get("recommendation").asString()).matches("R[1-6](: .+|, as above\\.)");
            assertThat(o.get("observation").asString()).doesNotContain("Facilitator's decision").doesNotContain("inject:");
        });
        // Turns that left the historical track are named with the moves that differed.
        assertThat(concat(strengths, improvements)).anySatisfy(o -> {
            assertThat(o.get("title").asString()).startsWith("Turn 1 (").endsWith("left history");
            assertThat(o.get("observation").asString()).contains("(history: ");
        });
        // Turn 2's facilitator EDIT raised tension by hand: the overview says so; no observation counts it as the teams' doing.
        assertThat(overview.get("summary").asString())
                .contains("in turn 2 the facilitator amended the engine's result (\"The leak hardened Moscow's line\")");
        // Plain names, case studies only of this scenario, each recommendation written out once.
        String all = report.toString();
        assertThat(all).doesNotContain("domesticSupport").doesNotContain("threatPerception").doesNotContain("perceivedResolve")
                .doesNotContain("allianceCohesion").doesNotContain("CS1").doesNotContain("CS2").doesNotContain("CS4");
        List<String> written = concat(strengths, improvements).stream().map(o -> o.get("recommendation").asString())
                .filter(r -> r.matches("R[1-6]: .+")).map(r -> r.substring(0, 2)).toList();
        assertThat(written).doesNotHaveDuplicates();
        List<String> needed = improvements.stream().map(o -> o.get("recommendation").asString().substring(0, 2)).distinct().toList();
        assertThat(report.get("plan").size()).isEqualTo(needed.size());

        String markdown = text("/api/reviews/" + table.id + "/report.md", facilitatorToken).body();
        assertThat(markdown).startsWith("# After-action report: ").contains("## Strengths", "## Areas for improvement",
                "**Observation.**", "**Analysis.**", "**Recommendation.**", "| Area for improvement | Corrective action |");
        assertThat(markdown.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Area")).count())
                .isEqualTo(report.get("plan").size());

        String moves = text("/api/reviews/" + table.id + "/moves.csv", facilitatorToken).body();
        assertThat(moves).startsWith("turn,side,issue,move,redLine,argument").contains("2,WASHINGTON,vietnam,PRESS,false,"
                + "We negotiate in good faith");
        String states = text("/api/reviews/" + table.id + "/states.csv", facilitatorToken).body();
        assertThat(states.lines().count()).isEqualTo(1 + 5);
        assertThat(states.lines().skip(1).map(l -> l.split(",")[0]).toList()).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void spreadsheetFormulasInPlayersTextAreDefused() {
        Table table = new Table("AUTOMATIC", 31);
        table.control("START");
        table.control("ADVANCE");
        table.draft(Side.WASHINGTON, "arms", "NEGOTIATE", false, "=HYPERLINK(\"http://evil.example\",\"talks\")");
        table.draft(Side.MOSCOW, "arms", "NEGOTIATE", false, "@SUM(1+1)");
        table.draft(Side.MOSCOW, "naval", "PRESS", false, "-2+3, then talk");
        table.control("ADVANCE");
        table.send(table.player(Side.WASHINGTON), new Command.SubmitOrders());
        table.send(table.player(Side.MOSCOW), new Command.SubmitOrders());
        table.control("END");

        String moves = text("/api/reviews/" + table.id + "/moves.csv", facilitatorToken).body();
        assertThat(moves).contains("1,WASHINGTON,arms,NEGOTIATE,false,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"talks\"\")\",")
                .contains("1,MOSCOW,arms,NEGOTIATE,false,'@SUM(1+1),")
                .contains("1,MOSCOW,naval,PRESS,false,\"'-2+3, then talk\",");
        // Numbers the server writes keep their sign.
        assertThat(text("/api/reviews/" + table.id + "/states.csv", facilitatorToken).body()).doesNotContain("'");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
