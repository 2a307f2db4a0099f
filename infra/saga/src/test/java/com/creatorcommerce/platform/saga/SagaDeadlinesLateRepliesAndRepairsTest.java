package com.creatorcommerce.platform.saga;

import static com.creatorcommerce.platform.saga.CheckoutSagaFixture.checkout;
import static com.creatorcommerce.platform.saga.CheckoutSagaFixture.reply;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATED;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATING;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPLETED;
import static com.creatorcommerce.platform.saga.SagaStatus.FAILED;
import static com.creatorcommerce.platform.saga.SagaStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.saga.CheckoutSagaFixture.Checkout;
import com.creatorcommerce.platform.saga.CheckoutSagaFixture.CouponReserved;
import com.creatorcommerce.platform.saga.CheckoutSagaFixture.ReserveCoupon;
import com.creatorcommerce.platform.saga.SagaStateMachine.Sent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given a saga's state and a deadline, a late or duplicated reply, or an operator's action: what happens. No Spring. */
class SagaDeadlinesLateRepliesAndRepairsTest {

    private static final List<String> UP_TO_PAYMENT = List.of("reserve-stock", "reserve-coupon", "confirm-payment");

    private final CheckoutSagaFixture f = new CheckoutSagaFixture();

    @Test
    void aDeadlineOfAnIdempotentStepResendsTheSameCommandWaitingLonger() {
        SagaState<Checkout> s = f.state(
                RUNNING,
                "reserve-coupon",
                1,
                checkout(true),
                List.of("reserve-stock", "reserve-coupon"),
                List.of(),
                null);

        Transition<Checkout> t = f.machine.deadline(s);

        assertThat(t.next().status()).isEqualTo(RUNNING);
        assertThat(t.next().attempts()).isEqualTo(2);
        assertThat(sent(t)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("42");
            assertThat(c.payload()).isEqualTo(new ReserveCoupon(42));
        });
        assertThat(events(t)).containsExactly(StepEvent.DEADLINE, StepEvent.RETRY);
        assertThat(t.deadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(t.stepStarted()).as("latency counts from the first send").isFalse();
    }

    @Test
    void afterItsLastAttemptAnUnansweredStepIsCompensatedItselfSinceItsActionMayHaveHappened() {
        SagaState<Checkout> s = f.state(
                RUNNING,
                "reserve-coupon",
                3,
                checkout(true),
                List.of("reserve-stock", "reserve-coupon"),
                List.of(),
                null);

        Transition<Checkout> t = f.machine.deadline(s);

        assertThat(t.next().status()).isEqualTo(COMPENSATING);
        assertThat(t.next().reasonCode()).isEqualTo(SagaDefinition.DEADLINE_EXPIRED);
        assertThat(stepOf(t)).isEqualTo("reserve-coupon");
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("coupon.release.v1");
        assertThat(t.next().attempts()).isEqualTo(1);
    }

    @Test
    void aDeadlineOfANonRetryableStepCompensatesAtOnce() {
        SagaState<Checkout> s = f.state(RUNNING, "confirm-payment", 1, checkout(true), UP_TO_PAYMENT, List.of(), null);

        Transition<Checkout> t = f.machine.deadline(s);

        assertThat(t.next().status()).isEqualTo(COMPENSATING);
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("payment.cancel.v1");
        assertThat(t.next().compensated()).containsExactly("confirm-payment");
    }

    @Test
    void anUnansweredCompensationIsResentThenLeftToOperatorsAsFailed() {
        SagaState<Checkout> s = f.state(
                COMPENSATING,
                "confirm-payment",
                1,
                checkout(true),
                UP_TO_PAYMENT,
                List.of("confirm-payment"),
                "PAYMENT_FAILED");

        Transition<Checkout> again = f.machine.deadline(s);
        assertThat(sent(again)).extracting(SagaCommand::type).containsExactly("payment.cancel.v1");
        assertThat(again.next().attempts()).isEqualTo(2);

        Transition<Checkout> failed = f.machine.deadline(again.next());
        assertThat(failed.next().status()).isEqualTo(FAILED);
        assertThat(failed.next().lastError()).contains("confirm-payment", "2 attempt");
        assertThat(failed.deadline()).isNull();
        assertThat(stepOf(failed)).isEqualTo("confirm-payment");
        assertThat(sent(failed)).isEmpty();
    }

