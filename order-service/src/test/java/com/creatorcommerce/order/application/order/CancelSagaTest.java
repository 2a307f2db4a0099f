package com.creatorcommerce.order.application.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponReservationReleased;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.platform.saga.SagaProbe;
import com.creatorcommerce.platform.saga.SagaProbe.Step;
import com.creatorcommerce.platform.saga.SagaReason;
import com.creatorcommerce.platform.saga.SagaStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order-cancel saga as given state and reply → next command: forward only. */
class CancelSagaTest {

    private static final OrderSagaProperties PROPS =
            new OrderSagaProperties(Duration.ofSeconds(10), 3, Duration.ofMinutes(2), 2, 2);

    private final List<String> effects = new ArrayList<>();
    private final SagaProbe<CancelData> saga = new SagaProbe<>(CancelSaga.definition(
            new CancelSaga.Local() {
                @Override
                public void restoreStock(long orderId) {
                    effects.add("stock restored " + orderId);
                }

                @Override
                public void cancelled(CancelData data) {
                    effects.add("cancelled");
                }

                @Override
                public void cancelFailed(CancelData data, SagaReason reason) {
                    effects.add("cancel failed " + reason.code() + " / " + reason.detail());
                }
            },
            PROPS));

    @Test
    void refundsThePointsThenReleasesTheCouponThenRestoresTheStock() {
        Step<CancelData> s = saga.start(new CancelData(900, 7, 37_000, 55L, false));

        assertThat(s.command().topic()).isEqualTo(PointTopics.COMMANDS);
        assertThat(s.command().key()).isEqualTo("900");
        assertThat(s.command().payload()).isEqualTo(new RefundPointsCommand(900, 7, "ORDER_CANCELLED"));

        Step<CancelData> release = saga.reply(PointTopics.REFUNDED, new PointsRefunded(900, 7, 37_000, 37_000, 3L));
        assertThat(release.command().key()).isEqualTo("55");
        assertThat(release.command().payload()).isEqualTo(new ReleaseCouponCommand(900, 7, 55, "ORDER_CANCELLED"));

        Step<CancelData> done =
                saga.reply(CouponTopics.RESERVATION_RELEASED, new CouponReservationReleased(900, 55, true));
        assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(effects).containsExactly("stock restored 900", "cancelled");
    }

    @Test
    void anOrderThatUsedNoPointsAndNoCouponIsCancelledAtOnce() {
        Step<CancelData> s = saga.start(new CancelData(900, 7, 0, null, true));

        assertThat(s.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(s.sent()).isEmpty();
        assertThat(effects).containsExactly("stock restored 900", "cancelled");
    }

    @Test
    void aStepUnansweredAfterItsAttemptsParksTheSagaFailedOnItWithoutUndoingAnythingAndTheOrderIsTold() {
        saga.start(new CancelData(900, 7, 37_000, 55L, false));
        saga.reply(PointTopics.REFUNDED, new PointsRefunded(900, 7, 37_000, 37_000, 3L));

        Step<CancelData> retry = saga.deadline();
        assertThat(retry.command().type()).isEqualTo(CouponTopics.RELEASE);
        Step<CancelData> s = saga.deadline();

        assertThat(s.status()).isEqualTo(SagaStatus.FAILED);
        assertThat(s.step()).isEqualTo("release-coupon");
        assertThat(s.reasonCode()).isEqualTo("DEADLINE_EXPIRED");
        assertThat(s.reasonDetail()).isEqualTo("release-coupon unanswered after 2 attempt(s)");
        assertThat(s.sent()).isEmpty();
        assertThat(s.deadline()).isNull();
        assertThat(effects)
                .containsExactly("cancel failed DEADLINE_EXPIRED / release-coupon unanswered after 2 " + "attempt(s)");
    }

    @Test
    void anOperatorsRetryOfTheParkedSagaSendsTheStepAgainAndTheOrderIsCancelledWhenItIsAnswered() {
        saga.start(new CancelData(900, 7, 37_000, 55L, false));
        saga.deadline();
        saga.deadline();

        Step<CancelData> retried = saga.retry();
        assertThat(retried.status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(retried.command().payload()).isEqualTo(new RefundPointsCommand(900, 7, "ORDER_CANCELLED"));

        saga.reply(PointTopics.REFUNDED, new PointsRefunded(900, 7, 37_000, 37_000, 3L));
        Step<CancelData> done =
                saga.reply(CouponTopics.RESERVATION_RELEASED, new CouponReservationReleased(900, 55, true));
        assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(effects)
                .containsExactly(
                        "cancel failed DEADLINE_EXPIRED / refund-points unanswered after 2 " + "attempt(s)",
                        "stock restored 900",
                        "cancelled");
    }
}
