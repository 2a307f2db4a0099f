package com.creatorcommerce.contracts.payment;

/**
 * Cancel an approved payment: all that is not cancelled yet ({@code cancel_amount} null) or a part of it. Answered
 * with {@link PaymentCancelled} or {@link PaymentCancelFailed}.
 *
 * @param cancelRequestId the requester's idempotency key for this cancel (e.g. {@code refund-<topup id>}): the same
 *                        id again is answered with the first outcome and cancels nothing more
 * @param cancelAmount KRW, positive, at most the amount not yet cancelled; null = everything that is left
 * @param reason shown to the PG ({@code cancelReason})
 */
public record CancelPaymentCommand(String paymentKey, String cancelRequestId, Long cancelAmount, String reason) {}
