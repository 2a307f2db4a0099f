package com.creatorcommerce.point.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.point.testing.PointServiceFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * point-service on the real database and broker. All integration tests of this module share this one context. The
 * tests with the real payment-service beside it (the charge saga end to end) live in system-tests, on the same
 * {@link PointServiceFixture}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class PointIntegrationTest extends PointServiceFixture {

    @Value("${local.management.port}")
    protected int managementPort;

    @Autowired
    void pointService(
            JdbcTemplate jdbc, JsonMapper json, KafkaTemplate<String, String> kafka, @LocalServerPort int port) {
        use(jdbc, json, kafka, port);
    }

    /** The management port's {@code /actuator/prometheus} page (no token there). */
    protected String prometheus() {
        HttpResponse<String> r;
        try {
            r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
