package org.hotline.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/** Walks docs/protocol.md's table of review downloads against the server: type, and who may fetch. */
class ReviewDocumentTest extends ReviewTestBase {

    @Test
    void everyDocumentedDownloadAnswersAsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/protocol.md"));
        String table = doc.substring(doc.indexOf("<!-- review-downloads:begin -->"), doc.indexOf("<!-- review-downloads:end -->"));
        List<String[]> rows = table.lines().filter(l -> l.startsWith("| GET")).map(l -> l.replace("`", "").split("\\s*\\|\\s*")).toList();
        assertThat(rows).hasSize(3);

        Table ended = new Table("AUTOMATIC", 41);
        ended.control("START");
        ended.playTurn(1, false);
        ended.control("END");
        assertThat(wire.post("/api/analysts", Map.of("username", "doc.analyst", "password", "analyst-password"), facilitatorToken)
                .status()).isEqualTo(201);
        String analyst = wire.post("/api/login", Map.of("username", "doc.analyst", "password", "analyst-password"), null).body()
                .get("token").asString();
        for (String[] row : rows) {
            String path = row[2].replace("{id}", ended.id);
            String type = row[4];
            Text owner = text(path, facilitatorToken);
            assertThat(owner.status()).as(path).isEqualTo(200);
            assertThat(owner.contentType()).as(path).startsWith(type);
            assertThat(owner.body()).as(path).isNotBlank();
            assertThat(text(path, analyst).status()).as(path + " as analyst").isEqualTo(200);
            assertThat(text(path, null).status()).as(path + " without a token").isEqualTo(401);
            assertThat(text(path, ended.token(Side.MOSCOW)).status()).as(path + " as a player before release").isEqualTo(403);
        }
    }
}
