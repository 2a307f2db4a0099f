package com.creatorcommerce.credit.adapter.in.messaging;

import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.credit.application.PurchaseSettlement;
import com.creatorcommerce.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * payment.replies of credit purchases (purpose {@code CREDIT_TOPUP}) and the answers to the refunds this service asked
 * for (recognised by their {@code cancel_request_id}); other requesters' replies are not ours.
 */
@Component
class PaymentReplyListener {

    private final PurchaseSettlement settlement;
    private final JsonMapper json;

    PaymentReplyListener(PurchaseSettlement settlement, JsonMapper json) {
        this.settlement = settlement;
        this.json = json;
    }

    @KafkaListener(
            id = PurchaseSettlement.CONSUMER,
            topics = PaymentTopics.REPLIES,
            concurrency = "${credit.listener-concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        switch (message.type()) {
            case PaymentTopics.APPROVED -> {
                PaymentApproved approved = message.payloadAs(json, PaymentApproved.class);
                if (approved.purpose() == PaymentPurpose.CREDIT_TOPUP) {
                    settlement.approved(approved, message);
                }
            }
            case PaymentTopics.FAILED -> {
                PaymentFailed failed = message.payloadAs(json, PaymentFailed.class);
                if (failed.purpose() == PaymentPurpose.CREDIT_TOPUP) {
                    settlement.failed(failed, message);
                }
            }
            case PaymentTopics.CANCELLED ->
                settlement.refunded(message.payloadAs(json, PaymentCancelled.class), message);
            case PaymentTopics.CANCEL_FAILED ->
                settlement.refundFailed(message.payloadAs(json, PaymentCancelFailed.class), message);
            default -> {
                // other messages of the topic are not ours
            }
        }
    }
}
