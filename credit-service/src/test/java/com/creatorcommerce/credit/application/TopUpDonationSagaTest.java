package com.creatorcommerce.credit.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.credit.application.DonationSagaMessages.CloseDonation;
import com.creatorcommerce.credit.application.DonationSagaMessages.CreditTopUp;
import com.creatorcommerce.credit.application.DonationSagaMessages.DebitDonation;
import com.creatorcommerce.credit.application.DonationSagaMessages.DonationClosed;
import com.creatorcommerce.credit.application.DonationSagaMessages.DonationDebited;
import com.creatorcommerce.credit.application.DonationSagaMessages.StepRejected;
import com.creatorcommerce.credit.application.DonationSagaMessages.TopUpCredited;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaProbe;
import com.creatorcommerce.platform.saga.SagaProbe.Step;
import com.creatorcommerce.platform.saga.SagaReason;
import com.creatorcommerce.platform.saga.SagaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-up-then-donate saga on the library's state machine: given state and reply, expect command or end. */
class TopUpDonationSagaTest {

    private static final long DONATION = 11;
    private static final long DONOR = 22;
    private static final long CREATOR = 33;
    private static final long PURCHASE = 44;
    private static final TopUpDonationSaga.Timing TIMING =
            new TopUpDonationSaga.Timing(Duration.ofMinutes(2), Duration.ofSeconds(30), 3);

    private final List<String> ends = new ArrayList<>();
    private final List<SagaReason> reasons = new ArrayList<>();
    private final SagaProbe<TopUpDonationData> saga = new SagaProbe<>(TopUpDonationSaga.definition(
            new TopUpDonationSaga.Local() {
                @Override
                public void completed(TopUpDonationData data) {
                    ends.add("completed");
                }

                @Override
                public void failed(TopUpDonationData data, SagaReason reason) {
                    ends.add("failed " + TopUpDonationSteps.codeOf(reason.code(), data));
                    reasons.add(reason);
                }
            },
            TIMING));

    private Step<TopUpDonationData> start() {
        return saga.start(TopUpDonationData.start(DONATION, DONOR, CREATOR, 30, PURCHASE, "pk_approve_1", 1999, "USD"));
    }

    private Step<TopUpDonationData> approve() {
        start();
        return saga.reply(
                PaymentTopics.APPROVED,
                new PaymentApproved(
                        901, "pk_approve_1", PaymentPurpose.CREDIT_TOPUP, PURCHASE, DONOR, 1999, Instant.EPOCH));
    }

    private Step<TopUpDonationData> credited() {
        approve();
        return saga.reply(DonationSagaMessages.TOP_UP_CREDITED, new TopUpCredited(PURCHASE, 5001));
    }

