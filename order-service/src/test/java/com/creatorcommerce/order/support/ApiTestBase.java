package com.creatorcommerce.order.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.TestJwt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on a random port over real HTTP, on a fresh database of the real server and the real broker. All
 * subclasses share one Spring context (and database): each test takes users, products and SKUs of its own.
 */
// the hourly purge of old view counters is exercised directly by a test, never behind its back
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "order.catalog.view-purge-cron=-")
@RealInfrastructure
@Import(SqlRecorder.Config.class)
public abstract class ApiTestBase {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1_000
            + ThreadLocalRandom.current().nextInt(1_000));
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected SqlRecorder sql;

    /** A user id no other test uses. */
    protected static long newUserId() {
        return IDS.incrementAndGet();
    }

    protected static String userToken() {
        return TestJwt.user(newUserId());
    }

    protected static String adminToken() {
        return TestJwt.admin(newUserId());
    }

    /** A SKU no other test uses. */
    protected static String newSku(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    // ------------------------------------------------------------------ HTTP

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> post(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpResponse<String> put(String path, String token, String json) {
        HttpRequest.Builder builder = request(path, token);
        if (json == null) {
            return send(builder.PUT(HttpRequest.BodyPublishers.noBody()));
        }
        return send(builder.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpResponse<String> patch(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Asserts an RFC 9457 problem with this status and code, and returns its body. */
    protected static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.path("code").asString())
                .as("code of %s", response.body())
                .isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }

    // ------------------------------------------------------------------ fixtures

    /** An option to create: name, additional price, stock. */
    public record OptionSpec(String optionName, String sku, long additionalPrice, int stock, boolean active) {

        public static OptionSpec of(String name, long additionalPrice, int stock) {
            return new OptionSpec(name, newSku("SKU"), additionalPrice, stock, true);
        }

        String json() {
            return """
                    {"option_name": "%s", "sku": "%s", "additional_price": %d, "stock_quantity": %d, "is_active": %s}""".formatted(optionName, sku, additionalPrice, stock, active);
        }
    }

    /** A product created through the admin API, with its option ids in the order given. */
    public record Created(long productId, List<Long> optionIds, JsonNode body) {

        public long option(int index) {
            return optionIds.get(index);
        }
    }

    protected Created createProduct(String name, long basePrice, OptionSpec... options) {
        return createProduct(name, basePrice, true, options);
    }

    protected Created createProduct(String name, long basePrice, boolean active, OptionSpec... options) {
        StringBuilder body = new StringBuilder();
        body.append("{\"product_name\": \"")
                .append(name)
                .append("\", \"description\": \"about ")
                .append(name)
                .append("\", \"base_price\": ")
                .append(basePrice)
                .append(", \"is_active\": ")
                .append(active)
                .append(", \"options\": [");
        for (int i = 0; i < options.length; i++) {
            body.append(i == 0 ? "" : ", ").append(options[i].json());
        }
        body.append("]}");
        HttpResponse<String> response = post("/v1/admin/products", adminToken(), body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json(response);
        List<Long> optionIds = new ArrayList<>();
        // options come back ordered by id (Snowflake ids grow in creation order)
        for (OptionSpec spec : options) {
            for (JsonNode option : created.path("options")) {
                if (option.path("sku").asString().equals(spec.sku())) {
                    optionIds.add(Long.parseLong(option.path("id").asString()));
                }
            }
        }
        assertThat(optionIds).hasSize(options.length);
        return new Created(Long.parseLong(created.path("id").asString()), optionIds, created);
    }

    protected int stockOf(long optionId) {
        return jdbc.queryForObject(
                "SELECT stock_quantity FROM product_options WHERE product_option_id = ?", Integer.class, optionId);
    }

    protected long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
