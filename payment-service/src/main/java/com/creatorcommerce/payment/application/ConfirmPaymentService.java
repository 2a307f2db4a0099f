package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.application.port.PaymentTombstones;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.CheckSchedule;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentStatus;
import com.creatorcommerce.payment.domain.PaymentTombstone;
import com.creatorcommerce.payment.domain.RequestedPayment;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirming a payment at the PG, in two steps so that no transaction stays open during the PG call:
 * {@link #accept} records the payment PENDING (in the command's inbox transaction), then
 * {@link SettlePaymentService#settle} calls the PG and records the outcome. A payment key cancelled before its
 * approval ({@link PaymentTombstone}) is never approved: a confirm arriving after the cancel is refused here, one
 * already at the PG fails and what the PG approved is cancelled.
 */
@Service
public class ConfirmPaymentService {

    static final int MAX_KEY_LENGTH = 200;

    private final Payments payments;
    private final PaymentTombstones tombstones;
    private final PaymentAnnouncements announcements;
    private final IdGenerator ids;
    private final Clock clock;
    private final CheckSchedule schedule;

    ConfirmPaymentService(
            Payments payments,
            PaymentTombstones tombstones,
            PaymentAnnouncements announcements,
            IdGenerator ids,
            Clock clock,
            CheckSchedule schedule) {
        this.payments = payments;
        this.tombstones = tombstones;
        this.announcements = announcements;
        this.ids = ids;
        this.clock = clock;
        this.schedule = schedule;
    }

    /**
     * Records the payment for {@code cmd} in the caller's transaction. Returns its id when the PG must now be asked;
     * empty when the command was answered here (invalid, key used by another payment, a repeat of a settled payment)
     * or a repeat of a payment still in progress (its outcome will be announced once known).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> accept(ConfirmPaymentCommand cmd, String correlationId) {
        String invalid = validate(cmd);
        if (invalid != null) {
            announcements.refused(cmd, PaymentFailureCode.INVALID_COMMAND, invalid, clock.instant());
            return Optional.empty();
        }
        Optional<Payment> existing = payments.findByPaymentKey(cmd.paymentKey());
        if (existing.isPresent()) {
            Payment p = existing.get();
            if (!p.requested()
                    .sameAs(
                            Purposes.toDomain(cmd.purpose()),
                            cmd.referenceId(),
                            cmd.userId(),
                            cmd.amount(),
                            cmd.currency())) {
                announcements.refused(
                        cmd,
                        PaymentFailureCode.PAYMENT_KEY_CONFLICT,
                        "The payment key belongs to another payment",
                        clock.instant());
            } else if (p.status() == PaymentStatus.CANCELLED) {
                // a confirm sent again after its payment was cancelled (e.g. by the saga's compensation): not approved
                announcements.refusedCancelled(p, "The payment was approved, then cancelled");
            } else if (p.status() != PaymentStatus.PENDING) {
                announcements.outcome(p, true); // a repeat: the same answer again, no second charge
            }
            return Optional.empty();
        }
        Optional<PaymentTombstone> closed = tombstones.lock(cmd.paymentKey());
        if (closed.isPresent()) {
            // the key was cancelled before this confirm arrived: refused, never sent to the PG
            announcements.refused(cmd, PaymentTombstone.CODE, closed.get().refusal(), clock.instant());
            return Optional.empty();
        }
        Instant now = clock.instant();
        RequestedPayment requested = RequestedPayment.of(
                cmd.paymentKey(),
                Purposes.toDomain(cmd.purpose()),
                cmd.referenceId(),
                cmd.userId(),
                cmd.amount(),
                cmd.currency(),
                correlationId);
        Payment p = Payment.request(ids.nextId(), requested, now);
        p.holdChecks(schedule, now); // if this instance dies before the PG answers, the reconciliation job takes over
        payments.add(p);
        return Optional.of(p.id());
    }

    private static String validate(ConfirmPaymentCommand cmd) {
        if (cmd.paymentKey() == null
                || cmd.paymentKey().isBlank()
                || cmd.paymentKey().length() > MAX_KEY_LENGTH) {
            return "payment_key must be 1 to " + MAX_KEY_LENGTH + " characters";
        }
        if (cmd.purpose() == null) {
            return "purpose is required";
        }
        if (cmd.amount() <= 0) {
            return "amount must be positive";
        }
        if (cmd.userId() <= 0) {
            return "user_id must be positive";
        }
        if (!RequestedPayment.isCurrencyCode(cmd.currency())) {
            // never a silent KRW: a present but malformed code is refused like any other invalid field
            return "currency must be an ISO 4217 code (three upper-case letters), absent for KRW";
        }
        return null;
    }
}
