package com.creatorcommerce.contracts.credit;

/**
 * Topics and CloudEvents types of the credit context.
 *
 * <ul>
 *   <li>{@link #EVENTS}: public events of the credits wallet. Key = the user id, so that one wallet's events stay in
 *       order; for {@link #DONATION_COMPLETED} the creator id, so that one creator's donations stay in order.</li>
 * </ul>
 */
public final class CreditTopics {

    public static final String EVENTS = "credit.events";

    // ---------------------------------------------------------------- public events (credit.events)
    /** {@link CreditBalanceChanged}: every {@code credit_history} row (purchase, usage, refund, bonus, donation). */
    public static final String BALANCE_CHANGED = "credit.balance-changed.v1";
    /** {@link CreditPurchased}: a credit package was paid and its credits added. */
    public static final String PURCHASED = "credit.purchased.v1";
    /** {@link DonationCompleted}: a fan's credits went to a creator. Key = the creator id (not the donor's). */
    public static final String DONATION_COMPLETED = "credit.donation-completed.v1";

    private CreditTopics() {
    }
}
