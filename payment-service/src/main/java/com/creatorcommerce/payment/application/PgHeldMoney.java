package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.application.PgOutcomeMeter.PgOutcome;
import com.creatorcommerce.payment.application.port.PaymentCancellations;
import com.creatorcommerce.payment.application.port.PaymentTombstones;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.CheckSchedule;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import com.creatorcommerce.payment.domain.PaymentTombstone;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the PG holds of a payment that is not treated as approved, given back: an approval for another amount than
 * requested, of a payment key cancelled meanwhile, found by the re-check of an unclear failure, or cancelled in part
 * at the PG itself. The PG's own cancels are recorded DONE, and a cancel of what is left is recorded (REQUESTED) for
 * the caller to send. When nothing is held of a cancelled key, the cancel that closed it is answered.
 */
@Service
public class PgHeldMoney {

    private static final Logger log = LoggerFactory.getLogger(PgHeldMoney.class);

    private final Payments payments;
    private final PaymentCancellations cancellations;
    private final PaymentTombstones tombstones;
    private final PaymentAnnouncements announcements;
    private final IdGenerator ids;
    private final Clock clock;
    private final CheckSchedule schedule;
    private final PgOutcomeMeter pgOutcomes;

    PgHeldMoney(
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
        this.pgOutcomes = new PgOutcomeMeter(meters);
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

    /**
     * Records (REQUESTED) a cancel of everything the PG still holds of {@code p}, in the caller's transaction, and
     * returns its id. Payment-service's own, without a reply; but with a tombstone {@code t} (may be null) whose
     * cancel awaits the confirm's outcome, the cancellation is that cancel's (its request id and correlation), and
     * its PG answer answers it.
     */
    long cancelTheRest(Payment p, PaymentTombstone t, String reason, Instant now) {
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

    /**
     * The confirm of a tombstoned key failed without anything held: its cancel, if still waiting, is answered (in the
     * caller's transaction).
     */
    void answerNothingHeld(Payment p, PaymentTombstone t, Instant now) {
        if (t.answered(now)) {
            announcements.cancelledNothingHeld(p, t, now);
        }
    }
}
