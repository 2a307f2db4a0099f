package com.creatorcommerce.platform.saga.it;

import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATED;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPLETED;
import static com.creatorcommerce.platform.saga.SagaStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.messaging.Envelopes;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.saga.SagaEngine;
import com.creatorcommerce.platform.saga.it.DemoSaga.Transfer;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

/** The demo saga against the real database and broker, with participants answering through their outbox. */
class SagaFlowIT extends SagaIntegrationTest {

    @Autowired
    SagaEngine engine;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SimpleMeterRegistry meters;

    @Test
    void aLocalStepAndTwoRemoteStepsCompleteWithOneEffectEach() {
        Transfer t = newTransfer(300, "happy");

        long id = transfers.start(patient, t);

        awaitStatus(id, COMPLETED);
        assertThat(balance(t)).isEqualTo(BALANCE - 300);
        assertThat(seat(t)).isEqualTo("RESERVED");
        assertThat(ledger(t)).containsExactly(300L);
        assertThat(outcomes(t)).containsExactly("DONE -");
        assertThat(jdbc.queryForObject(
                        "SELECT charge_id FROM demo_transfer_outcome WHERE transfer_id = ?",
                        String.class,
                        t.transferId()))
                .as("data updated by the replies")
                .isEqualTo("ch-" + t.transferId());
        assertThat(log(id))
                .containsExactly(
                        "STARTED -",
                        "LOCAL_DONE debit-account",
                        "COMMAND_SENT reserve-seat",
                        "REPLY reserve-seat",
                        "COMMAND_SENT charge-card",
                        "REPLY charge-card",
                        "COMPLETED -");
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT correlation_id FROM demo_command WHERE transfer_id = ?",
                        String.class,
                        t.transferId()))
                .containsExactly(SagaTestApplication.PATIENT + ":" + id);
        assertThat(jdbc.queryForObject("SELECT deadline_at IS NULL FROM saga_instance WHERE id = ?", Boolean.class, id))
                .isTrue();
        Await.until("the step latency is recorded after commit", TIMEOUT, () -> {
            var timer = meters.find("saga.step.latency")
                    .tags("type", SagaTestApplication.PATIENT, "step", "charge-card", "outcome", "success")
                    .timer();
            return timer != null && timer.count() > 0;
        });
    }

    @Test
    void aRefusalCompensatesTheExecutedStepsInReverseOrderAndStoresTheReason() {
        Transfer t = newTransfer(200, "card-declined");

        long id = transfers.start(patient, t);

        awaitStatus(id, COMPENSATED);
        assertThat(reason(id)).isEqualTo("CARD_DECLINED");
        assertThat(jdbc.queryForObject("SELECT reason_detail FROM saga_instance WHERE id = ?", String.class, id))
                .as("the participant's words, kept across the compensation's transitions")
                .isEqualTo("The issuer declined transfer " + t.transferId());
        assertThat(log(id))
                .containsSubsequence(
                        "REPLY charge-card",
                        "COMPENSATION_SENT reserve-seat",
                        "COMPENSATION_REPLY reserve-seat",
                        "LOCAL_COMPENSATED debit-account",
                        "COMPENSATED -");
        assertThat(received(t, DemoSaga.REFUND_CARD))
                .as("a declined charge needs no refund")
                .isZero();
        assertThat(seat(t)).isEqualTo("RELEASED");
        assertThat(balance(t)).isEqualTo(BALANCE);
        assertThat(outcomes(t)).containsExactly("CANCELLED CARD_DECLINED");
    }

    @Test
    void aFailingLocalStepEndsTheSagaInTheCallersTransactionWithoutAnyCommand() {
        Transfer t = newTransfer(BALANCE + 1, "happy");

        long id = transfers.start(patient, t);

        assertThat(status(id)).isEqualTo(COMPENSATED);
        assertThat(reason(id)).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(outcomes(t)).containsExactly("CANCELLED INSUFFICIENT_FUNDS");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE headers LIKE ?",
                        Integer.class,
                        "%" + SagaTestApplication.PATIENT + ":" + id + "%"))
                .isZero();
    }

    @Test
    void startingOutsideATransactionIsRefusedAndLeavesNothing() {
        Transfer t = newTransfer(10, "happy");

        assertThatThrownBy(() -> engine.start(patient, t)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(balance(t)).isEqualTo(BALANCE);
    }

    @Test
    void duplicatedRepliesAreRecordedButHaveNoSecondEffect() throws Exception {
        Transfer t = newTransfer(100, "happy");
        try (TopicRecorder replies = TopicRecorder.of(DemoSaga.SEAT_REPLIES, DemoSaga.CARD_REPLIES)) {
            long id = transfers.start(patient, t);
            awaitStatus(id, COMPLETED);
            String key = Long.toString(t.transferId());
            ConsumerRecord<String, String> seatReply = replies.await(
                            r -> key.equals(r.key()) && r.topic().equals(DemoSaga.SEAT_REPLIES), 1, TIMEOUT)
                    .getFirst();
            ConsumerRecord<String, String> cardReply = replies.await(
                            r -> key.equals(r.key()) && r.topic().equals(DemoSaga.CARD_REPLIES), 1, TIMEOUT)
                    .getFirst();

            kafka.send(copy(seatReply, TopicRecorder.header(seatReply, MessageHeaders.ID)))
                    .get(); // redelivery
            kafka.send(copy(seatReply, UUID.randomUUID().toString())).get(); // the participant answered twice
            kafka.send(copy(cardReply, UUID.randomUUID().toString())).get();

            Await.until("both re-sent replies logged", TIMEOUT, () -> logged(id, "LATE_REPLY_IGNORED") >= 2);
            assertThat(logged(id, "LATE_REPLY_IGNORED"))
                    .as("the redelivered copy was dropped by the inbox")
                    .isEqualTo(2);
            assertThat(status(id)).isEqualTo(COMPLETED);
            assertThat(logged(id, "COMMAND_SENT")).isEqualTo(2);
            assertThat(logged(id, "REPLY")).isEqualTo(2);
            assertThat(received(t, DemoSaga.CHARGE_CARD)).isEqualTo(1);
            assertThat(ledger(t)).containsExactly(100L);
            assertThat(outcomes(t)).hasSize(1);
        }
    }

    @Test
    void aSuccessRepliedAfterItsCompensationSendsTheCompensationAgainAndNothingIsAppliedTwice() {
        Transfer t = newTransfer(300, "card-late");

        long id = transfers.start(cardTimeout, t);

        awaitStatus(id, COMPENSATED);
        assertThat(reason(id)).isEqualTo("DEADLINE_EXPIRED");
        assertThat(ledger(t)).as("charged, then refunded by the compensation").containsExactly(300L, -300L);

        participants.releaseHeldReply(t.transferId());

        Await.until(
                "the late success and the re-sent refund's reply",
                TIMEOUT,
                () -> logged(id, "LATE_REPLY_IGNORED") == 2);
        assertThat(log(id))
                .containsSubsequence(
                        "COMPENSATION_SENT charge-card",
                        "COMPENSATION_REPLY charge-card",
                        "LATE_REPLY_IGNORED charge-card",
                        "COMPENSATION_SENT charge-card",
                        "LATE_REPLY_IGNORED charge-card");
        assertThat(received(t, DemoSaga.REFUND_CARD)).isEqualTo(2);
        assertThat(ledger(t))
                .as("the second refund is a no-op at the participant")
                .containsExactly(300L, -300L);
        assertThat(card(t)).isEqualTo("REFUNDED");
        assertThat(status(id)).isEqualTo(COMPENSATED);
        assertThat(balance(t)).isEqualTo(BALANCE);
        assertThat(seat(t)).isEqualTo("RELEASED");
        assertThat(outcomes(t)).containsExactly("CANCELLED DEADLINE_EXPIRED");
    }

    @Test
    void aReplyTypeTheSagaDoesNotExpectGoesToTheDeadLetterTopic() throws Exception {
        Transfer t = newTransfer(10, "seat-silent");
        long id = transfers.start(patient, t);
        Await.until("the seat command", TIMEOUT, () -> received(t, DemoSaga.RESERVE_SEAT) == 1);
        String messageId = UUID.randomUUID().toString();

        try (TopicRecorder dlt = TopicRecorder.of(DemoSaga.SEAT_REPLIES + ".DLT")) {
            kafka.send(Envelopes.record(
                            DemoSaga.SEAT_REPLIES,
                            Long.toString(t.transferId()),
                            "demo.seat-exploded.v1",
                            "{}",
                            messageId,
                            "/test",
                            SagaTestApplication.PATIENT + ":" + id,
                            null))
                    .get();

            ConsumerRecord<String, String> dead = dlt.await(
                            r -> messageId.equals(TopicRecorder.header(r, MessageHeaders.ID)), 1, TIMEOUT)
                    .getFirst();
            assertThat(TopicRecorder.header(dead, "kafka_dlt-exception-message"))
                    .contains("demo.seat-exploded.v1");
        }
        assertThat(status(id)).isEqualTo(RUNNING);
        assertThat(logged(id, "REPLY")).isZero();
    }

    @Test
    void anotherRequestersReplyOnASharedRepliesTopicIsLeftAlone() {
        ProducerRecord<String, String> foreign = Envelopes.record(
                DemoSaga.SEAT_REPLIES,
                "1",
                DemoSaga.SEAT_RESERVED,
                "{}",
                UUID.randomUUID().toString(),
                "/other",
                "7291305213345793",
                null);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(DemoSaga.SEAT_REPLIES, 0, 0, "1", "{}");
        foreign.headers().forEach(h -> record.headers().add(h));

        assertThat(engine.handleReply(SagaTestApplication.REPLIES_CONSUMER, record))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_message WHERE message_id = ?",
                        Integer.class,
                        TopicRecorder.header(record, MessageHeaders.ID)))
                .isZero();
    }

    private static ProducerRecord<String, String> copy(ConsumerRecord<String, String> r, String messageId) {
        ProducerRecord<String, String> p = new ProducerRecord<>(r.topic(), r.key(), r.value());
        r.headers().forEach(h -> {
            if (!h.key().equals(MessageHeaders.ID)) {
                p.headers().add(h);
            }
        });
        p.headers().add(MessageHeaders.ID, messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return p;
    }
}
