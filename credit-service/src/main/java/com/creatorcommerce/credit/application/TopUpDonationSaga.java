package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.credit.application.DonationSagaMessages.CloseDonation;
import com.creatorcommerce.credit.application.DonationSagaMessages.CreditTopUp;
import com.creatorcommerce.credit.application.DonationSagaMessages.DebitDonation;
import com.creatorcommerce.credit.application.DonationSagaMessages.DonationDebited;
import com.creatorcommerce.credit.application.DonationSagaMessages.StepRejected;
import com.creatorcommerce.platform.saga.SagaCommand;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaReason;
import java.time.Duration;

/**
 * The top-up-then-donate saga ({@code credit.top-up-donation}, ADR 11 and 16), started by {@code POST /v1/donations}
 * with {@code top_up} in the transaction that records the PENDING purchase and donation:
 * <ol>
 *   <li>{@code pay}: payment-service confirms the package's price (purpose {@code CREDIT_TOPUP}, reference = the
 *       purchase); deadline {@code credit.top-up-deadline}. No compensation: a payment approved after the saga gave up
 *       still credits the wallet ({@link PurchaseSettlement} settles every top-up payment).</li>
 *   <li>{@code credit-top-up}: credit-service credits the purchase as a lot (once: the same purchase settled by the
 *       payment reply answers at once). No compensation: bought credits stay in the wallet.</li>
 *   <li>{@code debit}: credit-service debits the donation FIFO and completes it with {@code donation.completed.v1},
 *       all in one ledger transaction. Compensation (only when the step went unanswered or an operator compensates):
 *       close the donation, so that a debit arriving later is refused.</li>
 * </ol>
 * Every wallet change runs in credit-service's ledger (its own batched transaction), never inside a saga transition:
 * each transition stays one transaction (inbox row, saga state, next command, next deadline). A saga that ends
 * COMPENSATED fails the donation with its reason; after a paid top-up it says that the credits stay in the wallet.
 */
public final class TopUpDonationSaga {

    public static final String TYPE = "credit.top-up-donation";

    /** What the saga's ends do in credit-service, inside the transition's transaction. */
    public interface Local {

        /** The debit completed the donation (in its ledger transaction); the saga is done. */
        void completed(TopUpDonationData data);

        /** Nothing was given: the donation FAILED with the reason (a PENDING one; a closed one is amended). */
        void failed(TopUpDonationData data, SagaReason reason);
    }

    /**
     * @param payDeadline how long the payment may take ({@code credit.top-up-deadline})
     * @param stepDeadline how long credit-service's own steps may take per send
     * @param stepAttempts sends of credit-service's own (idempotent) steps before the saga gives up
     */
    public record Timing(Duration payDeadline, Duration stepDeadline, int stepAttempts) {}

    private TopUpDonationSaga() {}

    public static SagaDefinition<TopUpDonationData> definition(Local local, Timing t) {
        return SagaDefinition.builder(TYPE, TopUpDonationData.class)
                .step(
                        "pay",
                        s -> s.command(d -> SagaCommand.of(
                                                PaymentTopics.COMMANDS,
                                                d.paymentKey(),
                                                PaymentTopics.CONFIRM,
                                                new ConfirmPaymentCommand(
                                                        d.paymentKey(),
                                                        PaymentPurpose.CREDIT_TOPUP,
                                                        d.purchaseId(),
                                                        d.donorId(),
                                                        d.amount(),
                                                        d.currency()))
                                        .withUserId(d.donorId()))
                                .onSuccess(
                                        PaymentTopics.APPROVED,
                                        PaymentApproved.class,
                                        (d, r) -> d.withPayment(r.paymentId()))
                                .onFailure(
                                        PaymentTopics.FAILED,
                                        PaymentFailed.class,
                                        r -> PAYMENT_DECLINED,
                                        r -> r.failureCode()
                                                + (r.failureMessage() == null ? "" : ": " + r.failureMessage()))
                                .deadline(t.payDeadline()))
                .step(
                        "credit-top-up",
                        s -> s.command(d -> self(
                                        d,
                                        DonationSagaMessages.CREDIT_TOP_UP,
                                        new CreditTopUp(
                                                d.purchaseId(),
                                                d.donationId(),
                                                d.donorId(),
                                                d.paymentId(),
                                                d.amount(),
                                                d.paymentKey())))
                                .onSuccess(
                                        DonationSagaMessages.TOP_UP_CREDITED,
                                        DonationSagaMessages.TopUpCredited.class,
                                        (d, r) -> d.withCredited())
                                .onFailure(
                                        DonationSagaMessages.TOP_UP_CREDIT_REJECTED,
                                        StepRejected.class,
                                        StepRejected::code,
                                        StepRejected::detail)
                                .deadline(t.stepDeadline())
                                .retryable(t.stepAttempts()))
                .step(
                        "debit",
                        s -> s.command(d ->
                                        self(d, DonationSagaMessages.DEBIT_DONATION, new DebitDonation(d.donationId())))
                                .onSuccess(
                                        DonationSagaMessages.DONATION_DEBITED,
                                        DonationDebited.class,
                                        (d, r) -> d.withDebit(r.historyId(), r.balanceAfter()))
                                .onFailure(
                                        DonationSagaMessages.DONATION_DEBIT_REJECTED,
                                        StepRejected.class,
                                        StepRejected::code,
                                        StepRejected::detail)
                                .compensateWith(
                                        d -> self(
                                                d,
                                                DonationSagaMessages.CLOSE_DONATION,
                                                new CloseDonation(d.donationId())),
                                        DonationSagaMessages.DONATION_CLOSED)
                                .deadline(t.stepDeadline())
                                .retryable(t.stepAttempts()))
                .onCompleted(local::completed)
                .onCompensatedWith(local::failed)
                .build();
    }

    /** The reason of a declined top-up payment. */
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

    private static SagaCommand self(TopUpDonationData d, String type, Object payload) {
        return SagaCommand.of(DonationSagaMessages.COMMANDS, Long.toString(d.donorId()), type, payload)
                .withUserId(d.donorId());
    }
}
