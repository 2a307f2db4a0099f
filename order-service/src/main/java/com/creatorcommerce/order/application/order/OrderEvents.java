package com.creatorcommerce.order.application.order;

import com.creatorcommerce.contracts.order.OrderCancelled;
import com.creatorcommerce.contracts.order.OrderCompleted;
import com.creatorcommerce.contracts.order.OrderCreated;
import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

/** The public events of orders ({@code order.events}, keyed by order id), appended in the caller's transaction. */
@Component
public class OrderEvents {

    private final Outbox outbox;

    OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void created(Order o) {
        append(
                o,
                OrderTopics.CREATED,
                new OrderCreated(
                        o.id(),
                        o.userId(),
                        o.totalAmount(),
                        o.userCouponId(),
                        o.charge() == null ? null : o.charge().amount(),
                        o.items().size(),
                        o.totalQuantity(),
                        o.times().createdAt()));
    }

    void completed(Order o) {
        append(
                o,
                OrderTopics.COMPLETED,
                new OrderCompleted(
                        o.id(),
                        o.userId(),
                        o.totalAmount(),
                        o.discountAmount(),
                        o.finalAmount(),
                        o.userCouponId(),
                        chargedPoints(o),
                        o.charge() == null ? null : o.charge().paymentId(),
                        o.times().completedAt()));
    }

    void cancelled(Order o, boolean afterCompletion) {
        append(
                o,
                OrderTopics.CANCELLED,
                new OrderCancelled(
                        o.id(),
                        o.userId(),
                        o.failure().code().name(),
                        o.failureReason(),
                        afterCompletion,
                        chargedPoints(o),
                        o.times().cancelledAt()));
    }

    private static long chargedPoints(Order o) {
        return o.pointsCharged() ? o.charge().amount() : 0;
    }

    private void append(Order o, String type, Object event) {
        outbox.append(OutboundMessage.of(OrderTopics.EVENTS, Long.toString(o.id()), type, event)
                .withUserId(o.userId()));
    }
}
