package com.creatorcommerce.platform.saga.it;

import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATED;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPLETED;
import static com.creatorcommerce.platform.saga.SagaStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaOps;
import com.creatorcommerce.platform.saga.SagaOps.Detail;
import com.creatorcommerce.platform.saga.SagaOps.Filter;
import com.creatorcommerce.platform.saga.SagaOpsException;
import com.creatorcommerce.platform.saga.StepEvent;
import com.creatorcommerce.platform.saga.it.DemoSaga.Transfer;
import com.creatorcommerce.platform.test.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Operators list sagas, look at one, re-send a stuck step or compensate now; each action is audited. */
class SagaOpsIT extends SagaIntegrationTest {

    @Autowired
    SagaOps ops;

    @Test
    void anOperatorResendsAStuckCommandAndTheSagaCompletes() {
        Transfer t = newTransfer(100, "seat-silent-once");
        long id = transfers.start(patient, t);
        Await.until("the first seat command, ignored", TIMEOUT, () -> received(t, DemoSaga.RESERVE_SEAT) == 1);

        SagaOps.Summary retried = ops.retry(id, "9001", "seat service restarted");

        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.deadlineAt()).isAfter(retried.updatedAt());
        awaitStatus(id, COMPLETED);
        assertThat(received(t, DemoSaga.RESERVE_SEAT)).isEqualTo(2);
        assertThat(seat(t)).isEqualTo("RESERVED");
        assertThat(log(id))
                .containsSubsequence(
                        "COMMAND_SENT reserve-seat",
                        "OPS_RETRY reserve-seat",
                        "RETRY reserve-seat",
                        "REPLY reserve-seat");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM saga_ops_audit WHERE saga_id = ? AND action = 'RETRY' "
                                + "AND actor = '9001' AND reason = 'seat service restarted'",
                        Integer.class,
                        id))
                .isEqualTo(1);
    }

    @Test
    void anOperatorCompensatesARunningSagaIncludingTheStepItWaitsFor() {
        Transfer t = newTransfer(100, "card-silent");
        long id = transfers.start(patient, t);
        Await.until("the card command, unanswered", TIMEOUT, () -> received(t, DemoSaga.CHARGE_CARD) == 1);

        ops.compensate(id, "9001", "card processor down for hours");

        awaitStatus(id, COMPENSATED);
        assertThat(reason(id)).isEqualTo(SagaDefinition.COMPENSATED_BY_OPERATOR);
        assertThat(received(t, DemoSaga.REFUND_CARD)).isEqualTo(1);
        assertThat(seat(t)).isEqualTo("RELEASED");
        assertThat(balance(t)).isEqualTo(BALANCE);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM saga_ops_audit WHERE saga_id = ? "
                                + "AND action = 'COMPENSATE' AND actor = '9001'",
                        Integer.class,
                        id))
                .isEqualTo(1);
        Detail detail = ops.detail(id).orElseThrow();
        assertThat(detail.steps()).extracting(SagaOps.LogEntry::event).contains(StepEvent.OPS_COMPENSATE);
        assertThat(detail.audit())
                .singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("card processor down for hours"));
    }

    @Test
    void operatorsCannotActOnEndedOrUnknownSagasAndSuchAttemptsLeaveNoAudit() {
        Transfer t = newTransfer(BALANCE + 1, "happy");
        long id = transfers.start(patient, t);

        assertThatThrownBy(() -> ops.retry(id, "9001", "x"))
                .isInstanceOfSatisfying(
                        SagaOpsException.class, e -> assertThat(e.kind()).isEqualTo(SagaOpsException.Kind.CONFLICT));
        assertThatThrownBy(() -> ops.compensate(id, "9001", "x"))
                .isInstanceOfSatisfying(
                        SagaOpsException.class, e -> assertThat(e.kind()).isEqualTo(SagaOpsException.Kind.CONFLICT));
        assertThatThrownBy(() -> ops.retry(1, "9001", "x"))
                .isInstanceOfSatisfying(
                        SagaOpsException.class, e -> assertThat(e.kind()).isEqualTo(SagaOpsException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> ops.retry(id, "9001", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM saga_ops_audit WHERE saga_id IN (?, 1)", Integer.class, id))
                .isZero();
        assertThat(status(id)).isEqualTo(COMPENSATED);
    }

    @Test
    void operatorsListSagasByStatusTypeAndAgeAndSeeOneWithItsDataAndLog() {
        Transfer t = newTransfer(100, "seat-silent");
        long id = transfers.start(patient, t);

        Filter running = new Filter(RUNNING, SagaTestApplication.PATIENT, null);
        assertThat(ops.list(running, 0, 1000)).extracting(SagaOps.Summary::id).contains(id);
        assertThat(ops.count(running)).isPositive();
        assertThat(ops.list(new Filter(COMPLETED, null, null), 0, 1000))
                .extracting(SagaOps.Summary::id)
                .doesNotContain(id);
        assertThat(ops.list(new Filter(RUNNING, SagaTestApplication.CARD_TIMEOUT, null), 0, 1000))
                .extracting(SagaOps.Summary::id)
                .doesNotContain(id);
        assertThat(ops.list(new Filter(null, null, Duration.ofHours(1)), 0, 1000))
                .as("nothing is an hour old")
                .isEmpty();
        assertThat(ops.count(new Filter(null, null, Duration.ofHours(1)))).isZero();

        Detail detail = ops.detail(id).orElseThrow();
        assertThat(detail.saga().status()).isEqualTo(RUNNING);
        assertThat(detail.saga().currentStep()).isEqualTo("reserve-seat");
        assertThat(detail.saga().deadlineAt()).isAfter(detail.saga().createdAt().plus(Duration.ofMinutes(4)));
        assertThat(detail.data()).contains("\"transfer_id\":" + t.transferId());
        assertThat(detail.steps())
                .extracting(SagaOps.LogEntry::event)
                .containsExactly(StepEvent.STARTED, StepEvent.LOCAL_DONE, StepEvent.COMMAND_SENT);
        assertThat(detail.steps().get(2).messageId()).isNotBlank();
        assertThat(ops.detail(2)).isEmpty();
    }
}
