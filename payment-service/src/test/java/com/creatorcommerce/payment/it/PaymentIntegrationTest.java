package com.creatorcommerce.payment.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.platform.messaging.Envelopes;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.TopicRecorder;
import com.creatorcommerce.platform.test.WireMocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * payment-service on the real database and broker, with WireMock as the PG. All integration tests of this module
 * share this one context (same properties), so that only one set of listeners consumes {@code payment.commands}.
 * The reconciliation job does not run on its own here: tests call it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "resilience4j.timelimiter.instances.pg.timeout-duration=400ms",
            "resilience4j.retry.instances.pg.max-attempts=3",
            "resilience4j.retry.instances.pg.wait-duration=50ms",
            // tests inject many failures on purpose; the breaker's own behaviour is HttpPaymentGatewayTest's subject
            "resilience4j.circuitbreaker.instances.pg.minimum-number-of-calls=1000",
            "resilience4j.circuitbreaker.instances.pg.sliding-window-size=1000",
            "platform.payment.reconciliation.enabled=false",
            // per-row schedule of the job (tests call it with the instant to reconcile at): short, to see the back-off
            "platform.payment.reconciliation.min-age=1s",
            "platform.payment.reconciliation.first-retry-delay=500ms",
            "platform.payment.reconciliation.max-retry-delay=4s",
            "platform.payment.reconciliation.max-attempts=5"
        })
@RealInfrastructure
public abstract class PaymentIntegrationTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final WireMockServer PG = WireMocks.start();
    protected static final TopicRecorder RECORDER = TopicRecorder.of(PaymentTopics.REPLIES, PaymentTopics.EVENTS);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry registry) {
        registry.add("platform.payment-gateway.base-url", PG::baseUrl);
    }

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @LocalServerPort
    protected int port;

    @Value("${local.management.port}")
    protected int managementPort;

    protected final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    protected static long newId() {
        return IDS.incrementAndGet();
    }

    protected static String newKey(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** Publishes a command as a producer would (our envelope headers), with the given message id. */
    protected void send(String type, String key, Object payload, String messageId, long userId) {
        try {
            kafka.send(Envelopes.record(
                            PaymentTopics.COMMANDS,
                            key,
                            type,
                            json.writeValueAsString(payload),
                            messageId,
                            "/test",
                            "saga-" + messageId,
                            userId))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected String send(String type, String key, Object payload, long userId) {
        String id = "cmd-" + UUID.randomUUID();
        send(type, key, payload, id, userId);
        return id;
    }

    protected List<ConsumerRecord<String, String>> awaitMessages(
            String topic, String type, String containing, int count) {
        return RECORDER.await(
                r -> r.topic().equals(topic)
                        && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE))
                        && r.value().contains(containing),
                count,
                TIMEOUT);
    }

    protected List<ConsumerRecord<String, String>> messages(String topic, String containing) {
        return RECORDER.records(r -> r.topic().equals(topic) && r.value().contains(containing));
    }

    protected JsonNode payload(ConsumerRecord<String, String> record) {
        return json.readTree(record.value());
    }

    protected List<LoggedRequest> confirmCalls(String paymentKey) {
        return PG.findAll(postRequestedFor(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(paymentKey))));
    }

    protected List<LoggedRequest> statusCalls(String paymentKey) {
        return PG.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/v1/payments/" + paymentKey)));
    }

    protected List<LoggedRequest> cancelCalls(String paymentKey) {
        return PG.findAll(postRequestedFor(urlEqualTo("/v1/payments/" + paymentKey + "/cancel")));
    }

    protected String status(String paymentKey) {
        List<String> s = jdbc.queryForList(
                "SELECT payment_status FROM payments WHERE pg_payment_id = ?", String.class, paymentKey);
        return s.isEmpty() ? null : s.getFirst();
    }

    protected int paymentRows(String paymentKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE pg_payment_id = ?", Integer.class, paymentKey);
    }

    /**
     * The money rules of payments, over the whole database: what a payment has cancelled is the sum of its DONE
     * cancellations, never more than the PG approved (or, before an approval, than was asked), and the cancels in
     * flight never exceed what is left.
     */
    protected void assertPaymentInvariants() {
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM payments p
                LEFT JOIN (SELECT payment_id, SUM(cancel_amount) AS done FROM payment_cancellations
                           WHERE status = 'DONE' GROUP BY payment_id) c ON c.payment_id = p.payment_id
                WHERE p.cancelled_amount <> COALESCE(c.done, 0)""", Integer.class))
                .as("cancelled_amount = sum of DONE cancellations")
                .isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM payments
                WHERE cancelled_amount < 0 OR cancelled_amount > COALESCE(approved_amount, amount)""", Integer.class))
                .as("never more cancelled than approved")
                .isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM payments p
                JOIN (SELECT payment_id, SUM(cancel_amount) AS requested FROM payment_cancellations
                      WHERE status = 'REQUESTED' GROUP BY payment_id) r ON r.payment_id = p.payment_id
                WHERE p.cancelled_amount + r.requested > COALESCE(p.approved_amount, 0)""", Integer.class))
                .as("cancels in flight within what is left")
                .isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM payments WHERE payment_status IN ('SUCCESS', 'PARTIALLY_CANCELLED', 'CANCELLED')
                AND (approved_amount IS NULL OR approved_amount <> amount)""", Integer.class))
                .as("an approved payment was approved for exactly its amount")
                .isZero();
    }

    protected HttpResponse<String> getApi(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value of counter {@code name} (its Prometheus name, e.g. {@code payment_pg_outcomes_total}) with
     * {@code tag}={@code value}, as the management port's {@code /actuator/prometheus} shows it; 0 when absent.
     */
    protected double prometheusCounter(String name, String tag, String value) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .GET()
                .build();
        String text;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            text = response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return text.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains(tag + "=\"" + value + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
