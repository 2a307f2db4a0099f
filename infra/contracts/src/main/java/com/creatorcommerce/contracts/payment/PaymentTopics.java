package com.creatorcommerce.contracts.payment;

/**
 * Topics and CloudEvents types of the payment context.
 *
 * <ul>
 *   <li>{@link #COMMANDS}: commands to payment-service. Key = the PG payment key, so that the commands on one payment
 *       stay in order. Payload: {@link ConfirmPaymentCommand}, {@link CancelPaymentCommand}.</li>
 *   <li>{@link #REPLIES}: payment-service's answers. Key = the requester's {@code reference_id} (its aggregate: a
 *       point charge request, an order, a credit top-up); every reply carries {@code purpose} so that each requester
 *       takes only its own. The reply carries the command's correlation id and names the command as its cause.</li>
 *   <li>{@link #EVENTS}: public events (same payloads and types as the replies). Key = the payment id.</li>
 * </ul>
 * The same confirm twice (redelivered, or sent again with another message id) never charges twice: the payment key
 * is unique, and a repeated command is answered with the payment's current outcome once it is known.
 */
public final class PaymentTopics {

    public static final String COMMANDS = "payment.commands";
    public static final String REPLIES = "payment.replies";
    public static final String EVENTS = "payment.events";

    // ---------------------------------------------------------------- commands (payment.commands)
    /** {@link ConfirmPaymentCommand}: confirm (capture) a payment the client authorised at the PG. */
    public static final String CONFIRM = "payment.confirm.v1";
    /** {@link CancelPaymentCommand}: cancel an approved payment, fully or partly. */
    public static final String CANCEL = "payment.cancel.v1";

    // ---------------------------------------------------------------- replies (payment.replies) and events
    // (payment.events)
    /** {@link PaymentApproved}: the PG approved exactly the requested amount. */
    public static final String APPROVED = "payment.approved.v1";
    /** {@link PaymentFailed}: not approved (declined, unknown key, amount differs, invalid command...). */
    public static final String FAILED = "payment.failed.v1";
    /** {@link PaymentCancelled}: the PG cancelled the amount. */
    public static final String CANCELLED = "payment.cancelled.v1";
    /** {@link PaymentCancelFailed}: the cancel was refused; nothing was cancelled. Replies only. */
    public static final String CANCEL_FAILED = "payment.cancel-failed.v1";

    private PaymentTopics() {}
}
