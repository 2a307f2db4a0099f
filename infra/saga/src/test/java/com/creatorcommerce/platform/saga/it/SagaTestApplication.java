package com.creatorcommerce.platform.saga.it;

import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaEngine;
import com.creatorcommerce.platform.saga.it.DemoSaga.Transfer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An orchestrating service with three variants of the demo saga, its replies listener, and (in {@link
 * FakeParticipants}) the participants, which answer through their own outbox as real services do.
 */
@SpringBootApplication
public class SagaTestApplication {

    /** Deadlines far beyond any test: nothing times out. */
    static final String PATIENT = "demo.transfer";
    /** The seat step waits 1 s, then 3 s, then compensates. */
    static final String SEAT_TIMEOUT = "demo.transfer-seat-timeout";
    /** The card step waits 1 s, then compensates (not retryable). */
    static final String CARD_TIMEOUT = "demo.transfer-card-timeout";

    static final String REPLIES_CONSUMER = "demo-saga-replies";

    private static final Duration LONG = Duration.ofMinutes(5);

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    SagaDefinition<Transfer> patientTransfer(JdbcTemplate jdbc) {
        return DemoSaga.definition(PATIENT, jdbc, LONG, 3, 2.0, LONG);
    }

    @Bean
    SagaDefinition<Transfer> seatTimeoutTransfer(JdbcTemplate jdbc) {
        return DemoSaga.definition(SEAT_TIMEOUT, jdbc, Duration.ofSeconds(1), 2, 3.0, LONG);
    }

    @Bean
    SagaDefinition<Transfer> cardTimeoutTransfer(JdbcTemplate jdbc) {
        return DemoSaga.definition(CARD_TIMEOUT, jdbc, LONG, 3, 2.0, Duration.ofSeconds(1));
    }

    /** The orchestrator's use case: the saga starts in the caller's transaction. */
    @Service
    public static class Transfers {
        private final SagaEngine sagas;

        Transfers(SagaEngine sagas) {
            this.sagas = sagas;
        }

        @Transactional
        public long start(SagaDefinition<Transfer> saga, Transfer transfer) {
            return sagas.start(saga, transfer);
        }
    }

    /** How a service wires its replies: its own listener, handing every record to the engine. */
    @Component
    static class TransferReplies {
        private final SagaEngine sagas;

        TransferReplies(SagaEngine sagas) {
            this.sagas = sagas;
        }

        @KafkaListener(
                id = REPLIES_CONSUMER,
                topics = {DemoSaga.SEAT_REPLIES, DemoSaga.CARD_REPLIES})
        void on(ConsumerRecord<String, String> record) {
            sagas.handleReply(REPLIES_CONSUMER, record);
        }
    }
}