    @Test
    void aCompensationFailureReplyFailsTheSagaAndAReplyLaterResumesIt() {
        SagaState<Checkout> s = f.state(
                COMPENSATING,
                "confirm-payment",
                1,
                checkout(true),
                UP_TO_PAYMENT,
                List.of("confirm-payment"),
                "DEADLINE_EXPIRED");

        Transition<Checkout> failed = f.machine.reply(s, reply("payment.cancel-failed.v1", null), none());
        assertThat(failed.next().status()).isEqualTo(FAILED);

        Transition<Checkout> resumed = f.machine.reply(failed.next(), reply("payment.cancelled.v1", null), none());
        assertThat(resumed.next().status()).isEqualTo(COMPENSATING);
        assertThat(sent(resumed)).extracting(SagaCommand::type).containsExactly("coupon.release.v1");
    }

    @Test
    void aDuplicatedSuccessOfAPastStepIsLoggedAndChangesNothing() {
        SagaState<Checkout> s = f.state(
                RUNNING, "confirm-payment", 1, checkout(true).withDiscount(500), UP_TO_PAYMENT, List.of(), null);

        Transition<Checkout> t = f.machine.reply(s, reply("coupon.reserved.v1", new CouponReserved(999)), none());

        assertThat(events(t)).containsExactly(StepEvent.LATE_REPLY_IGNORED);
        assertThat(t.next()).isEqualTo(s);
        assertThat(t.resetDeadline()).as("the current deadline stays").isFalse();
        assertThat(sent(t)).isEmpty();
    }

    @Test
    void aSuccessArrivingAfterItsCompensationWasSentSendsTheCompensationAgain() {
        SagaState<Checkout> s = compensatedAfterPaymentDeadline();

        Transition<Checkout> t = f.machine.reply(s, reply("payment.approved.v1", null), none());

        assertThat(events(t)).containsExactly(StepEvent.LATE_REPLY_IGNORED, StepEvent.COMPENSATION_SENT);
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("payment.cancel.v1");
        assertThat(t.next()).isEqualTo(s);
        assertThat(f.effects).as("local compensations never run twice").isEmpty();
    }

    @Test
    void lateFailuresAndLateCompensationRepliesAreOnlyLogged() {
        SagaState<Checkout> s = compensatedAfterPaymentDeadline();

        Transition<Checkout> failure = f.machine.reply(s, reply("payment.failed.v1", null), none());
        Transition<Checkout> compensation = f.machine.reply(s, reply("coupon.released.v1", null), none());

        assertThat(events(failure)).containsExactly(StepEvent.LATE_REPLY_IGNORED);
        assertThat(events(compensation)).containsExactly(StepEvent.LATE_REPLY_IGNORED);
        assertThat(failure.next()).isEqualTo(s);
        assertThat(compensation.next()).isEqualTo(s);
    }

    @Test
    void aCompensationFailingAfterTheSagaWasCompensatedParksItForOperatorsWhoseRetryEndsIt() {
        SagaState<Checkout> s = compensatedAfterPaymentDeadline();
        Transition<Checkout> resent = f.machine.reply(s, reply("payment.approved.v1", null), none());
        assertThat(sent(resent)).extracting(SagaCommand::type).containsExactly("payment.cancel.v1");

        // the cancel sent again is refused: the late payment may stay taken
        Transition<Checkout> failed = f.machine.reply(resent.next(), reply("payment.cancel-failed.v1", null), none());

        assertThat(events(failed)).containsExactly(StepEvent.LATE_REPLY_IGNORED, StepEvent.FAILED);
        assertThat(failed.next().status()).isEqualTo(FAILED);
        assertThat(stepOf(failed)).isEqualTo("confirm-payment");
        assertThat(failed.next().lastError()).contains("confirm-payment", "payment.cancel-failed.v1");
        assertThat(failed.next().reasonCode())
                .as("why the saga was compensated")
                .isEqualTo("DEADLINE_EXPIRED");
        assertThat(sent(failed)).isEmpty();

        Transition<Checkout> retried = f.machine.retry(failed.next());
        assertThat(retried.next().status()).isEqualTo(COMPENSATING);
        assertThat(sent(retried)).extracting(SagaCommand::type).containsExactly("payment.cancel.v1");

        Transition<Checkout> ended = f.machine.reply(retried.next(), reply("payment.cancelled.v1", null), none());
        assertThat(ended.next().status()).isEqualTo(COMPENSATED);
        assertThat(sent(ended)).as("the other steps were compensated already").isEmpty();
        assertThat(f.effects)
                .as("no local compensation runs twice; the end hook is told the saga is compensated")
                .singleElement()
                .asString()
                .startsWith("compensated ");
    }

