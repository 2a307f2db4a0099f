package com.creatorcommerce.payment.application;

import com.creatorcommerce.payment.application.PgOutcomeMeter.PgOutcome;
import com.creatorcommerce.payment.application.port.PaymentTombstones;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.CheckSchedule;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentStatus;
import com.creatorcommerce.payment.domain.PaymentTombstone;
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
 * the reconciliation job may both learn it, the second finds the payment settled and does nothing. Each settlement
 * and each look that left the outcome unknown is counted ({@link PgOutcomeMeter}). What the PG holds of a payment that
 * is not treated as approved is given back by {@link PgHeldMoney}.
 */
@Service
public class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final Payments payments;
    private final PaymentTombstones tombstones;
    private final PaymentAnnouncements announcements;
    private final Clock clock;
    private final CheckSchedule schedule;
    private final Counter flagged;
    private final PgOutcomeMeter pgOutcomes;
    private final PgHeldMoney heldMoney;

    PaymentOutcomes(
            Payments payments,
            PaymentTombstones tombstones,
            PaymentAnnouncements announcements,
            PgHeldMoney heldMoney,
            Clock clock,
            CheckSchedule schedule,
            MeterRegistry meters) {
        this.payments = payments;
        this.tombstones = tombstones;
        this.announcements = announcements;
        this.heldMoney = heldMoney;
        this.clock = clock;
        this.schedule = schedule;
        this.flagged = PaymentMeters.flagged(meters);
        this.pgOutcomes = new PgOutcomeMeter(meters);
    }

    /**
     * A confirm is about to be sent (the reconciliation job leaves the payment alone while it is in flight). False
     * when it must not be: its payment key was cancelled meanwhile, so the payment fails without a PG call.
     */
    @Transactional
    public boolean confirmSending(long paymentId) {
        Optional<Payment> found = payments.lock(paymentId);
        if (found.isEmpty()) {
            return false;
        }
        Payment p = found.get();
        Instant now = clock.instant();
        Optional<PaymentTombstone> closed = tombstones.lock(p.requested().paymentKey());
        if (closed.isPresent()) {
            if (p.fail(PaymentTombstone.CODE, closed.get().refusal(), now)) {
                announcements.outcome(p, false);
                heldMoney.answerNothingHeld(p, closed.get(), now);
            }
            return false;
        }
        p.confirmSent(schedule, now);
        return true;
    }

    /** The reconciliation job takes a due payment: false when it is no longer due at {@code dueBy}. */
    @Transactional
    public boolean claimCheck(long paymentId, Instant dueBy) {
        return payments.lock(paymentId)
                .map(p -> p.claimCheck(dueBy, schedule, clock.instant()))
                .orElse(false);
    }

    /**
     * The PG approved {@code approvedAmount}. A different amount than requested fails the payment and records an
     * automatic full cancel of the approval, whose id is returned for the caller to send.
     */
    @Transactional
    public Optional<Long> approved(long paymentId, long approvedAmount, Instant approvedAt) {
        Payment p = payments.lock(paymentId).orElseThrow();
        Instant now = clock.instant();
        Optional<PaymentTombstone> closed = p.status() == PaymentStatus.PENDING
                ? tombstones.lock(p.requested().paymentKey())
                : Optional.empty();
        if (closed.isPresent()) {
            // cancelled while the confirm was at the PG: not approved here, and the approval is cancelled at the PG
            PaymentTombstone t = closed.get();
            p.heldWithoutApproval(PaymentTombstone.CODE, t.refusal(), approvedAmount, now);
            pgOutcomes.settled(p, PgOutcome.APPROVED);
            announcements.outcome(p, false);
            log.warn(
                    "Payment {} ({}) was approved at the PG after it was cancelled ({}): cancelling the approval",
                    p.id(),
                    p.requested().paymentKey(),
                    t.cancelRequestId());
            return Optional.of(
                    heldMoney.cancelTheRest(p, t, "Cancelled before it was approved: " + t.cancelReason(), now));
        }
        if (!p.approve(approvedAmount, approvedAt, now)) {
            return Optional.empty();
        }
        pgOutcomes.settled(p, PgOutcome.APPROVED);
        announcements.outcome(p, false);
        if (p.outcome().amountMismatch()) {
            log.warn(
                    "PG approved {} for payment {} ({}) instead of {}: failing it and cancelling the approval",
                    approvedAmount,
                    p.id(),
                    p.requested().paymentKey(),
                    p.requested().amount());
            return Optional.of(
                    heldMoney.cancelTheRest(p, null, "Approved amount differs from the requested amount", now));
        }
        return Optional.empty();
    }

    /** A definite decline. */
    @Transactional
    public void failed(long paymentId, String code, String message) {
        Payment p = payments.lock(paymentId).orElseThrow();
        Instant now = clock.instant();
        if (p.fail(code, message, now)) {
            pgOutcomes.settled(p, PgOutcome.DECLINED);
            announcements.outcome(p, false);
            tombstones.lock(p.requested().paymentKey()).ifPresent(t -> heldMoney.answerNothingHeld(p, t, now));
        }
    }

    /** Failed for an unclear reason: announced FAILED, and re-checked by the reconciliation job. */
    @Transactional
    public void failedUnclear(long paymentId, String code, String message) {
        Payment p = payments.lock(paymentId).orElseThrow();
        Instant now = clock.instant();
        if (p.failUnclear(code, message, schedule.next(1, now), now)) {
            log.warn(
                    "Payment {} ({}) failed for an unclear reason ({}: {}); it will be re-checked at the PG",
                    p.id(),
                    p.requested().paymentKey(),
                    code,
                    message);
            pgOutcomes.settled(p, PgOutcome.DECLINED);
            announcements.outcome(p, false);
            // should the PG hold it after all, the re-check gives it back on its own
            tombstones.lock(p.requested().paymentKey()).ifPresent(t -> heldMoney.answerNothingHeld(p, t, now));
        }
    }

    @Transactional
    public void stillUnknown(long paymentId, String reason) {
        payments.lock(paymentId).ifPresent(p -> {
            if (p.status() == PaymentStatus.PENDING || p.awaitingRecheck()) {
                pgOutcomes.unknownLook();
            }
            if (p.stillUnknown(reason, schedule, clock.instant())) {
                flagged.increment();
                log.error(
                        "PAYMENT NEEDS ATTENTION: payment {} ({}, {} {}, {}) is still unresolved after {} looks at "
                                + "the PG: {}. Checked again every {}.",
                        p.id(),
                        p.requested().paymentKey(),
                        p.requested().purpose(),
                        p.requested().referenceId(),
                        p.status(),
                        p.looks().checkAttempts(),
                        reason,
                        schedule.maxDelay());
            }
        });
        log.info("Payment {} outcome still unknown: {}", paymentId, reason);
    }
}
