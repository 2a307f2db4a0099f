package com.creatorcommerce.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.gateway.GatewayApplication;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import com.creatorcommerce.platform.messaging.outbox.JdbcOutbox;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.ServiceInThisJvm;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.systemtests.tracing.CollectedSpans;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One order placed through the gateway is one trace (issue 16): the client's W3C {@code traceparent} is continued by
 * the gateway, order-service's request, the outbox rows it appends, the relay's sends, the handlers of coupon-,
 * point- and payment-service and the replies and next commands they send. Every service exports its spans to
 * {@link CollectedSpans} (in memory); the log lines written on the way carry the same trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingAcrossServicesIT extends PointAndPaymentSystemTest {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final String[] LOGGERS = {
        JdbcOutbox.class.getName(),
        Inbox.class.getName(),
        "org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping"
    };

    private static ConfigurableApplicationContext coupon;
    private static ConfigurableApplicationContext order;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void startCouponOrderAndGateway() {
        // one instance of each service per JVM, shared with OrderSagasIT
        coupon = OrderAndCouponServices.COUPON;
        order = OrderAndCouponServices.ORDER;
        gateway = ServiceInThisJvm.start(
                GatewayApplication.class,
                "--spring.main.web-application-type=reactive",
                "--spring.cloud.gateway.server.webflux.enabled=true", // off for the services (system-tests' pom)
                // the JVM's logging as the applications log on their own (the last start configures it): Boot's
                // console format with the correlation pattern, not test-support's short test format
                "--logging.config=classpath:logback-traced.xml",
                // Netty serves the gateway, as in its own jar (Tomcat is on this classpath for the services)
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration,"
                        + "org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
                        + "TomcatReactiveManagementContextAutoConfiguration",
                "--management.server.port=0",
                "--platform.routes.order-service=http://127.0.0.1:" + port(order),
                "--platform.routes.coupon-service=http://127.0.0.1:" + port(coupon),
                // not called by this test
                "--platform.routes.point-service=http://127.0.0.1:9",
                "--platform.routes.payment-service=http://127.0.0.1:9",
                "--platform.routes.credit-service=http://127.0.0.1:9");
        // each application start configures the JVM's logging anew: the levels are raised once all have started
        LoggingSystem logging = LoggingSystem.get(TracingAcrossServicesIT.class.getClassLoader());
        for (String logger : LOGGERS) {
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
    }

    @AfterAll
    static void stop() {
        LoggingSystem logging = LoggingSystem.get(TracingAcrossServicesIT.class.getClassLoader());
        for (String logger : LOGGERS) {
            logging.setLogLevel(logger, null);
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void anOrderPlacedThroughTheGatewayIsOneTraceAcrossTheFiveApplicationsAndTheirLogs(CapturedOutput output) {
        long user = newId();
        String admin = TestJwt.admin(newId());
        long userCouponId = takeCoupon(user, admin);
        long option = createProduct(admin);
        String paymentKey = newKey("pk_trace_");
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(paymentKey)))
                .willReturn(okJson("{\"paymentKey\":\"" + paymentKey + "\",\"status\":\"DONE\",\"totalAmount\":20000,"
                        + "\"approvedAt\":\"" + Instant.now() + "\"}")));

        // the client starts the trace: its own traceparent, as a browser or mobile SDK with tracing would send
        String traceId = hex(32);
        String clientSpanId = hex(16);
        CollectedSpans.watch(traceId);
        try {
            HttpResponse<String> placed = send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port(gateway) + "/v1/orders"))
                    .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                    .header("Authorization", "Bearer " + TestJwt.user(user))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"items": [{"product_option_id": "%d", "quantity": 1}], "user_coupon_id": "%d",
                             "charge": {"amount": 20000, "payment_key": "%s"}}""".formatted(option, userCouponId, paymentKey))));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
            long orderId = Long.parseLong(body(placed).path("id").asString());
            awaitOrder(user, orderId, "COMPLETED");

            // the hops that must be in the trace: each participant handled a command and answered, and the
            // orchestrator handled those answers and sent the next commands; every span's parent exported too
            try {
                Await.until(
                        "the order's spans from the gateway and the four services, as one tree",
                        TIMEOUT,
                        () -> complete(CollectedSpans.of(traceId), clientSpanId));
            } catch (AssertionError e) {
                // not complete in time: the assertions below name what is missing
            }
            Map<String, Set<SpanKind>> kinds = kindsByService(CollectedSpans.of(traceId));
            assertThat(kinds)
                    .as("span kinds by service")
                    .containsKeys("gateway", "order-service", "coupon-service", "point-service", "payment-service");
            assertThat(kinds.get("gateway")).contains(SpanKind.SERVER, SpanKind.CLIENT);
            assertThat(kinds.get("order-service")).contains(SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER);
            for (String participant : List.of("coupon-service", "point-service", "payment-service")) {
                assertThat(kinds.get(participant)).as(participant).contains(SpanKind.CONSUMER, SpanKind.PRODUCER);
            }
            List<SpanData> spans = CollectedSpans.of(traceId);
            assertThat(spans).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(traceId));

            // one tree: the gateway's server span is the client's child, every other span has a parent in the trace
            // (the gateway's call for order-service's request, the relay's send for a consumer, ...)
            Set<String> ids = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
            SpanData gatewayServer = spans.stream()
                    .filter(s -> service(s).equals("gateway") && s.getKind() == SpanKind.SERVER)
                    .findFirst()
                    .orElseThrow();
            assertThat(gatewayServer.getParentSpanId()).isEqualTo(clientSpanId);
            assertThat(spans)
                    .allSatisfy(s -> assertThat(ids.contains(s.getParentSpanId())
                                    || s.getParentSpanId().equals(clientSpanId))
                            .as("parent of %s %s in %s", service(s), s.getName(), s.getParentSpanId())
                            .isTrue());
            SpanData orderServer = spans.stream()
                    .filter(s -> service(s).equals("order-service") && s.getKind() == SpanKind.SERVER)
                    .findFirst()
                    .orElseThrow();
            assertThat(service(byId(spans, orderServer.getParentSpanId())))
                    .as("order-service's request comes from")
                    .isEqualTo("gateway");
            // a participant's handler runs as the child of the send of the command it handles
            for (SpanData consumer : spans.stream()
                    .filter(s -> s.getKind() == SpanKind.CONSUMER && !service(s).equals("order-service"))
                    .toList()) {
                SpanData parent = byId(spans, consumer.getParentSpanId());
                assertThat(parent.getKind())
                        .as("parent of %s in %s", consumer.getName(), service(consumer))
                        .isIn(SpanKind.PRODUCER, SpanKind.CONSUMER);
            }

            // the logs of the way: the gateway's routing, and every service's outbox rows, with the trace id
            List<String> traced = output.getOut()
                    .lines()
                    .filter(l -> l.contains("[" + traceId + ","))
                    .toList();
            assertThat(traced)
                    .as("log lines of trace " + traceId)
                    .anyMatch(l -> l.contains("Route matched: order-service"))
                    .anyMatch(l -> l.contains("appended by /order-service"))
                    .anyMatch(l -> l.contains("appended by /coupon-service"))
                    .anyMatch(l -> l.contains("appended by /point-service"))
                    .anyMatch(l -> l.contains("appended by /payment-service"))
                    .anyMatch(l -> l.contains("coupon-commands handles"))
                    .anyMatch(l -> l.contains("order-saga-replies handles"));
        } finally {
            CollectedSpans.forget(traceId);
        }
    }

    /** Every hop's span kinds are there and every span's parent is the client's span or another span of the trace. */
    private static boolean complete(List<SpanData> spans, String clientSpanId) {
        Map<String, Set<SpanKind>> kinds = kindsByService(spans);
        Set<String> ids = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        return kinds.getOrDefault("gateway", Set.of()).containsAll(Set.of(SpanKind.SERVER, SpanKind.CLIENT))
                && kinds.getOrDefault("order-service", Set.of())
                        .containsAll(Set.of(SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER))
                && List.of("coupon-service", "point-service", "payment-service").stream()
                        .allMatch(p -> kinds.getOrDefault(p, Set.of())
                                .containsAll(Set.of(SpanKind.CONSUMER, SpanKind.PRODUCER)))
                && spans.stream()
                        .allMatch(s -> ids.contains(s.getParentSpanId())
                                || s.getParentSpanId().equals(clientSpanId));
    }

    private static Map<String, Set<SpanKind>> kindsByService(List<SpanData> spans) {
        return spans.stream()
                .collect(Collectors.groupingBy(
                        TracingAcrossServicesIT::service,
                        Collectors.mapping(SpanData::getKind, Collectors.toCollection(HashSet::new))));
    }

    private static String service(SpanData span) {
        String name = span.getResource().getAttribute(SERVICE_NAME);
        return name == null ? "" : name;
    }

    private static SpanData byId(List<SpanData> spans, String spanId) {
        return spans.stream()
                .filter(s -> s.getSpanId().equals(spanId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + spanId));
    }

    private static String hex(int length) {
        StringBuilder b = new StringBuilder(length);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        b.append("123456789abcdef".charAt(r.nextInt(15)));
        while (b.length() < length) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** An admin creates a 3,000 KRW coupon; the user takes it (straight at coupon-service). */
    private long takeCoupon(long user, String admin) {
        Instant now = Instant.now();
        JsonNode created = body(call(coupon, "POST", "/v1/admin/coupons", admin, """
                {"coupon_name": "Trace 3000", "discount_type": "FIXED", "discount_value": 3000, "min_order_amount": 0,
                 "total_quantity": 100, "valid_from": "%s", "valid_until": "%s", "is_active": true}""".formatted(
                        now.minusSeconds(3_600), now.plusSeconds(86_400))));
        HttpResponse<String> issued = call(
                coupon, "POST", "/v1/coupons/" + created.path("id").asString() + "/issue", TestJwt.user(user), null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return Long.parseLong(body(issued).path("id").asString());
    }

    private long createProduct(String admin) {
        JsonNode product = body(call(order, "POST", "/v1/admin/products", admin, """
                {"product_name": "Traced tee", "base_price": 15000, "is_active": true, "options": [
                  {"option_name": "M", "sku": "TRACE-%s", "additional_price": 0, "stock_quantity": 10}]}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8))));
        return Long.parseLong(product.path("options").get(0).path("id").asString());
    }

    private void awaitOrder(long user, long orderId, String status) {
        Await.until(
                "order " + orderId + " " + status,
                TIMEOUT,
                () -> status.equals(body(call(order, "GET", "/v1/orders/" + orderId, TestJwt.user(user), null))
                        .path("status")
                        .asString()));
    }

    private HttpResponse<String> call(
            ConfigurableApplicationContext service, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(service) + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
