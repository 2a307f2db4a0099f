package com.creatorcommerce.contracts.credit;

/**
 * Topics and CloudEvents types of the credit context.
 *
 * <ul>
 *   <li>{@link #EVENTS}: public events of the credits wallet. Key = the user id, so that one wallet's events stay in
 *       order.</li>
 * </ul>
 */
public final class CreditTopics {

    public static final String EVENTS = "credit.events";

    // ---------------------------------------------------------------- public events (credit.events)
    /** {@link CreditBalanceChanged}: every {@code credit_history} row (purchase, usage, refund, bonus, donation). */
    public static final String BALANCE_CHANGED = "credit.balance-changed.v1";
    /** {@link CreditPurchased}: a credit package was paid and its credits added. */
    public static final String PURCHASED = "credit.purchased.v1";

    private CreditTopics() {
    }
}
