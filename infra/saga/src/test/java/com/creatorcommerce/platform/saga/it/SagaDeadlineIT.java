package com.creatorcommerce.platform.saga.it;

import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATED;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.it.DemoSaga.Transfer;
import com.creatorcommerce.platform.test.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Participants that do not answer: the sweeper retries idempotent steps, then compensates (deadlines 1 s / 3 s). */
class SagaDeadlineIT extends SagaIntegrationTest {

    @Autowired
    SimpleMeterRegistry meters;

    @Test
    void anUnansweredIdempotentStepIsSentAgainWithTheSameKeyAndTheSagaCompletes() {
        Transfer t = newTransfer(100, "seat-silent-once");

        long id = transfers.start(seatTimeout, t);

        awaitStatus(id, COMPLETED);
        assertThat(logged(id, "DEADLINE")).isEqualTo(1);
        assertThat(logged(id, "RETRY")).isEqualTo(1);
        assertThat(received(t, DemoSaga.RESERVE_SEAT)).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT CONCAT(message_key, ' ', payload) FROM demo_command "
                                + "WHERE transfer_id = ? AND type = ?",
                        String.class,
                        t.transferId(),
                        DemoSaga.RESERVE_SEAT))
                .as("the same command, same key")
                .hasSize(1)
                .first()
                .asString()
                .startsWith(Long.toString(t.transferId()));
        assertThat(seat(t)).isEqualTo("RESERVED");
        assertThat(ledger(t)).containsExactly(100L);
        assertThat(outcomes(t)).containsExactly("DONE -");
        Await.until(
                "the expiry is counted",
                TIMEOUT,
                () -> expiries(SagaTestApplication.SEAT_TIMEOUT, "reserve-seat") >= 1);
    }

    @Test
    void aStepStillUnansweredAfterItsAttemptsIsCompensatedItselfAndEverythingBefore() {
        Transfer t = newTransfer(100, "seat-silent");

        long id = transfers.start(seatTimeout, t);

        awaitStatus(id, COMPENSATED);
        assertThat(reason(id)).isEqualTo(SagaDefinition.DEADLINE_EXPIRED);
        assertThat(received(t, DemoSaga.RESERVE_SEAT)).as("two attempts").isEqualTo(2);
        assertThat(logged(id, "DEADLINE")).isEqualTo(2);
        assertThat(received(t, DemoSaga.RELEASE_SEAT)).isEqualTo(1);
        assertThat(seat(t)).as("released before it was reserved: a tombstone").isEqualTo("CLOSED");
        assertThat(received(t, DemoSaga.CHARGE_CARD)).isZero();
        assertThat(balance(t)).isEqualTo(BALANCE);
        assertThat(outcomes(t)).containsExactly("CANCELLED DEADLINE_EXPIRED");
        assertThat(jdbc.queryForObject("SELECT last_error FROM saga_instance WHERE id = ?", String.class, id))
                .contains("reserve-seat", "2 attempt");
    }

    @Test
    void aNonRetryableStepThatTimesOutIsCompensatedAtOnceEvenIfItsActionNeverHappened() {
        Transfer t = newTransfer(250, "card-silent");

        long id = transfers.start(cardTimeout, t);

        awaitStatus(id, COMPENSATED);
        assertThat(log(id))
                .containsSubsequence(
                        "COMMAND_SENT charge-card",
                        "DEADLINE charge-card",
                        "COMPENSATION_SENT charge-card",
                        "COMPENSATION_REPLY charge-card",
                        "COMPENSATION_SENT reserve-seat",
                        "COMPENSATION_REPLY reserve-seat",
                        "LOCAL_COMPENSATED debit-account",
                        "COMPENSATED -");
        assertThat(logged(id, "RETRY")).isZero();
        assertThat(received(t, DemoSaga.CHARGE_CARD)).isEqualTo(1);
        assertThat(card(t)).as("refund before any charge: a tombstone").isEqualTo("CLOSED");
        assertThat(ledger(t)).isEmpty();
        assertThat(seat(t)).isEqualTo("RELEASED");
        assertThat(balance(t)).isEqualTo(BALANCE);
        assertThat(jdbc.queryForList(
                        "SELECT status FROM saga_instance WHERE id = ? AND deadline_at IS NULL", String.class, id))
                .isEqualTo(List.of("COMPENSATED"));
    }

    private double expiries(String type, String step) {
        var counter = meters.find("saga.deadline.expired")
                .tags("type", type, "step", step)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
