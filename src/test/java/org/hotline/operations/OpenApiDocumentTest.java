package org.hotline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.HotlineApplication;
import org.hotline.live.Wire;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document served at /v3/api-docs and docs/protocol.md (section 2 and the review downloads) list the same REST paths and methods. */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-openapi-${random.uuid}.db")
class OpenApiDocumentTest {

    private static final Pattern ROW = Pattern.compile("^\\| (GET|POST|PUT|PATCH|DELETE) \\| `([^`]+)` \\|", Pattern.MULTILINE);

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentAndTheProtocolListTheSamePaths() throws IOException {
        Wire.Response document = new Wire(port).get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().at("/info/title").asString()).isEqualTo("Hotline REST API");
        Set<String> described = new TreeSet<>();
        document.body().get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> described.add(operation.getKey().toUpperCase() + " " + path.getKey())));

        assertThat(described).isEqualTo(documented());
        assertThat(described).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void everyOperationSaysWhatItIsFor() {
        JsonNode paths = new Wire(port).get("/v3/api-docs", null).body().get("paths");
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation ->
                assertThat(operation.getValue().path("summary").asString(""))
                        .as("%s %s has a summary", operation.getKey(), path.getKey()).isNotBlank()));
    }

    /** The review's answer is sent as JSON written once per cached review; its document still names each part's type. */
    @Test
    void theReviewAnswerIsDescribedPartByPart() {
        JsonNode schemas = new Wire(port).get("/v3/api-docs", null).body().at("/components/schemas");
        JsonNode view = schemas.get("View").get("properties");
        for (String[] part : new String[][] {{"turns", "TurnPoint"}, {"decisions", "TurnDecisions"}, {"agreements", "LedgerEntry"},
            {"teamChat", "Line"}, {"diplomacy", "Line"}, {"notes", "Line"}, {"injects", "Line"}, {"history", "HistoryTurn"},
            {"participants", "Participant"}, {"events", "ExerciseEvent"}}) {
            assertThat(view.get(part[0]).path("type").asString("")).as(part[0]).isEqualTo("array");
            assertThat(view.get(part[0]).at("/items/$ref").asString("")).as(part[0]).endsWith("/" + part[1]);
        }
        assertThat(view.get("replay").path("$ref").asString("")).endsWith("/ReplayCheck");
    }

    private static Set<String> documented() throws IOException {
        String text = Files.readString(Path.of("docs/protocol.md"));
        Set<String> rows = new TreeSet<>();
        for (String name : new String[] {"rest", "review-downloads"}) {
            Matcher row = ROW.matcher(text.substring(text.indexOf("<!-- " + name + ":begin -->"), text.indexOf("<!-- " + name + ":end -->")));
            while (row.find()) {
                rows.add(row.group(1) + " " + row.group(2));
            }
        }
        return rows;
    }
}
