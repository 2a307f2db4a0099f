package com.creatorcommerce.payment.adapter.out.pg;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.payment.application.port.PaymentGateway.CancelOutcome;
import com.creatorcommerce.payment.application.port.PaymentGateway.ConfirmOutcome;
import com.creatorcommerce.payment.application.port.PaymentGateway.StatusOutcome;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stack's mock PG (infra/mock-pg mappings, ARCHITECTURE.md's table) as this client reads it: every payment
 * key prefix leads to the outcome the table promises, so the stack can be driven by hand through every path.
 */
class MockPgMappingsTest {

    private static WireMockServer mockPg;
    private static HttpPaymentGateway gateway;

    @BeforeAll
    static void start() {
        Path root = Path.of("..", "infra", "mock-pg");
        assertThat(Files.isDirectory(root.resolve("mappings")))
                .as("mock PG mappings at " + root.toAbsolutePath())
                .isTrue();
        mockPg = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .usingFilesUnderDirectory(root.toString()));
        mockPg.start();
        gateway = new HttpPaymentGateway(
                new PaymentGatewayProperties(URI.create(mockPg.baseUrl()), Duration.ofSeconds(1), null),
                TimeLimiter.of(TimeLimiterConfig.custom()
                        .timeoutDuration(Duration.ofMillis(500))
                        .build()),
                CircuitBreaker.ofDefaults("mock-pg"),
                Retry.of("mock-pg", RetryConfig.custom().maxAttempts(1).build()));
    }

    @AfterAll
    static void stop() {
        mockPg.stop();
    }

    @Test
    void approveAnswersTheRequestedAmount() {
        ConfirmOutcome outcome = gateway.confirm("pk_approve_1", "point-charge-1", 12_345, "k1");
        assertThat(outcome).isInstanceOf(ConfirmOutcome.Approved.class);
        assertThat(((ConfirmOutcome.Approved) outcome).totalAmount()).isEqualTo(12_345);
        assertThat(gateway.status("pk_approve_1")).isInstanceOf(StatusOutcome.Done.class);
    }

    @Test
    void declineIsARejectionAndItsStatusIsAborted() {
        assertThat(gateway.confirm("pk_decline_1", "o", 1_000, "k2"))
                .isEqualTo(new ConfirmOutcome.Rejected("REJECT_CARD_PAYMENT", "The card issuer declined the payment"));
        assertThat(gateway.status("pk_decline_1")).isEqualTo(new StatusOutcome.NotApproved("ABORTED"));
    }

    @Test
    void slowAndErrorAreUnknownOutcomesThatTheStatusShowsDone() {
        assertThat(gateway.confirm("pk_slow_1", "o", 1_000, "k3")).isInstanceOf(ConfirmOutcome.Unknown.class);
        assertThat(gateway.status("pk_slow_1")).isInstanceOf(StatusOutcome.Done.class);
        assertThat(gateway.confirm("pk_error_1", "o", 1_000, "k4")).isInstanceOf(ConfirmOutcome.Unknown.class);
        assertThat(gateway.status("pk_error_1")).isInstanceOf(StatusOutcome.Done.class);
    }

    @Test
    void mismatchApprovesOneMoreThanRequested() {
        assertThat(gateway.confirm("pk_mismatch_1", "o", 5_000, "k5"))
                .isInstanceOf(ConfirmOutcome.Approved.class)
                .extracting(o -> ((ConfirmOutcome.Approved) o).totalAmount())
                .isEqualTo(5_001L);
    }

    @Test
    void anyOtherKeyIsUnknownToThePg() {
        assertThat(gateway.confirm("nope", "o", 1_000, "k6"))
                .isEqualTo(new ConfirmOutcome.Rejected("NOT_FOUND_PAYMENT", "No payment with this payment key"));
        assertThat(gateway.status("nope")).isEqualTo(new StatusOutcome.NotFound());
    }

    @Test
    void fullAndPartialCancelsAreAccepted() {
        assertThat(gateway.cancel("pk_approve_2", "refund", 500L, "c1")).isInstanceOf(CancelOutcome.Cancelled.class);
        assertThat(gateway.cancel("pk_approve_2", "refund", null, "c2")).isInstanceOf(CancelOutcome.Cancelled.class);
        assertThat(gateway.cancel("nope", "refund", null, "c3")).isInstanceOf(CancelOutcome.Rejected.class);
    }
}
