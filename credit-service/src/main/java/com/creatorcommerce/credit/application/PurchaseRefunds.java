package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Payments approved but not credited (the purchase had failed, or the approval did not match it) are given back
 * through payment-service ({@code cancel_request_id} {@code credit-purchase-<id>-not-credited}); the answer is recorded
 * on the purchase ({@code refund_status}). A refused refund leaves a customer who paid without credits: logged as an
 * error and counted ({@code credit.purchase.refund.failed}) for ops.
 */
@Component
class PurchaseRefunds {

    private static final Logger log = LoggerFactory.getLogger(PurchaseRefunds.class);
    private static final Pattern REQUEST = Pattern.compile("credit-purchase-(\\d+)-not-credited");

    private final CreditPurchases purchases;
    private final HandleOnce once;
    private final Outbox outbox;
    private final Clock clock;
    private final Counter failed;

    PurchaseRefunds(CreditPurchases purchases, HandleOnce once, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.purchases = purchases;
        this.once = once;
        this.outbox = outbox;
        this.clock = clock;
        this.failed = Counter.builder("credit.purchase.refund.failed")
                .description("Payments approved but not credited whose refund the PG refused")
                .register(meters);
    }

    static String requestId(long purchaseId) {
        return "credit-purchase-" + purchaseId + "-not-credited";
    }

    /** The purchase of a cancel this service asked for; empty for anybody else's cancel. */
    static OptionalLong purchaseOf(String cancelRequestId) {
        Matcher m = cancelRequestId == null ? null : REQUEST.matcher(cancelRequestId);
        return m != null && m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Asks payment-service to give an approved payment back (in the caller's transaction). */
    void giveBack(PaymentApproved a, String reason) {
        outbox.append(OutboundMessage.of(
                        PaymentTopics.COMMANDS,
                        a.paymentKey(),
                        PaymentTopics.CANCEL,
                        new CancelPaymentCommand(
                                a.paymentKey(), requestId(a.referenceId()), null, "Not credited: " + reason))
                .withUserId(a.userId()));
    }

    /** payment.cancelled.v1: given back, if it is one of ours. */
    void cancelled(PaymentCancelled c, InboundMessage message) {
        OptionalLong purchaseId = purchaseOf(c.cancelRequestId());
        if (purchaseId.isEmpty()) {
            return;
        }
        once.run(
                PurchaseSettlement.CONSUMER,
                message,
                () -> purchases.lock(purchaseId.getAsLong()).ifPresent(p -> {
                    if (p.refunded(clock.instant())) {
                        log.info("Payment {} of purchase {} was not credited and is given back", c.paymentId(), p.id());
                    }
                }));
    }

    /** payment.cancel-failed.v1: the customer paid, got no credits and no refund (once per message). */
    void cancelFailed(PaymentCancelFailed f, InboundMessage message) {
        OptionalLong purchaseId = purchaseOf(f.cancelRequestId());
        if (purchaseId.isEmpty()) {
            return;
        }
        boolean handled = once.run(PurchaseSettlement.CONSUMER, message, () -> {
            log.error(
                    "REFUND FAILED: payment {} ({}) of purchase {} was approved but not credited, and its refund "
                            + "was refused: {} {}. The customer paid without getting credits; ops must refund it.",
                    f.paymentId(),
                    f.paymentKey(),
                    purchaseId.getAsLong(),
                    f.failureCode(),
                    f.failureMessage());
            purchases
                    .lock(purchaseId.getAsLong())
                    .ifPresent(p -> p.refundFailed(f.failureCode(), f.failureMessage(), clock.instant()));
        });
        if (handled) {
            failed.increment();
        }
    }
}
