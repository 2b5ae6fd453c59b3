package org.hotline.operations.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs (UI at /swagger-ui.html). The controllers' paths are read
 * by springdoc; the two Actuator paths of docs/protocol.md are added here, so that the document lists
 * exactly the REST paths of docs/protocol.md (section 2 and the review downloads; OpenApiDocumentTest
 * holds them equal).
 */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI hotlineApi() {
        return new OpenAPI()
                .info(new Info().title("Hotline REST API").version("round 2")
                        .description("What is not live: accounts, scenarios, creating and joining exercises, reading the log, "
                                + "the after-action review. Play itself runs over STOMP at /ws (docs/protocol.md section 3)."))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("A token from POST /api/login or POST /api/join")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Each operation's summary and who may call it, from the REST table of docs/protocol.md (carried in the jar). */
    @Bean
    OpenApiCustomizer protocolTable() {
        List<List<String>> rows = restTable();
        return api -> rows.forEach(row -> {
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(row.get(1));
            Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(row.get(0)));
            if (operation != null) {
                operation.summary(row.get(3)).description("Who may call it: " + row.get(2) + ".");
            }
        });
    }

    @Bean
    OpenApiCustomizer actuatorPaths() {
        return api -> api
                .path("/actuator/health", new PathItem().get(operation("Actuator", "Liveness: UP when the server and its "
                        + "database answer; details (database, relay, refused scenario files) for facilitators",
                        "UP", "503", "DOWN")))
                .path("/actuator/prometheus", new PathItem().get(operation("Actuator", "Metrics in the Prometheus text "
                        + "format, for facilitators and the configured scrape token (hotline.operations.scrape-token)",
                        "metrics", "401", "no or unknown token").security(List.of(new SecurityRequirement().addList("token")))));
    }

    /** Rows (method, path, who, purpose) of the REST tables of docs/protocol.md: section 2 and the review downloads. */
    private static List<List<String>> restTable() {
        try (InputStream in = ApiDocumentation.class.getResourceAsStream("/docs/protocol.md")) {
            if (in == null) {
                return List.of();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Stream.concat(rows(text, "rest", ""), rows(text, "review-downloads", "download, ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("docs/protocol.md in the jar could not be read", e);
        }
    }

    private static Stream<List<String>> rows(String text, String table, String purposePrefix) {
        String rows = text.substring(text.indexOf("<!-- " + table + ":begin -->"), text.indexOf("<!-- " + table + ":end -->"));
        return rows.lines().filter(line -> line.matches("\\| (GET|POST|PUT|PATCH|DELETE) \\|.*"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(cell -> cell.strip().replace("`", "")).toList())
                .filter(cells -> cells.size() >= 4)
                .map(cells -> List.of(cells.get(0), cells.get(1), cells.get(2), purposePrefix + cells.get(3)));
    }

    private static Operation operation(String tag, String summary, String ok, String failureCode, String failure) {
        return new Operation().addTagsItem(tag).summary(summary).responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description(ok))
                .addApiResponse(failureCode, new ApiResponse().description(failure)));
    }
}
