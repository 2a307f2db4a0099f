package com.creatorcommerce.order.application.order;

import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.order.domain.order.FailureCode;
import com.creatorcommerce.platform.saga.SagaProbe;
import com.creatorcommerce.platform.saga.SagaReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The charge-then-order saga on the library's state machine, with its local side recorded. */
abstract class CheckoutSagaFixture {

    static final long ORDER = 900;
    static final long USER = 7;
    static final long COUPON = 55;
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final OrderSagaProperties PROPS =
            new OrderSagaProperties(Duration.ofSeconds(10), 3, Duration.ofMinutes(2), 2, 4);

    /** The local side, recorded. */
    static final class Recorder implements CheckoutSaga.Local {
        final List<String> effects = new ArrayList<>();
        final List<SagaReason> reasons = new ArrayList<>();
        FailureCode stockRefusal;
        CheckoutData completed;

        @Override
        public FailureCode reserveStock(CheckoutData data) {
            effects.add(stockRefusal == null ? "stock reserved" : "stock refused");
            return stockRefusal;
        }

        @Override
        public void releaseStock(long orderId) {
            effects.add("stock released");
        }

        @Override
        public void completed(CheckoutData data) {
            completed = data;
            effects.add("completed");
        }

        @Override
        public void failed(CheckoutData data, SagaReason reason) {
            effects.add("failed " + reason.code());
            reasons.add(reason);
        }
    }

    final Recorder local = new Recorder();
    final SagaProbe<CheckoutData> saga = new SagaProbe<>(CheckoutSaga.definition(local, PROPS));

    static CheckoutData order(Long coupon, Long charge) {
        return new CheckoutData(
                ORDER,
                USER,
                List.of(new CheckoutData.Line(11, 2)),
                40_000,
                coupon,
                0,
                charge,
                charge == null ? null : "pk_approve_x",
                null,
                false);
    }

    static PaymentApproved approved() {
        return new PaymentApproved(901, "pk_approve_x", PaymentPurpose.ORDER_CHARGE, ORDER, USER, 10_000, NOW);
    }
}
