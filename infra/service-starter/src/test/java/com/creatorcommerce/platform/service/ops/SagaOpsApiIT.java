package com.creatorcommerce.platform.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.service.ops.SagaOpsTestApplication.Demos;
import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.TestJwt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The saga ops API of a service on the starter: ADMIN only, validated, problem+json, audited. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=starter-test", "platform.service.schema=starter_test"})
@RealInfrastructure
class SagaOpsApiIT {

    private static final String ADMIN = TestJwt.admin(9001);
    private static final String USER = TestJwt.user(9002);

    @LocalServerPort
    int port;

    @Autowired
    Demos demos;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    record Reply(int status, String contentType, JsonNode body) {
        String code() {
            return body.get("code").asString();
        }
    }

    @Test
    void onlyAnAdminSeesOrActsOnSagas() throws Exception {
        long id = demos.start(next());

        assertThat(get("/v1/admin/sagas", USER).status()).isEqualTo(403);
        assertThat(get("/v1/admin/sagas", null).status()).isEqualTo(401);
        Reply refused = post("/v1/admin/sagas/" + id + "/compensate", USER, "{\"reason\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(post("/v1/admin/sagas/" + id + "/retry", USER, "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT status FROM saga_instance WHERE id = ?", String.class, id))
                .isEqualTo("RUNNING");
    }

    @Test
    void anAdminListsSagasByStateTypeAndAgeAndSeesOneWithItsDataAndLog() throws Exception {
        long order = next();
        long id = demos.start(order);

        Reply list = get("/v1/admin/sagas?state=RUNNING&type=" + SagaOpsTestApplication.TYPE + "&page_size=100", ADMIN);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items").valueStream().map(n -> n.get("id").asString()))
                .contains(Long.toString(id));
        assertThat(list.body().get("page_size").asInt()).isEqualTo(100);
        assertThat(get("/v1/admin/sagas?older_than=P1D", ADMIN)
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(get("/v1/admin/sagas?state=STUCK", ADMIN).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(get("/v1/admin/sagas?older_than=yesterday", ADMIN).code()).isEqualTo("INVALID_OLDER_THAN");

        Reply detail = get("/v1/admin/sagas/" + id, ADMIN);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().get("current_step").asString()).isEqualTo("ask");
        assertThat(detail.body().get("deadline_at").asString()).isNotBlank();
        assertThat(detail.body().get("data").get("order_id").asLong())
                .as("data as JSON")
                .isEqualTo(order);
        assertThat(detail.body()
                        .get("steps")
                        .valueStream()
                        .map(n -> n.get("event").asString()))
                .containsExactly("STARTED", "LOCAL_DONE", "COMMAND_SENT");
        assertThat(get("/v1/admin/sagas/1", ADMIN).code()).isEqualTo("SAGA_NOT_FOUND");
        assertThat(get("/v1/admin/sagas/abc", ADMIN).status()).isEqualTo(400);
    }

    @Test
    void anAdminRetriesThenCompensatesWithAReasonAndEachActionIsAudited() throws Exception {
        long id = demos.start(next());
        String base = "/v1/admin/sagas/" + id;

        assertThat(post(base + "/retry", ADMIN, "{}").code())
                .as("a reason is required")
                .isEqualTo("VALIDATION_FAILED");
        Reply retried = post(base + "/retry", ADMIN, "{\"reason\":\"participant redeployed\"}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("status").asString()).isEqualTo("RUNNING");
        assertThat(retried.body().get("id").asString()).isEqualTo(Long.toString(id));

        Reply compensated = post(base + "/compensate", ADMIN, "{\"reason\":\"customer gave up\"}");
        assertThat(compensated.status()).isEqualTo(200);
        assertThat(compensated.body().get("status").asString()).isEqualTo("COMPENSATED");
        assertThat(compensated.body().get("reason_code").asString()).isEqualTo("COMPENSATED_BY_OPERATOR");
        assertThat(post(base + "/compensate", ADMIN, "{\"reason\":\"again\"}").code())
                .isEqualTo("SAGA_NOT_RUNNING");
        assertThat(post(base + "/retry", ADMIN, "{\"reason\":\"again\"}").code())
                .isEqualTo("SAGA_NOT_RETRYABLE");
        assertThat(post("/v1/admin/sagas/1/retry", ADMIN, "{\"reason\":\"x\"}").code())
                .isEqualTo("SAGA_NOT_FOUND");
        Reply missing = post("/v1/admin/sagas/1/compensate", ADMIN, "{\"reason\":\"x\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("SAGA_NOT_FOUND");

        assertThat(jdbc.queryForList(
                        "SELECT CONCAT(action, ' ', actor, ' ', reason) FROM saga_ops_audit "
                                + "WHERE saga_id = ? ORDER BY id",
                        String.class,
                        id))
                .containsExactly("RETRY 9001 participant redeployed", "COMPENSATE 9001 customer gave up");
        assertThat(get(base, ADMIN).body().get("audit").size()).isEqualTo(2);
    }

    private static long next() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private Reply get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    private Reply post(String path, String token, String body) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Reply send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body()));
        }
    }
}
