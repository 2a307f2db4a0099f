package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.application.PgOutcomeMeter.PgOutcome;
import com.creatorcommerce.payment.application.port.PaymentCancellations;
import com.creatorcommerce.payment.application.port.PaymentTombstones;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.CheckSchedule;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import com.creatorcommerce.payment.domain.PaymentStatus;
import com.creatorcommerce.payment.domain.PaymentTombstone;
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
 * the reconciliation job may both learn it, the second finds the payment settled and does nothing. Each settlement
 * and each look that left the outcome unknown is counted ({@link PgOutcomeMeter}).
 */
@Service
public class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final Payments payments;
    private final PaymentCancellations cancellations;
    private final PaymentTombstones tombstones;
    private final PaymentAnnouncements announcements;
    private final IdGenerator ids;
    private final Clock clock;
    private final CheckSchedule schedule;
    private final Counter flagged;
    private final PgOutcomeMeter pgOutcomes;

    PaymentOutcomes(
            Payments payments,
            PaymentCancellations cancellations,
            PaymentTombstones tombstones,
            PaymentAnnouncements announcements,
            IdGenerator ids,
            Clock clock,
            CheckSchedule schedule,
            MeterRegistry meters) {
        this.payments = payments;
        this.cancellations = cancellations;
        this.tombstones = tombstones;
        this.announcements = announcements;
        this.ids = ids;
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
                answerNothingHeld(p, closed.get(), now);
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
            return Optional.of(cancelTheRest(p, t, "Cancelled before it was approved: " + t.cancelReason(), now));
        }
        if (!p.approve(approvedAmount, approvedAt, now)) {
            return Optional.empty();
        }
        pgOutcomes.settled(p, PgOutcome.APPROVED);
        announcements.outcome(p, false);
        if (p.amountMismatch()) {
            log.warn(
                    "PG approved {} for payment {} ({}) instead of {}: failing it and cancelling the approval",
                    approvedAmount,
                    p.id(),
                    p.requested().paymentKey(),
                    p.requested().amount());
            return Optional.of(cancelTheRest(p, "Approved amount differs from the requested amount", now));
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
            tombstones.lock(p.requested().paymentKey()).ifPresent(t -> answerNothingHeld(p, t, now));
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
            tombstones.lock(p.requested().paymentKey()).ifPresent(t -> answerNothingHeld(p, t, now));
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
        String message =
                "The PG reports the payment " + pgStatus + " (" + approved + " approved, " + left + " not cancelled)";
        if (!p.heldWithoutApproval(PaymentFailureCode.PG_ABORTED, message, approved, now)) {
            return Optional.empty();
        }
        log.warn(
                "Payment {} ({}) {}: {}; cancelling what is left ({})",
                p.id(),
                p.requested().paymentKey(),
                wasPending ? "was pending" : "had failed",
                message,
                left);
        Optional<PaymentTombstone> closed = Optional.empty();
        if (wasPending) {
            pgOutcomes.settled(p, PgOutcome.DECLINED);
            announcements.outcome(p, false);
            closed = tombstones.lock(p.requested().paymentKey()).filter(PaymentTombstone::awaitingOutcome);
        }
        long cancelledAtPg = approved - left;
        if (cancelledAtPg > 0) {
            PaymentCancellation c = PaymentCancellation.doneAtPg(
                    ids.nextId(),
                    p,
                    cancelledAtPg,
                    "Cancelled at the PG (" + pgStatus + ")",
                    p.requested().correlationId(),
                    now);
            cancellations.add(c);
            p.cancelled(cancelledAtPg, now);
            announcements.cancelled(p, c, false);
        }
        if (left == 0) {
            closed.ifPresent(t -> answerNothingHeld(p, t, now));
            return Optional.empty();
        }
        return Optional.of(
                cancelTheRest(p, closed.orElse(null), "Not approved here: the PG reported " + pgStatus, now));
    }

    /** A re-check found the PG holds nothing of a payment that failed for an unclear reason: done. */
    @Transactional
    public void notHeld(long paymentId, String pgAnswer) {
        payments.lock(paymentId)
                .filter(p -> p.recheckSettled(clock.instant()))
                .ifPresent(p -> log.info(
                        "Payment {} ({}) re-checked: the PG holds nothing ({})",
                        p.id(),
                        p.requested().paymentKey(),
                        pgAnswer));
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

    /** Records (REQUESTED) a cancel of everything the PG still holds of {@code p}; payment-service's own, no reply. */
    private long cancelTheRest(Payment p, String reason, Instant now) {
        return cancelTheRest(p, null, reason, now);
    }

    /**
     * As {@link #cancelTheRest(Payment, String, Instant)}; with a tombstone whose cancel awaits the confirm's outcome,
     * the cancellation is that cancel's (its request id and correlation), and its PG answer answers it.
     */
    private long cancelTheRest(Payment p, PaymentTombstone t, String reason, Instant now) {
        long left = p.cancellableAmount();
        boolean answers = t != null && t.awaitingOutcome();
        PaymentCancellation c = PaymentCancellation.request(
                ids.nextId(),
                p,
                answers ? t.cancelRequestId() : null,
                left,
                p.holding().cancelledAmount() == 0,
                reason,
                answers,
                answers ? t.correlationId() : p.requested().correlationId(),
                now);
        c.holdChecks(schedule, now);
        cancellations.add(c);
        if (answers) {
            t.handedTo(c.id(), now);
        }
        return c.id();
    }

    /** The confirm of a tombstoned key failed without anything held: its cancel, if still waiting, is answered. */
    private void answerNothingHeld(Payment p, PaymentTombstone t, Instant now) {
        if (t.answered(now)) {
            announcements.cancelledNothingHeld(p, t, now);
        }
    }
}
