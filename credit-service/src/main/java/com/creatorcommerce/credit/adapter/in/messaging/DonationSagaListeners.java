package com.creatorcommerce.credit.adapter.in.messaging;

import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.credit.application.DonationSagaMessages;
import com.creatorcommerce.credit.application.DonationSagaMessages.CloseDonation;
import com.creatorcommerce.credit.application.DonationSagaMessages.CreditTopUp;
import com.creatorcommerce.credit.application.DonationSagaMessages.DebitDonation;
import com.creatorcommerce.credit.application.DonationSagaParticipant;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.PermanentMessageException;
import com.creatorcommerce.platform.saga.SagaEngine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The top-up-then-donate saga's two listeners: its replies (payment-service's on the shared {@code payment.replies},
 * credit-service's own on {@code credit.replies}; the saga library takes only replies to this service's sagas), and
 * credit-service's own commands ({@code credit.commands}) as the saga's participant.
 */
@Component
class DonationSagaListeners {

    static final String REPLIES = "credit-service.saga-replies";

    private final SagaEngine sagas;
    private final DonationSagaParticipant participant;
    private final JsonMapper json;

    DonationSagaListeners(SagaEngine sagas, DonationSagaParticipant participant, JsonMapper json) {
        this.sagas = sagas;
        this.participant = participant;
        this.json = json;
    }

    @KafkaListener(
            id = REPLIES,
            topics = {PaymentTopics.REPLIES, DonationSagaMessages.REPLIES},
            concurrency = "${credit.listener-concurrency:3}")
    void onReply(ConsumerRecord<String, String> record) {
        sagas.handleReply(REPLIES, record);
    }

    @KafkaListener(
            id = DonationSagaParticipant.CONSUMER,
            topics = DonationSagaMessages.COMMANDS,
            concurrency = "${credit.listener-concurrency:3}")
    void onCommand(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        switch (message.type()) {
            case DonationSagaMessages.CREDIT_TOP_UP ->
                participant.creditTopUp(message.payloadAs(json, CreditTopUp.class), message);
            case DonationSagaMessages.DEBIT_DONATION ->
                participant.debit(message.payloadAs(json, DebitDonation.class), message);
            case DonationSagaMessages.CLOSE_DONATION ->
                participant.close(message.payloadAs(json, CloseDonation.class), message);
            default ->
                throw new PermanentMessageException(
                        "Unknown command type " + message.type() + " on " + DonationSagaMessages.COMMANDS);
        }
    }
}
