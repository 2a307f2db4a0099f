package com.creatorcommerce.contracts.point;

/**
 * Topics and CloudEvents types of the point context.
 *
 * <ul>
 *   <li>{@link #COMMANDS}: commands to point-service from order orchestrators. Key = the order id. Payload:
 *       {@link ChargePointsCommand}, {@link UsePointsCommand}, {@link RefundPointsCommand}.</li>
 *   <li>{@link #REPLIES}: point-service's replies. Key = the order id; the reply carries the command's correlation
 *       id (saga id) and names the command as its causation.</li>
 *   <li>{@link #EVENTS}: public events. Key = the user id (one wallet's events stay in order).</li>
 * </ul>
 * Every command is idempotent per (order, step): sending it again, or redelivering it, answers the reply of the first
 * time and changes the wallet at most once.
 */
public final class PointTopics {

    public static final String COMMANDS = "point.commands";
    public static final String REPLIES = "point.replies";
    public static final String EVENTS = "point.events";

    // ---------------------------------------------------------------- commands (point.commands)
    /** {@link ChargePointsCommand}: credit points bought with an approved payment. */
    public static final String CHARGE = "point.charge.v1";
    /** {@link UsePointsCommand}: debit points to pay for an order. */
    public static final String USE = "point.use.v1";
    /** {@link RefundPointsCommand}: give back the points an order used. */
    public static final String REFUND = "point.refund.v1";

    // ---------------------------------------------------------------- replies (point.replies)
    /** {@link PointsCharged}. */
    public static final String CHARGED = "point.charged.v1";
    /** {@link PointsChargeRejected}: nothing credited (invalid command). */
    public static final String CHARGE_REJECTED = "point.charge-rejected.v1";
    /** {@link PointsUsed}. */
    public static final String USED = "point.used.v1";
    /** {@link PointsUseRejected}: nothing debited; {@code reason} {@code INSUFFICIENT_POINTS} when the balance is short. */
    public static final String USE_REJECTED = "point.use-rejected.v1";
    /** {@link PointsRefunded}: also answered (amount 0) when the order used no points. */
    public static final String REFUNDED = "point.refunded.v1";

    // ---------------------------------------------------------------- public events (point.events)
    /** {@link PointBalanceChanged}: every ledger row (CHARGE, USE, REFUND). */
    public static final String BALANCE_CHANGED = "point.balance-changed.v1";
    /** {@link PointChargeCompleted}: a charge request was paid and credited. */
    public static final String CHARGE_COMPLETED = "point.charge-completed.v1";
    /** {@link PointChargeFailed}: a charge request failed; nothing was credited. */
    public static final String CHARGE_FAILED = "point.charge-failed.v1";

    private PointTopics() {}
}
