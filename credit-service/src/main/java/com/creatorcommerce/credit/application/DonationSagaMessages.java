package com.creatorcommerce.credit.application;

/**
 * The messages credit-service sends to itself while it runs the top-up-then-donate saga ({@link TopUpDonationSaga},
 * ADR 16): the saga's steps that change the wallet are commands on {@code credit.commands}, applied by the ledger
 * outside the saga's transition transaction, answered on {@code credit.replies}. Private to credit-service (no other
 * service sends or reads them), hence not in {@code infra/contracts}. Key: the donor's user id (one wallet's commands
 * stay in order). Every reply carries its command's correlation id (the saga).
 */
public final class DonationSagaMessages {

    public static final String COMMANDS = "credit.commands";
    public static final String REPLIES = "credit.replies";

    /** {@link CreditTopUp}: credit the paid top-up purchase as a lot (once). */
    public static final String CREDIT_TOP_UP = "credit.top-up-credit.v1";
    /** {@link TopUpCredited}: the purchase's lot is in the wallet (now or before). */
    public static final String TOP_UP_CREDITED = "credit.top-up-credited.v1";
    /** {@link StepRejected}: the purchase cannot be credited (it failed, or the payment is not its own). */
    public static final String TOP_UP_CREDIT_REJECTED = "credit.top-up-credit-rejected.v1";
    /** {@link DebitDonation}: debit the PENDING donation FIFO and complete it. */
    public static final String DEBIT_DONATION = "credit.donation-debit.v1";
    /** {@link DonationDebited}: the donation is COMPLETED (now or before), its event published. */
    public static final String DONATION_DEBITED = "credit.donation-debited.v1";
    /** {@link StepRejected}: not debited: not enough credits, or the donation was closed. */
    public static final String DONATION_DEBIT_REJECTED = "credit.donation-debit-rejected.v1";
    /** {@link CloseDonation}: the saga gave up the debit: a PENDING donation can no longer be debited. */
    public static final String CLOSE_DONATION = "credit.donation-close.v1";
    /** {@link DonationClosed}: the donation is closed (or was debited before the close arrived). */
    public static final String DONATION_CLOSED = "credit.donation-closed.v1";

    /** Credit the purchase bought by approved payment {@code paymentId} (user, amount and key as approved). */
    public record CreditTopUp(
            long purchaseId, long donationId, long userId, long paymentId, long amount, String paymentKey) {}

    /** The purchase's credits are in the wallet: history row {@code historyId}. */
    public record TopUpCredited(long purchaseId, long historyId) {}

    public record DebitDonation(long donationId) {}

    /** The donation's debit: history row {@code historyId}, leaving {@code balanceAfter}. */
    public record DonationDebited(long donationId, long historyId, long balanceAfter) {}

    public record CloseDonation(long donationId) {}

    /** Closed; {@code debited}: it had been debited already (it stays COMPLETED). */
    public record DonationClosed(long donationId, boolean debited) {}

    /** A step refused: {@code code} the saga's reason ({@code INSUFFICIENT_CREDITS}...), {@code detail} for people. */
    public record StepRejected(long id, String code, String detail) {}

    private DonationSagaMessages() {}
}
