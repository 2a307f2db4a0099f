package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.application.port.PaymentCancellations;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.CheckSchedule;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final CheckSchedule schedule;
    private final Counter flagged;

    PaymentOutcomes(Payments payments, PaymentCancellations cancellations, PaymentAnnouncements announcements,
            IdGenerator ids, Clock clock, CheckSchedule schedule, MeterRegistry meters) {
        this.payments = payments;
        this.cancellations = cancellations;
        this.announcements = announcements;
        this.ids = ids;
        this.clock = clock;
        this.schedule = schedule;
        this.flagged = ReconciliationMeters.flagged(meters);
    }

    /** A confirm is about to be sent (the reconciliation job leaves the payment alone while it is in flight). */
    @Transactional
    public void confirmSending(long paymentId) {
        payments.lock(paymentId).ifPresent(p -> p.confirmSent(schedule, clock.instant()));
    }

    /** The reconciliation job takes a due payment: false when it is no longer due at {@code dueBy}. */
    @Transactional
    public boolean claimCheck(long paymentId, Instant dueBy) {
        return payments.lock(paymentId).map(p -> p.claimCheck(dueBy, schedule, clock.instant())).orElse(false);
    }

    /**
     * The PG approved {@code approvedAmount}. A different amount than requested fails the payment and records an
     * automatic full cancel of the approval, whose id is returned for the caller to send.
     */
    @Transactional
    public Optional<Long> approved(long paymentId, long approvedAmount, Instant approvedAt) {
        Payment p = payments.lock(paymentId).orElseThrow();
        Instant now = clock.instant();
        if (!p.approve(approvedAmount, approvedAt, now)) {
            return Optional.empty();
        }
        announcements.outcome(p, false);
        if (p.amountMismatch()) {
            log.warn("PG approved {} for payment {} ({}) instead of {}: failing it and cancelling the approval",
                    approvedAmount, p.id(), p.paymentKey(), p.amount());
            return Optional.of(cancelTheRest(p, "Approved amount differs from the requested amount", now));
        }
        return Optional.empty();
    }

    /** A definite decline. */
    @Transactional
    public void failed(long paymentId, String code, String message) {
        Payment p = payments.lock(paymentId).orElseThrow();
        if (p.fail(code, message, clock.instant())) {
            announcements.outcome(p, false);
        }
    }

    /** Failed for an unclear reason: announced FAILED, and re-checked by the reconciliation job. */
    @Transactional
    public void failedUnclear(long paymentId, String code, String message) {
        Payment p = payments.lock(paymentId).orElseThrow();
        Instant now = clock.instant();
        if (p.failUnclear(code, message, schedule.next(1, now), now)) {
            log.warn("Payment {} ({}) failed for an unclear reason ({}: {}); it will be re-checked at the PG", p.id(),
                    p.paymentKey(), code, message);
            announcements.outcome(p, false);
        }
    }

    /**
     * The PG holds {@code approved} of a payment that is not treated as approved, of which {@code left} is still
     * approved at the PG (the rest the PG already cancelled): it reported the payment (partly) cancelled while it was
     * PENDING, or a re-check of an unclear failure found it approved. The payment becomes FAILED (announced if it was
     * PENDING) with the PG's cancel recorded, and a cancel of what is left is recorded; its id is returned for the
     * caller to send.
     */
    @Transactional
    public Optional<Long> heldAtPg(long paymentId, String pgStatus, long approved, long left) {
        if (left < 0 || left > approved) {
            throw new IllegalArgumentException("left " + left + " of " + approved);
        }
        Payment p = payments.lock(paymentId).orElseThrow();
        Instant now = clock.instant();
        boolean wasPending = !p.status().isFinal();
        String message = "The PG reports the payment " + pgStatus + " (" + approved + " approved, " + left
                + " not cancelled)";
        if (!p.heldWithoutApproval(PaymentFailureCode.PG_ABORTED, message, approved, now)) {
            return Optional.empty();
        }
        log.warn("Payment {} ({}) {}: {}; cancelling what is left ({})", p.id(), p.paymentKey(),
                wasPending ? "was pending" : "had failed", message, left);
        if (wasPending) {
            announcements.outcome(p, false);
        }
        long cancelledAtPg = approved - left;
        if (cancelledAtPg > 0) {
            PaymentCancellation c = PaymentCancellation.doneAtPg(ids.nextId(), p, cancelledAtPg,
                    "Cancelled at the PG (" + pgStatus + ")", p.correlationId(), now);
            cancellations.add(c);
            p.cancelled(cancelledAtPg, now);
            announcements.cancelled(p, c, false);
        }
        return left == 0 ? Optional.empty()
                : Optional.of(cancelTheRest(p, "Not approved here: the PG reported " + pgStatus, now));
    }

    /** A re-check found the PG holds nothing of a payment that failed for an unclear reason: done. */
    @Transactional
    public void notHeld(long paymentId, String pgAnswer) {
        payments.lock(paymentId).filter(p -> p.recheckSettled(clock.instant()))
                .ifPresent(p -> log.info("Payment {} ({}) re-checked: the PG holds nothing ({})", p.id(),
                        p.paymentKey(), pgAnswer));
    }

    @Transactional
    public void stillUnknown(long paymentId, String reason) {
        payments.lock(paymentId).ifPresent(p -> {
            if (p.stillUnknown(reason, schedule, clock.instant())) {
                flagged.increment();
                log.error("PAYMENT NEEDS ATTENTION: payment {} ({}, {} {}, {}) is still unresolved after {} looks at "
                        + "the PG: {}. Checked again every {}.", p.id(), p.paymentKey(), p.purpose(),
                        p.referenceId(), p.status(), p.checkAttempts(), reason, schedule.maxDelay());
            }
        });
        log.info("Payment {} outcome still unknown: {}", paymentId, reason);
    }

    /** Records (REQUESTED) a cancel of everything the PG still holds of {@code p}; payment-service's own, no reply. */
    private long cancelTheRest(Payment p, String reason, Instant now) {
        long left = p.cancellableAmount();
        PaymentCancellation c = PaymentCancellation.request(ids.nextId(), p, null, left, p.cancelledAmount() == 0,
                reason, false, p.correlationId(), now);
        c.holdChecks(schedule, now);
        cancellations.add(c);
        return c.id();
    }
}
