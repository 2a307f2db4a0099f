package com.creatorcommerce.payment.adapter.out.pg;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.payment.application.port.PaymentGateway.CancelOutcome;
import com.creatorcommerce.payment.application.port.PaymentGateway.ConfirmOutcome;
import com.creatorcommerce.payment.application.port.PaymentGateway.StatusOutcome;
import com.creatorcommerce.platform.test.WireMocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PG client against WireMock: how each PG behaviour is classified, retried and guarded by the breaker. */
class HttpPaymentGatewayTest {

    private WireMockServer pg;
    private CircuitBreaker breaker;
    private HttpPaymentGateway gateway;

    @BeforeEach
    void start() {
        pg = WireMocks.start();
        breaker = CircuitBreaker.of(
                "pg",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(4)
                        .minimumNumberOfCalls(4)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMinutes(1))
                        .build());
        Retry retry = Retry.of(
                "pg",
                RetryConfig.custom()
                        .maxAttempts(3)
                        .waitDuration(Duration.ofMillis(20))
                        .retryOnException(PgHttpCalls::isTransient)
                        .build());
        TimeLimiter limiter = TimeLimiter.of(
                "pg",
                TimeLimiterConfig.custom()
                        .timeoutDuration(Duration.ofMillis(300))
                        .cancelRunningFuture(true)
                        .build());
        gateway = new HttpPaymentGateway(
                new PaymentGatewayProperties(URI.create(pg.baseUrl()), Duration.ofSeconds(1), "test_sk"),
                limiter,
                breaker,
                retry);
    }

    @AfterEach
    void stop() {
        pg.stop();
    }

    @Test
    void anApprovalIsReadFromThePgsCamelCaseJsonAndTheRequestCarriesKeyAndAuth() {
        pg.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .willReturn(
                        okJson("{\"paymentKey\":\"pk_1\",\"orderId\":\"o-1\",\"status\":\"DONE\",\"totalAmount\":1000,"
                                + "\"approvedAt\":\"2026-01-02T03:04:05+09:00\",\"method\":\"CARD\"}")));

        ConfirmOutcome outcome = gateway.confirm("pk_1", "o-1", 1000, "idem-1");

        assertThat(outcome).isEqualTo(new ConfirmOutcome.Approved(1000, Instant.parse("2026-01-01T18:04:05Z")));
        pg.verify(postRequestedFor(urlEqualTo("/v1/payments/confirm"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("idem-1"))
                .withHeader(
                        "Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Basic dGVzdF9zazo="))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"paymentKey\":\"pk_1\",\"orderId\":\"o-1\",\"amount\":1000}")));
    }

    @Test
    void aClientErrorIsADefiniteRejectionAndIsNotRetried() {
        pg.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"INVALID_AMOUNT\",\"message\":\"bad amount\"}")));

        assertThat(gateway.confirm("pk_2", "o-2", 1, "idem-2"))
                .isEqualTo(new ConfirmOutcome.Rejected("INVALID_AMOUNT", "bad amount"));
        pg.verify(1, postRequestedFor(urlEqualTo("/v1/payments/confirm")));
    }

    @Test
    void timeoutsServerErrorsAndResetsAreRetriedThenUnknown() {
        pg.stubFor(
                post(urlEqualTo("/v1/payments/confirm")).willReturn(okJson("{}").withFixedDelay(1_000)));
        assertThat(gateway.confirm("pk_3", "o-3", 1, "idem-3")).isInstanceOf(ConfirmOutcome.Unknown.class);
        pg.verify(3, postRequestedFor(urlEqualTo("/v1/payments/confirm")));

        pg.resetAll();
        breaker.reset(); // three failures per call: the small test breaker would open
        pg.stubFor(
                post(urlEqualTo("/v1/payments/confirm")).willReturn(aResponse().withStatus(500)));
        assertThat(gateway.confirm("pk_3", "o-3", 1, "idem-3")).isInstanceOf(ConfirmOutcome.Unknown.class);
        pg.verify(3, postRequestedFor(urlEqualTo("/v1/payments/confirm")));

        pg.resetAll();
        breaker.reset();
        pg.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ConfirmOutcome reset = gateway.confirm("pk_3", "o-3", 1, "idem-3");
        assertThat(reset).isInstanceOf(ConfirmOutcome.Unknown.class);
        assertThat(((ConfirmOutcome.Unknown) reset).reason()).contains("connection");
        pg.verify(3, postRequestedFor(urlEqualTo("/v1/payments/confirm")));
    }

    @Test
    void anOpenBreakerSendsNothingAndTheOutcomeIsUnknown() {
        pg.stubFor(
                post(urlEqualTo("/v1/payments/confirm")).willReturn(aResponse().withStatus(503)));
        gateway.confirm("pk_4", "o-4", 1, "idem-4"); // 3 failures
        gateway.confirm("pk_4", "o-4", 1, "idem-4"); // the 4th call opens the breaker
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int sent =
                pg.findAll(postRequestedFor(urlEqualTo("/v1/payments/confirm"))).size();

        ConfirmOutcome outcome = gateway.confirm("pk_5", "o-5", 1, "idem-5");

        assertThat(outcome).isInstanceOf(ConfirmOutcome.Unknown.class);
        assertThat(((ConfirmOutcome.Unknown) outcome).reason()).contains("circuit breaker is open");
        assertThat(pg.findAll(postRequestedFor(urlEqualTo("/v1/payments/confirm"))))
                .hasSize(sent);
    }

    @Test
    void theStatusQueryTellsDoneAbortedNotFoundAndInProgressApart() {
        pg.stubFor(get(urlEqualTo("/v1/payments/pk_done"))
                .willReturn(okJson("{\"paymentKey\":\"pk_done\",\"status\":\"DONE\",\"totalAmount\":500}")));
        pg.stubFor(get(urlEqualTo("/v1/payments/pk_aborted")).willReturn(okJson("{\"status\":\"ABORTED\"}")));
        pg.stubFor(get(urlEqualTo("/v1/payments/pk_wait")).willReturn(okJson("{\"status\":\"IN_PROGRESS\"}")));
        pg.stubFor(
                get(urlEqualTo("/v1/payments/pk_none")).willReturn(aResponse().withStatus(404)));

        assertThat(gateway.status("pk_done")).isEqualTo(new StatusOutcome.Done(500L, null));
        assertThat(gateway.status("pk_aborted")).isEqualTo(new StatusOutcome.NotApproved("ABORTED"));
        assertThat(gateway.status("pk_wait")).isEqualTo(new StatusOutcome.InProgress("IN_PROGRESS"));
        assertThat(gateway.status("pk_none")).isEqualTo(new StatusOutcome.NotFound());
    }

    @Test
    void aCancelSendsTheAmountOnlyWhenPartial() {
        pg.stubFor(post(urlEqualTo("/v1/payments/pk_c/cancel"))
                .willReturn(okJson("{\"status\":\"PARTIAL_CANCELED\",\"canceledAt\":\"2026-01-01T00:00:00Z\"}")));

        assertThat(gateway.cancel("pk_c", "refund", 300L, "c-1"))
                .isEqualTo(new CancelOutcome.Cancelled(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(gateway.cancel("pk_c", "all", null, "c-2")).isInstanceOf(CancelOutcome.Cancelled.class);

        pg.verify(postRequestedFor(urlEqualTo("/v1/payments/pk_c/cancel"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"cancelReason\":\"refund\",\"cancelAmount\":300}")));
        pg.verify(postRequestedFor(urlEqualTo("/v1/payments/pk_c/cancel"))
                .withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"cancelReason\":\"all\"}")));
    }

    @Test
    void aConflictOrAnAlreadyProcessingCodeIsNoDeclineButAnUnknownOutcome() {
        pg.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"IDEMPOTENT_REQUEST_PROCESSING\",\"message\":\"still processing\"}")));
        ConfirmOutcome conflict = gateway.confirm("pk_6", "o-6", 1, "idem-6");
        assertThat(conflict).isInstanceOf(ConfirmOutcome.Unknown.class);
        assertThat(((ConfirmOutcome.Unknown) conflict).reason())
                .contains("409")
                .contains("IDEMPOTENT_REQUEST_PROCESSING");
        pg.verify(1, postRequestedFor(urlEqualTo("/v1/payments/confirm")));

        pg.resetAll();
        pg.stubFor(
                post(urlEqualTo("/v1/payments/confirm")).willReturn(aResponse().withStatus(409)));
        assertThat(gateway.confirm("pk_6", "o-6", 1, "idem-6")).isInstanceOf(ConfirmOutcome.Unknown.class);

        for (String code : new String[] {"ALREADY_PROCESSED_PAYMENT", "DUPLICATED_ORDER_ID", "PROVIDER_ERROR"}) {
            pg.resetAll();
            pg.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"code\":\"" + code + "\",\"message\":\"m\"}")));
            assertThat(gateway.confirm("pk_6", "o-6", 1, "idem-6")).as(code).isInstanceOf(ConfirmOutcome.Unknown.class);
        }
    }

    @Test
    void aClientErrorWithoutAReadableCodeIsUnclear() {
        pg.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Bad Request</html>")));

        ConfirmOutcome outcome = gateway.confirm("pk_7", "o-7", 1, "idem-7");

        assertThat(outcome).isInstanceOf(ConfirmOutcome.Unclear.class);
        assertThat(((ConfirmOutcome.Unclear) outcome).code()).isEqualTo("PG_HTTP_400");
        assertThat(((ConfirmOutcome.Unclear) outcome).message()).contains("Bad Request");
    }

    @Test
    void aCancelledPaymentTellsHowMuchIsStillApproved() {
        pg.stubFor(get(urlEqualTo("/v1/payments/pk_part"))
                .willReturn(okJson("{\"status\":\"PARTIAL_CANCELED\",\"totalAmount\":1000,\"balanceAmount\":700}")));
        pg.stubFor(get(urlEqualTo("/v1/payments/pk_part_cancels"))
                .willReturn(okJson(
                        "{\"status\":\"PARTIAL_CANCELED\",\"totalAmount\":1000,\"cancels\":[{\"cancelAmount\":100},"
                                + "{\"cancelAmount\":250}]}")));
        pg.stubFor(get(urlEqualTo("/v1/payments/pk_part_untold"))
                .willReturn(okJson("{\"status\":\"PARTIAL_CANCELED\",\"totalAmount\":1000}")));
        pg.stubFor(get(urlEqualTo("/v1/payments/pk_all"))
                .willReturn(okJson("{\"status\":\"CANCELED\",\"totalAmount\":1000}")));
        pg.stubFor(get(urlEqualTo("/v1/payments/pk_all_untold")).willReturn(okJson("{\"status\":\"CANCELED\"}")));

        assertThat(gateway.status("pk_part")).isEqualTo(new StatusOutcome.Cancelled("PARTIAL_CANCELED", 1000L, 700));
        assertThat(gateway.status("pk_part_cancels"))
                .isEqualTo(new StatusOutcome.Cancelled("PARTIAL_CANCELED", 1000L, 650));
        assertThat(gateway.status("pk_part_untold")).isInstanceOf(StatusOutcome.Unknown.class);
        assertThat(gateway.status("pk_all")).isEqualTo(new StatusOutcome.Cancelled("CANCELED", 1000L, 0));
        assertThat(gateway.status("pk_all_untold")).isEqualTo(new StatusOutcome.Cancelled("CANCELED", null, 0));
    }

    @Test
    void aConflictToACancelRetryIsAnUnknownOutcome() {
        pg.stubFor(post(urlEqualTo("/v1/payments/pk_c2/cancel"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"IDEMPOTENT_REQUEST_PROCESSING\",\"message\":\"still processing\"}")));

        assertThat(gateway.cancel("pk_c2", "refund", 300L, "c-3")).isInstanceOf(CancelOutcome.Unknown.class);
    }
}
