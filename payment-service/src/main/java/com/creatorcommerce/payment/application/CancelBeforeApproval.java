package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.application.port.PaymentTombstones;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentTombstone;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A cancel of a payment key that has no approved payment: none yet (the confirm is still on its way), a PENDING one
 * (the confirm is at the PG) or a failed one holding nothing. The key gets a {@link PaymentTombstone}, so that no
 * later confirm of it is sent to the PG; the cancel is answered CANCELLED (nothing held) at once, or for a PENDING
 * payment once the confirm's outcome is known (an approval is then cancelled at the PG with this request). Runs in
 * the caller's transaction ({@link CancelPaymentService#accept}).
 */
@Component
class CancelBeforeApproval {

    private final PaymentTombstones tombstones;
    private final PaymentAnnouncements announcements;
    private final Clock clock;

    CancelBeforeApproval(PaymentTombstones tombstones, PaymentAnnouncements announcements, Clock clock) {
        this.tombstones = tombstones;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Closes the key of {@code cmd}, whose payment {@code p} (null when there is none yet) holds nothing approved. */
    void close(CancelPaymentCommand cmd, Payment p, String correlationId) {
        Optional<PaymentTombstone> existing = tombstones.lock(cmd.paymentKey());
        if (existing.isPresent()) {
            PaymentTombstone t = existing.get();
            if (!t.awaitingOutcome() && t.cancellationId() == null) {
                // the key was closed already and nothing is held: this cancel (a repeat, or another) is done too
                announcements.cancelledNothingHeld(p, withRequest(t, cmd, correlationId), clock.instant());
            } else if (!t.cancelRequestId().equals(cmd.cancelRequestId())) {
                announcements.cancelRefused(
                        p,
                        cmd,
                        PaymentFailureCode.NOT_CANCELLABLE,
                        "Cancel " + t.cancelRequestId() + " of this payment key is in progress");
            } // else: a repeat of the cancel awaiting the confirm's outcome, answered then
            return;
        }
        Instant now = clock.instant();
        PaymentTombstone t =
                PaymentTombstone.close(cmd.paymentKey(), cmd.cancelRequestId(), cmd.reason(), correlationId, p, now);
        tombstones.add(t);
        if (!t.awaitingOutcome()) {
            announcements.cancelledNothingHeld(p, t, now);
        }
    }

    /** {@code t} as answered to another cancel request of the same key (its own request id and correlation). */
    private static PaymentTombstone withRequest(PaymentTombstone t, CancelPaymentCommand cmd, String correlationId) {
        return PaymentTombstone.close(
                t.paymentKey(), cmd.cancelRequestId(), cmd.reason(), correlationId, null, t.createdAt());
    }
}
