package com.creatorcommerce.payment.domain;

/**
 * What a payment pays for ({@code payments.purpose}). The same names as the published
 * {@code contracts.payment.PaymentPurpose}; the application maps between the two.
 */
public enum PaymentPurpose {
    /** A point charge request of point-service ({@code reference_id} = {@code charge_request_id}). */
    POINT_CHARGE,
    /** The optional charge of an order saga ({@code reference_id} = {@code order_id}). */
    ORDER_CHARGE,
    /** A credit package purchase of credit-service ({@code reference_id} = the top-up id). */
    CREDIT_TOPUP
}
