package com.creatorcommerce.payment.application;

import com.creatorcommerce.payment.application.port.PaymentCancellations;
import com.creatorcommerce.payment.application.port.Payments;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Settles what was left without a known PG outcome: PENDING payments (status query; confirm again with the same
 * Idempotency-Key if the PG never saw it), payments FAILED for an unclear reason (re-checked: money the PG holds after
 * all is given back) and REQUESTED cancellations (sent again with their key). Runs every
 * {@code platform.payment.reconciliation.interval}; {@link #reconcile(Instant)} can be called directly (ops, tests).
 *
 * <p>Every row carries its own next check time ({@code next_check_at}): held back while a PG call is in flight, then
 * backed off exponentially (capped) after each look that left the outcome unknown. A run takes the rows due, earliest
 * first, so a row the PG keeps failing on moves behind newer ones instead of starving them. A row still unresolved
 * after the attempt cap is flagged for ops ({@code attention_at}, an error log, {@code payment.reconciliation.flagged}
 * and the {@code payment.attention} gauge) and keeps being looked at every maximum delay: never silently dropped.
 * Several instances may run it at once: each row is claimed on its locked row before the PG is asked, every outcome
 * is recorded on the locked row and only the first settlement announces anything.
 */
@Service
public class PaymentReconciler {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);

    private final Payments payments;
    private final PaymentCancellations cancellations;
    private final SettlePaymentService settlements;
    private final CancelPaymentService cancels;
    private final PaymentOutcomes outcomes;
    private final ReconciliationProperties props;
    private final Clock clock;

    /** Rows looked at (claimed) in one run. */
    public record Report(int payments, int cancellations) {}

    PaymentReconciler(
            Payments payments,
            PaymentCancellations cancellations,
            SettlePaymentService settlements,
            CancelPaymentService cancels,
            PaymentOutcomes outcomes,
            ReconciliationProperties props,
            Clock clock) {
        this.payments = payments;
        this.cancellations = cancellations;
        this.settlements = settlements;
        this.cancels = cancels;
        this.outcomes = outcomes;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${platform.payment.reconciliation.interval:PT30S}",
            fixedDelayString = "${platform.payment.reconciliation.interval:PT30S}")
    void scheduled() {
        if (!props.enabled()) {
            return;
        }
        try {
            Report r = reconcile(clock.instant());
            if (r.payments() + r.cancellations() > 0) {
                log.info("Reconciliation looked at {} payments and {} cancellations", r.payments(), r.cancellations());
            }
        } catch (RuntimeException e) {
            log.warn("Payment reconciliation failed: {}", e.toString());
        }
    }

    /**
     * Looks at the payments and cancellations due at {@code dueBy} ({@code batch-size} of each, earliest due first).
     */
    public Report reconcile(Instant dueBy) {
        int lookedAt = 0;
        List<Long> due = payments.idsDue(dueBy, props.batchSize());
        for (long id : due) {
            if (!outcomes.claimCheck(id, dueBy)) {
                continue;
            }
            lookedAt++;
            try {
                settlements.reconcile(id);
            } catch (RuntimeException e) {
                log.warn("Could not reconcile payment {}: {}", id, e.toString());
                outcomes.stillUnknown(id, "reconciliation failed: " + e);
            }
        }
        int cancellationsLookedAt = 0;
        List<Long> requested = cancellations.idsDue(dueBy, props.batchSize());
        for (long id : requested) {
            if (!cancels.claimCheck(id, dueBy)) {
                continue;
            }
            cancellationsLookedAt++;
            try {
                cancels.execute(id);
            } catch (RuntimeException e) {
                log.warn("Could not reconcile cancellation {}: {}", id, e.toString());
                cancels.stillUnknown(id, "reconciliation failed: " + e);
            }
        }
        return new Report(lookedAt, cancellationsLookedAt);
    }
}