    @Test
    void aSuccessOfAStepStillToBeCompensatedWaitsForItsTurn() {
        SagaState<Checkout> s = f.state(
                COMPENSATING,
                "confirm-payment",
                1,
                checkout(true),
                UP_TO_PAYMENT,
                List.of("confirm-payment"),
                "DEADLINE_EXPIRED");

        Transition<Checkout> t = f.machine.reply(s, reply("coupon.reserved.v1", new CouponReserved(1)), none());

        assertThat(sent(t))
                .as("the coupon's release comes after the payment's cancel")
                .isEmpty();
        assertThat(t.next()).isEqualTo(s);
    }

    @Test
    void anOperatorRetryResendsTheCurrentCommandWithAFreshBudget() {
        SagaState<Checkout> s = f.state(
                RUNNING,
                "reserve-coupon",
                3,
                checkout(true),
                List.of("reserve-stock", "reserve-coupon"),
                List.of(),
                null);

        Transition<Checkout> t = f.machine.retry(s);

        assertThat(t.next().attempts()).isEqualTo(1);
        assertThat(t.deadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(events(t)).containsExactly(StepEvent.OPS_RETRY, StepEvent.RETRY);
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("coupon.reserve.v1");
    }

    @Test
    void anOperatorRetryOfAFailedSagaResendsItsCompensation() {
        SagaState<Checkout> s = f.state(
                FAILED,
                "confirm-payment",
                2,
                checkout(true),
                UP_TO_PAYMENT,
                List.of("confirm-payment"),
                "DEADLINE_EXPIRED");

        Transition<Checkout> t = f.machine.retry(s);

        assertThat(t.next().status()).isEqualTo(COMPENSATING);
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("payment.cancel.v1");
        assertThat(t.deadline()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anOperatorCompensatesARunningSagaFromItsCurrentStep() {
        SagaState<Checkout> s = f.state(RUNNING, "confirm-payment", 1, checkout(true), UP_TO_PAYMENT, List.of(), null);

        Transition<Checkout> t = f.machine.compensate(s);

        assertThat(t.next().status()).isEqualTo(COMPENSATING);
        assertThat(t.next().reasonCode()).isEqualTo(SagaDefinition.COMPENSATED_BY_OPERATOR);
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("payment.cancel.v1");
        assertThat(events(t)).startsWith(StepEvent.OPS_COMPENSATE);
    }

    @Test
    void operatorsCannotRetryOrCompensateAnEndedSaga() {
        SagaState<Checkout> done = f.state(COMPLETED, null, 0, checkout(true), UP_TO_PAYMENT, List.of(), null);

        assertThatThrownBy(() -> f.machine.retry(done)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.machine.compensate(done)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.machine.deadline(done)).isInstanceOf(IllegalStateException.class);
    }

    /** A checkout compensated in full after the payment's deadline expired. */
    private SagaState<Checkout> compensatedAfterPaymentDeadline() {
        return f.state(
                COMPENSATED,
                null,
                0,
                checkout(true),
                UP_TO_PAYMENT,
                List.of("confirm-payment", "reserve-coupon", "reserve-stock"),
                "DEADLINE_EXPIRED");
    }

    private String stepOf(Transition<Checkout> t) {
        return t.next().step() < 0 ? null : f.definition.step(t.next().step()).name();
    }

    private static List<SagaCommand> sent(Transition<?> t) {
        return t.effects().stream()
                .filter(e -> e instanceof Transition.Send)
                .map(e -> ((Transition.Send) e).command())
                .toList();
    }

    private static List<StepEvent> events(Transition<?> t) {
        return t.effects().stream().map(Transition.Effect::event).toList();
    }

    private static java.util.function.Function<String, Optional<Sent>> none() {
        return id -> Optional.empty();
    }
}
