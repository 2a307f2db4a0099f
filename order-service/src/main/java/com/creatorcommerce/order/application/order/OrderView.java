package com.creatorcommerce.order.application.order;

import com.creatorcommerce.order.domain.order.Order;

/**
 * An order as its owner sees it, with the progress of its latest saga (the cancellation's once there is one).
 *
 * @param saga null when not looked up (listings)
 */
public record OrderView(Order order, SagaProgress saga) {

    /** Where a saga stands: {@code RUNNING}, {@code COMPENSATING}, {@code COMPLETED}, {@code COMPENSATED}, {@code FAILED}. */
    public record SagaProgress(String type, String status, String currentStep) {}
}
