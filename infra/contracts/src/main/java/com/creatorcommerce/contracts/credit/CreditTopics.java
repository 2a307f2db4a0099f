package com.creatorcommerce.contracts.credit;

import java.util.List;

/**
 * Topics and CloudEvents types of the credit context.
 *
 * <ul>
 *   <li>{@link #EVENTS}: public events of the credits wallet. Key = the user id, so that one wallet's events stay in
 *       order; for {@link #DONATION_COMPLETED} the creator id, so that one creator's donations stay in order.</li>
 * </ul>
 *
 * <p>credit-service owns two contexts of types (ADR 16): {@code credit} (the wallet) and {@code donation} (the
 * donations it runs, e.g. {@code donation.completed.v1}, the name the live chat subscribes to).
 */
public final class CreditTopics {

    /** The contexts this class's CloudEvents types may start with (ADR 16); topics stay {@code credit.*}. */
    public static final List<String> TYPE_CONTEXTS = List.of("credit", "donation");

    public static final String EVENTS = "credit.events";

    // ---------------------------------------------------------------- public events (credit.events)
    /** {@link CreditBalanceChanged}: every {@code credit_history} row (purchase, usage, refund, bonus, donation). */
    public static final String BALANCE_CHANGED = "credit.balance-changed.v1";
    /** {@link CreditPurchased}: a credit package was paid and its credits added. */
    public static final String PURCHASED = "credit.purchased.v1";
    /** {@link DonationCompleted}: a fan's credits went to a creator. Key = the creator id (not the donor's). */
    public static final String DONATION_COMPLETED = "donation.completed.v1";

    private CreditTopics() {}
}