    @Test
    void startAsksPaymentServiceToConfirmThePackagesPriceKeyedByThePaymentKey() {
        Step<TopUpDonationData> s = start();

        assertThat(s.status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(s.step()).isEqualTo("pay");
        assertThat(s.deadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.command().topic()).isEqualTo(PaymentTopics.COMMANDS);
        assertThat(s.command().key()).isEqualTo("pk_approve_1");
        assertThat(s.command().userId()).isEqualTo(DONOR);
        assertThat(s.command().payload())
                .isEqualTo(new ConfirmPaymentCommand(
                        "pk_approve_1", PaymentPurpose.CREDIT_TOPUP, PURCHASE, DONOR, 1999, "USD"));
        assertThat(((ConfirmPaymentCommand) s.command().payload()).currency())
                .as("the package's price is in USD cents")
                .isEqualTo("USD");
    }

    @Test
    void anApprovalCreditsTheLotThenTheDebitCompletesTheDonation() {
        Step<TopUpDonationData> paid = approve();
        assertThat(paid.data().paymentId()).isEqualTo(901);
        assertThat(paid.step()).isEqualTo("credit-top-up");
        assertThat(paid.deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(paid.command().topic()).isEqualTo(DonationSagaMessages.COMMANDS);
        assertThat(paid.command().key()).isEqualTo(Long.toString(DONOR));
        assertThat(paid.command().payload())
                .isEqualTo(new CreditTopUp(PURCHASE, DONATION, DONOR, 901, 1999, "pk_approve_1"));

        Step<TopUpDonationData> lot =
                saga.reply(DonationSagaMessages.TOP_UP_CREDITED, new TopUpCredited(PURCHASE, 5001));
        assertThat(lot.data().credited()).isTrue();
        assertThat(lot.step()).isEqualTo("debit");
        assertThat(lot.command().type()).isEqualTo(DonationSagaMessages.DEBIT_DONATION);
        assertThat(lot.command().payload()).isEqualTo(new DebitDonation(DONATION));

        Step<TopUpDonationData> done =
                saga.reply(DonationSagaMessages.DONATION_DEBITED, new DonationDebited(DONATION, 5002, 470));
        assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(done.data().historyId()).isEqualTo(5002);
        assertThat(done.sent()).isEmpty();
        assertThat(ends).containsExactly("completed");
    }

    @Test
    void aDeclinedPaymentEndsCompensatedWithNothingToUndo() {
        start();

        Step<TopUpDonationData> s = saga.reply(
                PaymentTopics.FAILED,
                new PaymentFailed(
                        null,
                        "pk_approve_1",
                        PaymentPurpose.CREDIT_TOPUP,
                        PURCHASE,
                        DONOR,
                        1999,
                        "REJECT_CARD_PAYMENT",
                        "declined",
                        Instant.EPOCH));

        assertThat(s.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(s.sent()).isEmpty();
        assertThat(ends).containsExactly("failed PAYMENT_DECLINED");
        assertThat(reasons.getFirst().detail()).isEqualTo("REJECT_CARD_PAYMENT: declined");
    }

    @Test
    void aPaymentPastItsDeadlineEndsTheSagaAtOnceAsATopUpTimeout() {
        start();

        Step<TopUpDonationData> s = saga.deadline();

        assertThat(s.status()).as("pay is not re-sent and has no compensation").isEqualTo(SagaStatus.COMPENSATED);
        assertThat(s.sent()).isEmpty();
        assertThat(ends).containsExactly("failed TOP_UP_TIMEOUT");
    }

    @Test
    void aRefusedDebitIsNotCompensatedAndTheBoughtCreditsStay() {
        credited();

        Step<TopUpDonationData> s = saga.reply(
                DonationSagaMessages.DONATION_DEBIT_REJECTED,
                new StepRejected(DONATION, "INSUFFICIENT_CREDITS", "Not enough credits after the top-up"));

        assertThat(s.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(s.sent()).as("no close: a refused debit changed nothing").isEmpty();
        assertThat(ends).containsExactly("failed INSUFFICIENT_CREDITS");
    }

    @Test
    void anUnansweredDebitIsResentThenTheDonationIsClosedAndFailsAsATimeout() {
        credited();

        Step<TopUpDonationData> second = saga.deadline();
        assertThat(second.status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(second.command().payload()).isEqualTo(new DebitDonation(DONATION));
        assertThat(second.deadline()).isEqualTo(Duration.ofSeconds(60));
        saga.deadline();
        Step<TopUpDonationData> gaveUp = saga.deadline();
        assertThat(gaveUp.status()).isEqualTo(SagaStatus.COMPENSATING);
        assertThat(gaveUp.reasonCode()).isEqualTo(SagaDefinition.DEADLINE_EXPIRED);
        assertThat(gaveUp.command().type()).isEqualTo(DonationSagaMessages.CLOSE_DONATION);
        assertThat(gaveUp.command().payload()).isEqualTo(new CloseDonation(DONATION));

        Step<TopUpDonationData> closed =
                saga.reply(DonationSagaMessages.DONATION_CLOSED, new DonationClosed(DONATION, false));
        assertThat(closed.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(ends).containsExactly("failed DONATION_TIMEOUT");
    }
}
