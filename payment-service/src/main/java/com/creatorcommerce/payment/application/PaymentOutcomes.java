package com.creatorcommerce.payment.application;

import com.creatorcommerce.payment.adapter.out.persistence.PaymentCancellations;
import com.creatorcommerce.payment.adapter.out.persistence.Payments;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the PG said about a payment, each in a short transaction on the locked payment row (the PG call itself
 * runs outside any transaction). Only the first settlement of a PENDING payment announces an outcome: the listener and
 * the reconciliation job may both learn it, the second finds the payment settled and does nothing.
 */
@Service
public class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final Payments payments;
    private final PaymentCancellations cancellations;
    private final PaymentAnnouncements announcements;
    private final IdGenerator ids;
    private final Clock clock;

    PaymentOutcomes(Payments payments, PaymentCancellations cancellations, PaymentAnnouncements announcements,
            IdGenerator ids, Clock clock) {
        this.payments = payments;
        this.cancellations = cancellations;
        this.announcements = announcements;
        this.ids = ids;
        this.clock = clock;
    }

    /** A confirm is about to be sent (also marks the row as looked at, so the reconciler leaves it alone a while). */
    @Transactional
    public void confirmSending(long paymentId) {
        payments.lockById(paymentId).ifPresent(p -> p.confirmSent(clock.instant()));
    }

    /**
     * The PG approved {@code approvedAmount}. A different amount than requested fails the payment and records an
     * automatic full cancel of the approval, whose id is returned for the caller to send.
     */
    @Transactional
    public Optional<Long> approved(long paymentId, long approvedAmount, Instant approvedAt) {
        Payment p = payments.lockById(paymentId).orElseThrow();
        Instant now = clock.instant();
        if (!p.approve(approvedAmount, approvedAt, now)) {
            return Optional.empty();
        }
        announcements.outcome(p, false);
        if (p.amountMismatch()) {
            log.warn("PG approved {} for payment {} ({}) instead of {}: failing it and cancelling the approval",
                    approvedAmount, p.id(), p.paymentKey(), p.amount());
            PaymentCancellation c = cancellations.save(PaymentCancellation.request(ids.nextId(), p, null,
                    approvedAmount, true, "Approved amount differs from the requested amount", false,
                    p.correlationId(), now));
            return Optional.of(c.id());
        }
        return Optional.empty();
    }

    @Transactional
    public void failed(long paymentId, String code, String message) {
        Payment p = payments.lockById(paymentId).orElseThrow();
        if (p.fail(code, message, clock.instant())) {
            announcements.outcome(p, false);
        }
    }

    @Transactional
    public void stillUnknown(long paymentId, String reason) {
        payments.lockById(paymentId).ifPresent(p -> p.stillUnknown(reason, clock.instant()));
        log.info("Payment {} outcome still unknown: {}", paymentId, reason);
    }
}
