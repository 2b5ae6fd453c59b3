package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Adding a scenario file from the wire while the server runs: a broken file is refused with its line
 * and field and nothing is stored; a file reusing a loaded id is refused; a clean one is written to the
 * scenarios folder and can be played at once. Facilitators only.
 */
class ScenarioUploadTest extends WireTest {

    static Path folder;

    @DynamicPropertySource
    static void scenarioFolder(DynamicPropertyRegistry registry) throws IOException {
        folder = Files.createTempDirectory("hotline-upload");
        registry.add("hotline.scenarios.folder", folder::toString);
    }

    @Test
    void aCleanFileIsOfferedAtOnceAndABrokenOneStoresNothing() throws IOException {
        String facilitator = wire.login();
        String bundled = Files.readString(Path.of("exercises/future-after-ukraine.yaml"));
        String mine = bundled.replaceFirst("(?m)^id: .*$", "id: uploaded-crisis").replaceFirst("(?m)^title: .*$", "title: An uploaded crisis");

        Wire.Response broken = wire.post("/api/scenarios/add", Map.of("fileName", "uploaded.yaml",
                "text", mine.replaceFirst("(?m)^turns: 10$", "turns: many")), facilitator);
        assertThat(broken.status()).isEqualTo(422);
        JsonNode problem = broken.body().get("problems").get(0);
        assertThat(problem.get("file").asString()).isEqualTo("uploaded.yaml");
        assertThat(problem.get("field").asString()).isEqualTo("turns");
        assertThat(problem.get("line").asInt()).isEqualTo(lineOf(mine, "turns: 10"));
        assertThat(folder.resolve("uploaded.yaml")).doesNotExist();

        Wire.Response taken = wire.post("/api/scenarios/add", Map.of("fileName", "again.yaml", "text", bundled), facilitator);
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body().get("problems").get(0).get("message").asString()).contains("future-after-ukraine").contains("already");

        String player = wire.join(wire.create(facilitator, "AUTOMATIC", Map.of()).get("joinCodes").get("MOSCOW").asString(), "Oleg")
                .get("token").asString();
        assertThat(wire.post("/api/scenarios/add", Map.of("fileName", "uploaded.yaml", "text", mine), player).status()).isEqualTo(403);
        // A folder part in the name never reaches outside the scenarios folder.
        Wire.Response escaped = wire.post("/api/scenarios/add", Map.of("fileName", "../escape.yaml",
                "text", mine.replaceFirst("(?m)^id: uploaded-crisis$", "id: escaped")), facilitator);
        assertThat(escaped.status()).as(escaped.body().toString()).isEqualTo(201);
        assertThat(folder.resolve("escape.yaml")).exists();
        assertThat(folder.getParent().resolve("escape.yaml")).doesNotExist();

        Wire.Response added = wire.post("/api/scenarios/add", Map.of("fileName", "uploaded.yaml", "text", mine), facilitator);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(added.body().get("id").asString()).isEqualTo("uploaded-crisis");
        assertThat(folder.resolve("uploaded.yaml")).exists();
        assertThat(wire.get("/api/scenarios", null).body().findValuesAsString("id")).contains("uploaded-crisis", "escaped");
        assertThat(wire.create(facilitator, "uploaded-crisis", "AUTOMATIC", Map.of()).get("scenarioId").asString())
                .isEqualTo("uploaded-crisis");
        Wire.Response twice = wire.post("/api/scenarios/add", Map.of("fileName", "uploaded.yaml", "text", mine), facilitator);
        assertThat(twice.status()).isEqualTo(422);
    }

    private static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(line)) {
                return i + 1;
            }
        }
        throw new AssertionError(line);
    }
}
