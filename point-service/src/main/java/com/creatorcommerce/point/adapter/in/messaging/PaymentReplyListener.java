package com.creatorcommerce.point.adapter.in.messaging;

import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.point.application.ChargeSettlement;
import com.creatorcommerce.point.application.OrderPaymentCancellations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * payment.replies of point charges (purpose POINT_CHARGE) and the answers to the cancels this service asked for (a
 * payment approved but not credited, given back: recognised by their {@code cancel_request_id}), and the cancels of
 * order payments (an order's CHARGE must not credit points for them); other requesters' replies are not ours.
 */
@Component
class PaymentReplyListener {

    private final ChargeSettlement settlement;
    private final OrderPaymentCancellations orderPayments;
    private final JsonMapper json;

    PaymentReplyListener(ChargeSettlement settlement, OrderPaymentCancellations orderPayments, JsonMapper json) {
        this.settlement = settlement;
        this.orderPayments = orderPayments;
        this.json = json;
    }

    @KafkaListener(
            id = ChargeSettlement.CONSUMER,
            topics = PaymentTopics.REPLIES,
            concurrency = "${platform.points.listener-concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        switch (message.type()) {
            case PaymentTopics.APPROVED -> {
                PaymentApproved approved = message.payloadAs(json, PaymentApproved.class);
                if (approved.purpose() == PaymentPurpose.POINT_CHARGE) {
                    settlement.approved(approved, message);
                }
            }
            case PaymentTopics.FAILED -> {
                PaymentFailed failed = message.payloadAs(json, PaymentFailed.class);
                if (failed.purpose() == PaymentPurpose.POINT_CHARGE) {
                    settlement.failed(failed, message);
                }
            }
            case PaymentTopics.CANCELLED -> {
                PaymentCancelled cancelled = message.payloadAs(json, PaymentCancelled.class);
                if (OrderPaymentCancellations.closesOrderCharge(cancelled)) {
                    orderPayments.cancelled(cancelled, message);
                } else {
                    settlement.refunded(cancelled, message);
                }
            }
            case PaymentTopics.CANCEL_FAILED ->
                settlement.refundFailed(message.payloadAs(json, PaymentCancelFailed.class), message);
            default -> {
                // other requesters' messages
            }
        }
    }
}
