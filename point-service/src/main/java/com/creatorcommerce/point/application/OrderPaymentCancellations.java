package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.application.port.CancelledPayments;
import com.creatorcommerce.point.application.port.PointHistory;
import com.creatorcommerce.point.domain.CancelledPayment;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * payment.cancelled.v1 of an order's payment (purpose ORDER_CHARGE, nothing left approved): the payment is recorded
 * as cancelled, so that the order's CHARGE, should it arrive now (late, or sent again), is refused
 * ({@link OrderPointsService#charge}). Recorded under the wallet's row lock, like every ledger change: a CHARGE either
 * committed before (then the points were credited for a payment given back: logged as an error and counted,
 * {@code point.charge.cancelled-payment}, for ops) or sees the record.
 */
@Service
public class OrderPaymentCancellations {

    private static final Logger log = LoggerFactory.getLogger(OrderPaymentCancellations.class);

    private final CancelledPayments cancelled;
    private final PointHistory history;
    private final PointLedger ledger;
    private final HandleOnce once;
    private final Clock clock;
    private final Counter creditedAnyway;

    OrderPaymentCancellations(
            CancelledPayments cancelled,
            PointHistory history,
            PointLedger ledger,
            HandleOnce once,
            Clock clock,
            MeterRegistry meters) {
        this.cancelled = cancelled;
        this.history = history;
        this.ledger = ledger;
        this.once = once;
        this.clock = clock;
        this.creditedAnyway = Counter.builder("point.charge.cancelled-payment")
                .description("Order charges credited before their payment was cancelled")
                .register(meters);
    }

    /** Whether {@code c} closes an order's payment for its CHARGE. */
    public static boolean closesOrderCharge(PaymentCancelled c) {
        return c.purpose() == PaymentPurpose.ORDER_CHARGE
                && c.paymentId() > 0
                && c.userId() > 0
                && c.remainingAmount() == 0;
    }

    public void cancelled(PaymentCancelled c, InboundMessage message) {
        if (!closesOrderCharge(c)) {
            return;
        }
        ledger.underWalletLock(c.userId(), balance -> {
            if (!once.mark(ChargeSettlement.CONSUMER, message)) {
                return false;
            }
            try (MessageContext.Scope ignored = MessageContext.open(message)) {
                cancelled.record(CancelledPayment.of(
                        c.paymentId(), c.referenceId(), c.userId(), c.cancelledAt(), clock.instant()));
                history.findByIdempotencyKey(
                                ReferenceType.ORDER.idempotencyKey(c.referenceId(), TransactionType.CHARGE))
                        .ifPresent(charge -> {
                            creditedAnyway.increment();
                            log.error(
                                    "POINTS CREDITED FOR A CANCELLED PAYMENT: order {} of user {} was credited {} points "
                                            + "(transaction {}) before its payment {} ({}) was cancelled",
                                    c.referenceId(),
                                    c.userId(),
                                    charge.amount(),
                                    charge.id(),
                                    c.paymentId(),
                                    c.paymentKey());
                        });
            }
            return true;
        });
    }
}
