package com.creatorcommerce.platform.saga;

import static com.creatorcommerce.platform.saga.CheckoutSagaFixture.checkout;
import static com.creatorcommerce.platform.saga.CheckoutSagaFixture.reply;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATED;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPENSATING;
import static com.creatorcommerce.platform.saga.SagaStatus.COMPLETED;
import static com.creatorcommerce.platform.saga.SagaStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.messaging.PermanentMessageException;
import com.creatorcommerce.platform.saga.CheckoutSagaFixture.Checkout;
import com.creatorcommerce.platform.saga.CheckoutSagaFixture.CouponRejected;
import com.creatorcommerce.platform.saga.CheckoutSagaFixture.CouponReserved;
import com.creatorcommerce.platform.saga.CheckoutSagaFixture.ReserveCoupon;
import com.creatorcommerce.platform.saga.SagaStateMachine.Sent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given a saga's state and an event (start, reply, deadline, operator), the next state and commands. No Spring. */
class SagaStateMachineTest {

    private static final List<String> UP_TO_PAYMENT = List.of("reserve-stock", "reserve-coupon", "confirm-payment");

    private final CheckoutSagaFixture f = new CheckoutSagaFixture();

    @Test
    void startRunsTheLocalStepThenSendsTheFirstCommandWithItsDeadline() {
        Transition<Checkout> t = f.machine.start(7, checkout(true));

        assertThat(f.effects).containsExactly("stock reserved 42");
        assertThat(t.next().status()).isEqualTo(RUNNING);
        assertThat(stepOf(t)).isEqualTo("reserve-coupon");
        assertThat(t.next().attempts()).isEqualTo(1);
        assertThat(t.next().executed()).containsExactly("reserve-stock", "reserve-coupon");
        assertThat(sent(t)).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("coupon.reserve.v1");
            assertThat(c.topic()).isEqualTo("coupon.commands");
            assertThat(c.key()).isEqualTo("42");
            assertThat(c.payload()).isEqualTo(new ReserveCoupon(42));
        });
        assertThat(t.deadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.stepStarted()).isTrue();
        assertThat(events(t)).containsExactly(StepEvent.STARTED, StepEvent.LOCAL_DONE, StepEvent.COMMAND_SENT);
    }

    @Test
    void aLocalFailureCompensatesAtOnceWithItsReasonAndSendsNothing() {
        Transition<Checkout> t = f.machine.start(7, new Checkout(42, true, false, 0));

        assertThat(t.next().status()).isEqualTo(COMPENSATED);
        assertThat(t.next().reasonCode()).isEqualTo("OUT_OF_STOCK");
        assertThat(sent(t)).isEmpty();
        assertThat(t.deadline()).isNull();
        assertThat(f.effects).containsExactly("compensated 42 OUT_OF_STOCK");
    }

    @Test
    void aSuccessReplyUpdatesTheDataAndSendsTheNextCommand() {
        SagaState<Checkout> s = f.state(
                RUNNING,
                "reserve-coupon",
                1,
                checkout(true),
                List.of("reserve-stock", "reserve-coupon"),
                List.of(),
                null);

        Transition<Checkout> t = f.machine.reply(s, reply("coupon.reserved.v1", new CouponReserved(500)), none());

        assertThat(t.next().data().discount()).isEqualTo(500);
        assertThat(stepOf(t)).isEqualTo("confirm-payment");
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("payment.confirm.v1");
        assertThat(t.deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.next().executed()).containsExactlyElementsOf(UP_TO_PAYMENT);
    }

    @Test
    void aStepWhoseConditionDoesNotHoldIsSkippedAndNeverCompensated() {
        SagaState<Checkout> s = f.state(
                RUNNING,
                "reserve-coupon",
                1,
                checkout(false),
                List.of("reserve-stock", "reserve-coupon"),
                List.of(),
                null);

        Transition<Checkout> t = f.machine.reply(s, reply("coupon.reserved.v1", new CouponReserved(0)), none());

        assertThat(stepOf(t)).isEqualTo("confirm-coupon");
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("coupon.confirm.v1");
        assertThat(events(t)).contains(StepEvent.SKIPPED);
        assertThat(t.next().executed()).doesNotContain("confirm-payment");
    }

    @Test
    void theLastSuccessCompletesTheSagaAndRunsItsHook() {
        SagaState<Checkout> s = f.state(
                RUNNING,
                "confirm-coupon",
                1,
                checkout(true),
                List.of("reserve-stock", "reserve-coupon", "confirm-payment", "confirm-coupon"),
                List.of(),
                null);

        Transition<Checkout> t = f.machine.reply(s, reply("coupon.confirmed.v1", null), none());

        assertThat(t.next().status()).isEqualTo(COMPLETED);
        assertThat(t.next().step()).isEqualTo(-1);
        assertThat(t.resetDeadline()).isTrue();
        assertThat(t.deadline()).isNull();
        assertThat(sent(t)).isEmpty();
        assertThat(f.effects).containsExactly("completed 42");
    }

    @Test
    void aFailureReplyCompensatesTheEarlierStepsInReverseOrderWithTheReason() {
        SagaState<Checkout> s = f.state(RUNNING, "confirm-payment", 1, checkout(true), UP_TO_PAYMENT, List.of(), null);

        Transition<Checkout> t = f.machine.reply(s, reply("payment.failed.v1", null), none());

        assertThat(t.next().status()).isEqualTo(COMPENSATING);
        assertThat(t.next().reasonCode()).isEqualTo("PAYMENT_FAILED");
        assertThat(stepOf(t)).as("the refused payment needs no cancel").isEqualTo("reserve-coupon");
        assertThat(sent(t)).extracting(SagaCommand::type).containsExactly("coupon.release.v1");
        assertThat(t.next().compensated()).containsExactly("reserve-coupon");

        Transition<Checkout> released = f.machine.reply(t.next(), reply("coupon.released.v1", null), none());

        assertThat(released.next().status()).isEqualTo(COMPENSATED);
        assertThat(released.next().compensated()).containsExactly("reserve-coupon", "reserve-stock");
        assertThat(f.effects).containsExactly("stock released 42", "compensated 42 PAYMENT_FAILED");
        assertThat(released.deadline()).isNull();
    }

    @Test
    void aRefusalReadsItsReasonCodeFromThePayload() {
        SagaState<Checkout> s = f.state(
                RUNNING,
                "reserve-coupon",
                1,
                checkout(true),
                List.of("reserve-stock", "reserve-coupon"),
                List.of(),
                null);

        Transition<Checkout> t = f.machine.reply(s, reply("coupon.rejected.v1", new CouponRejected("EXPIRED")), none());

        assertThat(t.next().status()).isEqualTo(COMPENSATED);
        assertThat(t.next().reasonCode()).isEqualTo("EXPIRED");
        assertThat(t.next().lastError()).contains("reserve-coupon", "EXPIRED");
        assertThat(f.effects).containsExactly("stock released 42", "compensated 42 EXPIRED");
    }

    @Test
    void theCausationIdTellsWhichSendAReplyAnswers() {
        SagaState<Checkout> s = f.state(
                COMPENSATING,
                "confirm-payment",
                1,
                checkout(true),
                UP_TO_PAYMENT,
                List.of("confirm-payment"),
                "DEADLINE_EXPIRED");

        Transition<Checkout> t = f.machine.reply(
                s,
                reply("payment.cancelled.v1", null, "m-1"),
                id -> id.equals("m-1") ? Optional.of(new Sent("confirm-payment", true)) : Optional.empty());

        assertThat(events(t)).startsWith(StepEvent.COMPENSATION_REPLY);
        assertThat(stepOf(t)).isEqualTo("reserve-coupon");
    }

    @Test
    void aReplyTypeTheSagaDoesNotExpectIsPermanent() {
        SagaState<Checkout> s = f.state(
                RUNNING,
                "reserve-coupon",
                1,
                checkout(true),
                List.of("reserve-stock", "reserve-coupon"),
                List.of(),
                null);

        assertThatThrownBy(() -> f.machine.reply(s, reply("coupon.exploded.v1", null), none()))
                .isInstanceOf(PermanentMessageException.class)
                .hasMessageContaining("coupon.exploded.v1");
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
