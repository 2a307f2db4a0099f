package com.creatorcommerce.order.domain.order;

/**
 * Why an order was cancelled (or why its cancellation failed), as {@code failure_code} shows it, with the text
 * {@code failure_reason} shows.
 */
public enum FailureCode {
    OUT_OF_STOCK("Not enough stock for a line of the order."),
    PRODUCT_OPTION_UNAVAILABLE("A product option of the order is no longer on sale."),
    COUPON_NOT_APPLICABLE("The coupon cannot be used for this order (not yours, used, reserved, expired or the "
            + "order is below its minimum)."),
    PAYMENT_DECLINED("The payment for the points was not approved."),
    POINT_CHARGE_REJECTED("The points bought with the payment could not be credited; the payment is cancelled."),
    INSUFFICIENT_POINTS("Not enough points to pay for the order."),
    POINTS_USE_REJECTED("The points could not be used for this order."),
    COUPON_CONFIRMATION_REJECTED("The coupon could not be confirmed for this order."),
    TIMED_OUT("A service taking part in the order did not answer in time."),
    CANCELLED_BY_OPERATOR("Cancelled by an operator."),
    CANCELLED_BY_USER("Cancelled at the customer's request: points refunded, coupon released, stock restored."),
    CANCELLED_BY_ADMIN("Cancelled by an administrator: points refunded, coupon released, stock restored."),
    /** A reason this version does not know (e.g. a newer saga step's). */
    FAILED("The order could not be completed.");

    private final String reason;

    FailureCode(String reason) {
        this.reason = reason;
    }

    /** Human-readable explanation. */
    public String reason() {
        return reason;
    }

    /** The code of that name, or {@link #FAILED} for one this version does not know. */
    public static FailureCode of(String name) {
        for (FailureCode code : values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return FAILED;
    }
}
