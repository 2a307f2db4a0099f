package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.application.port.PaymentCancellations;
import com.creatorcommerce.payment.application.port.PaymentGateway;
import com.creatorcommerce.payment.application.port.PaymentGateway.CancelOutcome;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.CancellationStatus;
import com.creatorcommerce.payment.domain.CheckSchedule;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import com.creatorcommerce.payment.domain.PaymentStatus;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancelling (fully or partly) an approved payment: {@link #accept} reserves the amount by recording a REQUESTED
 * cancellation on the locked payment (so concurrent cancels can never exceed what was approved), {@link #execute}
 * sends it to the PG with the cancellation's own Idempotency-Key and records the answer. An unknown answer leaves it
 * REQUESTED; the reconciliation job sends it again (same key: the PG cancels once), backing off per cancellation and
 * flagging it for ops after the attempt cap. A cancel of a key without an approved payment closes the key instead
 * ({@link CancelBeforeApproval}).
 */
@Service
public class CancelPaymentService {

    private static final Logger log = LoggerFactory.getLogger(CancelPaymentService.class);

    private final Payments payments;
    private final PaymentCancellations cancellations;
    private final CancelBeforeApproval beforeApproval;
    private final PaymentGateway gateway;
    private final PaymentAnnouncements announcements;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final CheckSchedule schedule;
    private final Counter flagged;

    CancelPaymentService(
            Payments payments,
            PaymentCancellations cancellations,
            CancelBeforeApproval beforeApproval,
            PaymentGateway gateway,
            PaymentAnnouncements announcements,
            IdGenerator ids,
            Clock clock,
            TransactionTemplate tx,
            CheckSchedule schedule,
            MeterRegistry meters) {
        this.payments = payments;
        this.cancellations = cancellations;
        this.beforeApproval = beforeApproval;
        this.gateway = gateway;
        this.announcements = announcements;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
        this.schedule = schedule;
        this.flagged = PaymentMeters.flagged(meters);
    }

    /**
     * Records the cancel in the caller's transaction; returns the cancellation to send, or empty when the command was
     * answered here (refused, or a repeat of a cancel already answered) or repeats one still in progress.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> accept(CancelPaymentCommand cmd, String correlationId) {
        if (cmd.paymentKey() == null
                || cmd.paymentKey().isBlank()
                || cmd.cancelRequestId() == null
                || cmd.cancelRequestId().isBlank()
                || cmd.cancelRequestId().length() > 200
                || (cmd.cancelAmount() != null && cmd.cancelAmount() <= 0)) {
            announcements.cancelRefused(
                    null,
                    cmd,
                    PaymentFailureCode.INVALID_COMMAND,
                    "payment_key and cancel_request_id are required; cancel_amount must be positive");
            return Optional.empty();
        }
        Optional<Payment> found = payments.lockByPaymentKey(cmd.paymentKey());
        if (found.isEmpty()) {
            beforeApproval.close(cmd, null, correlationId);
            return Optional.empty();
        }
        Payment p = found.get();
        Optional<PaymentCancellation> previous = cancellations.findByRequest(p.id(), cmd.cancelRequestId());
        if (previous.isPresent()) {
            PaymentCancellation c = previous.get();
            switch (c.status()) {
                case DONE -> announcements.cancelled(p, c, true);
                case FAILED -> announcements.cancelFailed(p, c);
                case REQUESTED -> {} // its answer is announced once the PG's is known
            }
            return Optional.empty();
        }
        // a failed payment holds nothing for the requester: what the PG may hold of it, payment-service gives back
        if (p.status() == PaymentStatus.PENDING || p.status() == PaymentStatus.FAILED) {
            beforeApproval.close(cmd, p, correlationId);
            return Optional.empty();
        }
        if (!p.status().isCancellable()) {
            announcements.cancelRefused(p, cmd, PaymentFailureCode.NOT_CANCELLABLE, "The payment is " + p.status());
            return Optional.empty();
        }
        long inFlight = cancellations.amountRequested(p.id());
        long available = p.cancellableAmount() - inFlight;
        long amount = cmd.cancelAmount() == null ? available : cmd.cancelAmount();
        if (amount <= 0 || amount > available) {
            announcements.cancelRefused(
                    p,
                    cmd,
                    PaymentFailureCode.CANCEL_AMOUNT_EXCEEDED,
                    "At most " + Math.max(available, 0) + " can be cancelled");
            return Optional.empty();
        }
        // the PG's full cancel (no cancelAmount) only when nothing was cancelled before: otherwise name the amount
        boolean full = inFlight == 0 && p.holding().cancelledAmount() == 0 && amount == p.cancellableAmount();
        Instant now = clock.instant();
        PaymentCancellation c = PaymentCancellation.request(
                ids.nextId(), p, cmd.cancelRequestId(), amount, full, cmd.reason(), true, correlationId, now);
        c.holdChecks(schedule, now);
        cancellations.add(c);
        return Optional.of(c.id());
    }

    /** Sends a REQUESTED cancellation to the PG and records the answer (call outside any transaction). */
    public void execute(long cancellationId) {
        PaymentCancellation c = cancellations.find(cancellationId).orElseThrow();
        if (c.status() != CancellationStatus.REQUESTED) {
            return;
        }
        Payment p = payments.find(c.paymentId()).orElseThrow();
        tx.executeWithoutResult(
                s -> cancellations.lock(cancellationId).ifPresent(x -> x.sent(schedule, clock.instant())));
        CancelOutcome outcome = gateway.cancel(
                p.requested().paymentKey(),
                c.requested().reason(),
                c.requested().full() ? null : c.requested().amount(),
                c.idempotencyKey());
        tx.executeWithoutResult(s -> record(cancellationId, c.paymentId(), outcome));
    }

    /** Payment row first, then the cancellation: the same lock order as {@link #accept}. */
    private void record(long cancellationId, long paymentId, CancelOutcome outcome) {
        Payment p = payments.lock(paymentId).orElseThrow();
        PaymentCancellation c = cancellations.lock(cancellationId).orElseThrow();
        Instant now = clock.instant();
        switch (outcome) {
            case CancelOutcome.Cancelled done -> {
                if (c.done(done.cancelledAt() == null ? now : done.cancelledAt())) {
                    p.cancelled(c.requested().amount(), now);
                    announcements.cancelled(p, c, false);
                }
            }
            case CancelOutcome.Rejected r -> {
                if (c.fail(r.code(), r.message(), now)) {
                    announcements.cancelFailed(p, c);
                }
            }
            case CancelOutcome.Unknown u -> stillUnknown(p, c, u.reason(), now);
        }
    }

    /** The reconciliation job takes a due cancellation: false when it is no longer due at {@code dueBy}. */
    public boolean claimCheck(long cancellationId, Instant dueBy) {
        return Boolean.TRUE.equals(tx.execute(s -> cancellations
                .lock(cancellationId)
                .map(c -> c.claimCheck(dueBy, schedule, clock.instant()))
                .orElse(false)));
    }

    /** Sending it failed before any PG answer (the reconciliation job sends it again later). */
    public void stillUnknown(long cancellationId, String reason) {
        tx.executeWithoutResult(s -> cancellations
                .lock(cancellationId)
                .ifPresent(c -> stillUnknown(payments.find(c.paymentId()).orElseThrow(), c, reason, clock.instant())));
    }

    private void stillUnknown(Payment p, PaymentCancellation c, String reason, Instant now) {
        if (c.stillUnknown(reason, schedule, now)) {
            flagged.increment();
            log.error(
                    "CANCELLATION NEEDS ATTENTION: cancellation {} of {} of payment {} ({}) is still unresolved "
                            + "after {} attempts: {}. Sent again every {}.",
                    c.id(),
                    c.requested().amount(),
                    p.id(),
                    p.requested().paymentKey(),
                    c.attempts(),
                    reason,
                    schedule.maxDelay());
        }
    }
}
