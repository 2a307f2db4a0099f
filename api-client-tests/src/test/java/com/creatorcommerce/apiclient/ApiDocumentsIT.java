package com.creatorcommerce.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed documents ({@code docs/openapi/<service>.json}, which the client of this module is generated from and
 * Redocly lints) are exactly what the running services serve at {@code /v3/api-docs}: they cannot drift from the
 * code. {@code -Dopenapi.update=true} writes what the services serve instead (see {@link #REGENERATE}).
 */
class ApiDocumentsIT {

    static final String REGENERATE = "./mvnw -pl api-client-tests -am verify -Dtest=none "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiDocumentsIT -Dfailsafe.failIfNoSpecifiedTests=false "
            + "-Dredocly.skip=true -Dopenapi.update=true";

    static final Path DOCS = Path.of(System.getProperty("openapi.docs", "../docs/openapi"));

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCommittedDocumentsAreWhatTheServicesServe() throws Exception {
        boolean update = Boolean.getBoolean("openapi.update");
        for (String service : RunningServices.names()) {
            String served = canonical(fetch(RunningServices.baseUrl(service) + "/v3/api-docs"));
            Path file = DOCS.resolve(service + ".json");
            if (update) {
                Files.createDirectories(DOCS);
                Files.writeString(file, served, StandardCharsets.UTF_8);
                continue;
            }
            assertThat(Files.exists(file))
                    .as(file + " is missing; write it with: " + REGENERATE)
                    .isTrue();
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(served)
                    .as(file + " differs from what " + service + " serves at /v3/api-docs (the code "
                            + "changed its API): regenerate the documents with " + REGENERATE)
                    .isEqualTo(committed);
        }
    }

    /** Sorted keys, two-space indentation, a final newline: stable, diff-friendly files. */
    static String canonical(String json) {
        JsonNode tree = CANONICAL.readTree(json);
        return CANONICAL.writeValueAsString(tree) + "\n";
    }

    private String fetch(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
