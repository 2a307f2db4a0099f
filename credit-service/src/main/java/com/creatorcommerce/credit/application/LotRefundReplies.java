package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.credit.application.port.Refunds;
import com.creatorcommerce.credit.domain.RefundLog;
import com.creatorcommerce.platform.messaging.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * payment-service's answers to the partial cancels a refund of unspent credits asked for ({@link RefundService};
 * {@code cancel_request_id} {@code credit-refund-<id>}): the refund COMPLETED, or FAILED when the PG refused it. A
 * refused one left a customer without the credits and without the money: logged as an error and counted
 * ({@code credit.lot.refund.failed}) for ops. Each answer is handled once ({@link PurchaseSettlement#CONSUMER}).
 */
@Component
class LotRefundReplies {

    private static final Logger log = LoggerFactory.getLogger(LotRefundReplies.class);
    private static final String PREFIX = "credit-refund-";

    private final Refunds refunds;
    private final HandleOnce once;
    private final Clock clock;
    private final Counter failed;

    LotRefundReplies(Refunds refunds, HandleOnce once, Clock clock, MeterRegistry meters) {
        this.refunds = refunds;
        this.once = once;
        this.clock = clock;
        this.failed = Counter.builder("credit.lot.refund.failed")
                .description("Refunds of unspent credits whose PG cancel was refused")
                .register(meters);
    }

    /** Whether a payment cancel was asked for by a lot refund. */
    static boolean isOurs(String cancelRequestId) {
        return cancelRequestId != null && cancelRequestId.startsWith(PREFIX);
    }

    /** payment.cancelled.v1 of a lot refund: COMPLETED (once). */
    void cancelled(PaymentCancelled c, InboundMessage message) {
        once.run(
                PurchaseSettlement.CONSUMER,
                message,
                () -> refunds.settle(
                        c.cancelRequestId(), RefundLog.Status.COMPLETED, c.paymentId(), null, null, clock.instant()));
    }

    /** payment.cancel-failed.v1 of a lot refund: FAILED; the credits are gone and the money is not back. */
    void cancelFailed(PaymentCancelFailed f, InboundMessage message) {
        boolean handled = once.run(PurchaseSettlement.CONSUMER, message, () -> {
            if (refunds.settle(
                    f.cancelRequestId(),
                    RefundLog.Status.FAILED,
                    f.paymentId(),
                    f.failureCode(),
                    f.failureMessage(),
                    clock.instant())) {
                log.error(
                        "REFUND FAILED: the PG refused the partial cancel {} of payment {}: {} {}. The credits "
                                + "left the wallet; ops must refund the money.",
                        f.cancelRequestId(),
                        f.paymentKey(),
                        f.failureCode(),
                        f.failureMessage());
            }
        });
        if (handled) {
            failed.increment();
        }
    }
}
