package com.creatorcommerce.order.adapter.in.messaging;

import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.saga.SagaEngine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The replies of the order sagas' participants (coupon, point, payment). The saga library takes the replies to this
 * service's sagas (by their correlation id: once, through the inbox, in the transition's transaction) and leaves
 * those of other requesters on the shared replies topics alone.
 */
@Component
class OrderSagaReplyListener {

    static final String CONSUMER = "order-saga-replies";

    private final SagaEngine sagas;

    OrderSagaReplyListener(SagaEngine sagas) {
        this.sagas = sagas;
    }

    @KafkaListener(
            id = CONSUMER,
            groupId = "${order.messaging.group-id:order-service}",
            topics = {CouponTopics.REPLIES, PointTopics.REPLIES, PaymentTopics.REPLIES})
    void on(ConsumerRecord<String, String> record) {
        sagas.handleReply(CONSUMER, record);
    }
}
