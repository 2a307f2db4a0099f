package com.creatorcommerce.payment.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.payment.application.ConfirmPaymentService;
import com.creatorcommerce.payment.application.PaymentReconciler;
import com.creatorcommerce.platform.test.Await;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reconciliation job's per-row schedule (test context: held 1 s after a PG call, then 0.5 s, 1 s, 2 s, 4 s, 4 s...
 * between looks, flagged for ops after 5): rows are taken due-first, so payments the PG keeps failing on do not starve
 * newer ones, and a row that never resolves is flagged, counted and still looked at.
 */
class ReconciliationScheduleIT extends PaymentIntegrationTest {

    /** Far enough ahead that every row is due: what is looked at is decided by the order and the batch size. */
    private static final Duration EVERYTHING_DUE = Duration.ofHours(1);

    @Autowired
    PaymentReconciler reconciler;

    @Autowired
    ConfirmPaymentService confirms;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void paymentInvariantsHold() {
        assertPaymentInvariants();
    }

    private static void confirmAnswers(String key, ResponseDefinitionBuilder r) {
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(r));
    }

    private static void statusAnswers(String key, ResponseDefinitionBuilder r) {
        PG.stubFor(get(urlEqualTo("/v1/payments/" + key)).willReturn(r));
    }

    private String lastError(String key) {
        List<String> e =
                jdbc.queryForList("SELECT last_error FROM payments WHERE pg_payment_id = ?", String.class, key);
        return e.isEmpty() ? null : e.getFirst();
    }

    /** A payment whose confirm came back unknown (5xx) and whose status the PG does not tell yet: PENDING. */
    private void unknownOutcome(String key, long amount) {
        confirmAnswers(key, aResponse().withStatus(503));
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"IN_PROGRESS\"}"));
        long user = newId();
        send(
                PaymentTopics.CONFIRM,
                key,
                new ConfirmPaymentCommand(key, PaymentPurpose.ORDER_CHARGE, newId(), user, amount),
                user);
        Await.until("the unknown outcome of " + key + " recorded", TIMEOUT, () -> lastError(key) != null);
        assertThat(status(key)).isEqualTo("PENDING");
    }

    private long delayMillis(String key) {
        return jdbc.queryForObject(
                "SELECT TIMESTAMPDIFF(MICROSECOND, last_checked_at, next_check_at) DIV 1000 "
                        + "FROM payments WHERE pg_payment_id = ?",
                Long.class,
                key);
    }

    private int attempts(String key) {
        return jdbc.queryForObject("SELECT check_attempts FROM payments WHERE pg_payment_id = ?", Integer.class, key);
    }

    private boolean flaggedForOps(String key) {
        return jdbc.queryForObject(
                "SELECT attention_at IS NOT NULL FROM payments WHERE pg_payment_id = ?", Boolean.class, key);
    }

    private java.sql.Timestamp attentionAt(String key) {
        return jdbc.queryForObject(
                "SELECT attention_at FROM payments WHERE pg_payment_id = ?", java.sql.Timestamp.class, key);
    }

    private double flaggedCount() {
        Counter c = meters.find("payment.reconciliation.flagged").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aStuckHeadOfOldPendingPaymentsDoesNotStarveANewerOne() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // a full batch (100) of older payments the PG never settles: recorded, then the process died before the PG
        // was asked (the PG now says IN_PROGRESS for each, forever)
        PG.stubFor(get(urlPathMatching("/v1/payments/pk_stuck_" + run + "_.*"))
                .willReturn(okJson("{\"status\":\"IN_PROGRESS\"}")));
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 100; i++) {
                String key = "pk_stuck_" + run + "_" + i;
                long user = newId();
                confirms.accept(
                        new ConfirmPaymentCommand(key, PaymentPurpose.ORDER_CHARGE, newId(), user, 1_000),
                        "saga-" + key);
            }
        });
        // a newer payment, unknown at first; then the PG can tell it was approved
        String fresh = newKey("pk_fresh_");
        unknownOutcome(fresh, 5_000);
        statusAnswers(fresh, okJson("{\"paymentKey\":\"" + fresh + "\",\"status\":\"DONE\",\"totalAmount\":5000}"));

        reconciler.reconcile(Instant.now().plus(EVERYTHING_DUE));
        reconciler.reconcile(Instant.now().plus(EVERYTHING_DUE));

        assertThat(status(fresh))
                .as("the newer payment is settled within two runs")
                .isEqualTo("SUCCESS");
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, fresh, 1);
        String stuck = "pk\\_stuck\\_" + run + "\\_%";
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payments WHERE pg_payment_id LIKE ? "
                                + "AND payment_status = 'PENDING' AND check_attempts >= 1 AND next_check_at > last_checked_at",
                        Integer.class,
                        stuck))
                .as("the stuck ones were looked at and backed off")
                .isEqualTo(100);

        // the PG finally answers for them too: aborted
        PG.stubFor(get(urlPathMatching("/v1/payments/pk_stuck_" + run + "_.*"))
                .willReturn(okJson("{\"status\":\"ABORTED\"}")));
        reconciler.reconcile(Instant.now().plus(EVERYTHING_DUE));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payments WHERE pg_payment_id LIKE ? "
                                + "AND payment_status = 'FAILED' AND failure_code = 'PG_ABORTED' AND next_check_at IS NULL",
                        Integer.class,
                        stuck))
                .isEqualTo(100);
    }

    @Test
    void aPaymentThatNeverResolvesBacksOffExponentiallyUpToTheCapAndIsFlaggedForOpsOnce() {
        String key = newKey("pk_never_");
        double flaggedBefore = flaggedCount();
        unknownOutcome(key, 2_000);
        assertThat(attempts(key)).isEqualTo(1);
        assertThat(delayMillis(key)).isEqualTo(500);

        long[] expected = {1_000, 2_000, 4_000, 4_000};
        for (int attempt = 2; attempt <= 5; attempt++) {
            reconciler.reconcile(Instant.now().plus(EVERYTHING_DUE));
            assertThat(attempts(key)).isEqualTo(attempt);
            assertThat(delayMillis(key)).as("delay after look " + attempt).isEqualTo(expected[attempt - 2]);
            assertThat(flaggedForOps(key)).as("flagged after look " + attempt).isEqualTo(attempt == 5);
        }
        assertThat(flaggedCount()).isGreaterThanOrEqualTo(flaggedBefore + 1);
        java.sql.Timestamp flaggedAt = attentionAt(key);
        Gauge attention = meters.find("payment.attention").gauge();
        assertThat(attention).isNotNull();
        assertThat(attention.value()).isGreaterThanOrEqualTo(1);
        assertThat(status(key)).isEqualTo("PENDING");

        // flagged, not dropped: still looked at (at the longest delay), counted once
        reconciler.reconcile(Instant.now().plus(EVERYTHING_DUE));
        assertThat(attempts(key)).isEqualTo(6);
        assertThat(delayMillis(key)).isEqualTo(4_000);
        assertThat(attentionAt(key)).as("flagged once").isEqualTo(flaggedAt);

        // and settled once the PG can tell
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":2000}"));
        double flaggedOpen = attention.value();
        reconciler.reconcile(Instant.now().plus(EVERYTHING_DUE));
        assertThat(status(key)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject(
                        "SELECT next_check_at IS NULL FROM payments WHERE pg_payment_id = ?", Boolean.class, key))
                .isTrue();
        assertThat(attention.value()).isLessThan(flaggedOpen);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        assertThat(messages(PaymentTopics.REPLIES, key)).hasSize(1);
    }

    @Test
    void aRowJustSentToThePgIsLeftToItsCallerUntilItsHoldEnds() {
        String key = newKey("pk_inflight_");
        long user = newId();
        tx.executeWithoutResult(s -> confirms.accept(
                new ConfirmPaymentCommand(key, PaymentPurpose.ORDER_CHARGE, newId(), user, 1_500), "saga-" + key));

        reconciler.reconcile(Instant.now());
        assertThat(statusCalls(key))
                .as("held while its caller is about to ask the PG")
                .isEmpty();

        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":1500}"));
        reconciler.reconcile(Instant.now().plusSeconds(2));
        assertThat(status(key)).isEqualTo("SUCCESS");
        assertThat(statusCalls(key)).hasSize(1);
    }
}
