package org.hotline.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hotline.exercise.Command;
import org.hotline.live.Wire;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Who may open a review, over REST with each kind of token. */
class ReviewAccessTest extends ReviewTestBase {

    @Test
    void ownerAnalystsAndReleasedPlayersOnly() {
        Table table = new Table("AUTOMATIC", 21);
        String observer = wire.join(table.codes.get("OBSERVER").asString(), "Olga").get("token").asString();
        String notetaker = wire.join(table.codes.get("NOTETAKER").asString(), "Nora").get("token").asString();
        assertThat(wire.post("/api/accounts", Map.of("username", "grey", "password", "grey-cell-password"), facilitatorToken).status())
                .isEqualTo(201);
        String otherFacilitator = login("grey", "grey-cell-password");
        Wire.Response analystCreated = wire.post("/api/analysts", Map.of("username", "ana.lyst", "password", "analyst-password"),
                facilitatorToken);
        assertThat(analystCreated.status()).isEqualTo(201);
        assertThat(analystCreated.body().get("roles").toString()).contains("ANALYST").doesNotContain("FACILITATOR");
        String analyst = login("ana.lyst", "analyst-password");
        assertThat(wire.post("/api/analysts", Map.of("username", "x.y", "password", "analyst-password"), analyst).status())
                .isEqualTo(403);
        Table elsewhere = new Table("AUTOMATIC", 22);
        String review = "/api/reviews/" + table.id;

        table.control("START");
        table.playTurn(1, false);
        // Staff-only material planted in the log (turn 2's briefing): a facilitator's note and a facilitator-only inject.
        table.control("ADVANCE");
        table.send(table.control, new Command.Note("MOMENT", "Staff only: Boris hesitated before accepting", null));
        table.control(new Command.Control.ReleaseInject(null, new Command.AdHocInject("Back channel",
                "Staff only: the cable was forged", "FACILITATOR", List.of())));
        // Running: its facilitator follows it; analysts wait for the end; players wait for release.
        assertThat(status(review, facilitatorToken)).isEqualTo(200);
        assertThat(status(review, analyst)).isEqualTo(409);
        assertThat(status(review, table.token(Side.WASHINGTON))).isEqualTo(403);
        assertThat(wire.post(review + "/release", Map.of(), facilitatorToken).status()).isEqualTo(409);

        table.control("END");
        for (String path : new String[] {"", "/report", "/report.md", "/log.json", "/moves.csv", "/states.csv"}) {
            assertThat(status(review + path, facilitatorToken)).as("owner " + path).isEqualTo(200);
            assertThat(status(review + path, analyst)).as("analyst " + path).isEqualTo(200);
            assertThat(status(review + path, otherFacilitator)).as("another facilitator " + path).isEqualTo(403);
            assertThat(status(review + path, table.token(Side.WASHINGTON))).as("player before release " + path).isEqualTo(403);
            assertThat(status(review + path, observer)).as("observer " + path).isEqualTo(403);
            assertThat(status(review + path, notetaker)).as("notetaker " + path).isEqualTo(403);
            assertThat(status(review + path, elsewhere.token(Side.MOSCOW))).as("player of another exercise " + path).isEqualTo(403);
            assertThat(status(review + path, null)).as("no token " + path).isEqualTo(401);
        }
        // The fresh draft is the owner's working copy: nobody else reads it.
        assertThat(status(review + "/report?draft=true", facilitatorToken)).isEqualTo(200);
        assertThat(status(review + "/report?draft=true", analyst)).isEqualTo(403);
        assertThat(status(review + "/report?draft=true", otherFacilitator)).isEqualTo(403);
        assertThat(status("/api/reviews/nope", facilitatorToken)).isEqualTo(404);
        assertThat(wire.get("/api/reviews", analyst).body().findValuesAsString("id")).contains(table.id).doesNotContain(elsewhere.id);
        assertThat(wire.get("/api/reviews", otherFacilitator).body().size()).isZero();

        // Only the owner edits, releases and branches.
        JsonNode report = wire.get(review + "/report", facilitatorToken).body();
        ObjectNode edited = ((ObjectNode) report).deepCopy();
        ((ObjectNode) edited.get("overview")).put("summary", "Edited by white cell: the arms talks carried the exercise.");
        assertThat(wire.post(review + "/report", edited, analyst).status()).isEqualTo(403);
        assertThat(wire.post(review + "/report", edited, table.token(Side.MOSCOW)).status()).isEqualTo(403);
        assertThat(wire.post(review + "/release", Map.of(), analyst).status()).isEqualTo(403);
        assertThat(wire.post(review + "/branch", Map.of("turn", 0), analyst).status()).isEqualTo(403);
        // A half-filled edit is made whole (missing texts empty), a malformed one refused with the reason.
        ObjectNode sparse = edited.deepCopy();
        ((ObjectNode) sparse.get("overview")).remove("objectives");
        sparse.withArray("improvements").addObject().put("title", "Only a title");
        Wire.Response whole = wire.post(review + "/report", sparse, facilitatorToken);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body().get("improvements").get(whole.body().get("improvements").size() - 1).get("analysis").asString()).isEmpty();
        assertThat(text(review + "/report.md", facilitatorToken).body()).contains("Only a title");
        ObjectNode broken = edited.deepCopy();
        broken.remove("plan");
        Wire.Response refused = wire.post(review + "/report", broken, facilitatorToken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asString()).contains("plan");
        Wire.Response saved = wire.post(review + "/report", edited, facilitatorToken);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("editedBy").asString()).isEqualTo(Wire.ADMIN);
        assertThat(wire.get(review + "/report", analyst).body().get("overview").get("summary").asString()).startsWith("Edited by white");

        assertThat(wire.post(review + "/release", Map.of(), facilitatorToken).status()).isEqualTo(200);
        for (Side side : Side.values()) {
            Wire.Response seen = wire.get(review, table.token(side));
            assertThat(seen.status()).isEqualTo(200);
            assertThat(seen.body().get("standing").asString()).isEqualTo("PLAYER");
        }
        assertThat(text(review + "/report.md", table.token(Side.WASHINGTON)).body()).contains("Edited by white cell");
        assertThat(status(review + "/report?draft=true", table.token(Side.WASHINGTON))).isEqualTo(403);
        // Staff notes and facilitator-only injects stay with the staff; the other team's chat does not.
        assertThat(text(review, facilitatorToken).body()).contains("Boris hesitated", "the cable was forged");
        for (String path : new String[] {"", "/report", "/report.md", "/log.json", "/moves.csv", "/states.csv"}) {
            Text seen = text(review + path, table.token(Side.WASHINGTON));
            assertThat(seen.status()).as("released player " + path).isEqualTo(200);
            assertThat(seen.body()).as("released player " + path).doesNotContain("Staff only");
        }
        assertThat(text(review, table.token(Side.WASHINGTON)).body()).contains("Moscow is ready to talk about arms, turn 1");
        assertThat(wire.get("/api/reviews", table.token(Side.WASHINGTON)).body().findValuesAsString("id")).containsExactly(table.id);
        assertThat(status(review, observer)).isEqualTo(403);
        assertThat(status(review, elsewhere.token(Side.WASHINGTON))).isEqualTo(403);
        assertThat(wire.post(review + "/report", edited, facilitatorToken).status()).isEqualTo(409);
    }

    private int status(String path, String token) {
        return text(path, token).status();
    }

    private String login(String username, String password) {
        Wire.Response response = wire.post("/api/login", Map.of("username", username, "password", password), null);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("token").asString();
    }
}
