package com.creatorcommerce.payment.application;

import com.creatorcommerce.payment.adapter.out.persistence.PaymentCancellations;
import com.creatorcommerce.payment.adapter.out.persistence.Payments;
import com.creatorcommerce.payment.config.ReconciliationProperties;
import com.creatorcommerce.payment.domain.CancellationStatus;
import com.creatorcommerce.payment.domain.PaymentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Settles what was left without a known PG outcome: PENDING payments (status query; confirm again with the same
 * Idempotency-Key if the PG never saw it) and REQUESTED cancellations (sent again with their key). Runs every
 * {@code platform.payment.reconciliation.interval}; {@link #reconcile(Instant)} can be called directly (ops, tests).
 * Several instances may run it at once: every outcome is recorded on the locked row and only the first settlement
 * announces anything.
 */
@Service
public class PaymentReconciler {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);

    private final Payments payments;
    private final PaymentCancellations cancellations;
    private final ConfirmPaymentService confirms;
    private final CancelPaymentService cancels;
    private final ReconciliationProperties props;
    private final Clock clock;

    public record Report(int payments, int cancellations) {
    }

    PaymentReconciler(Payments payments, PaymentCancellations cancellations, ConfirmPaymentService confirms,
            CancelPaymentService cancels, ReconciliationProperties props, Clock clock, MeterRegistry meters,
            JdbcTemplate jdbc) {
        this.payments = payments;
        this.cancellations = cancellations;
        this.confirms = confirms;
        this.cancels = cancels;
        this.props = props;
        this.clock = clock;
        Gauge.builder("payment.pending", () -> count(jdbc,
                        "SELECT COUNT(*) FROM payments WHERE payment_status = 'PENDING'"))
                .description("Payments without a known PG outcome").register(meters);
        Gauge.builder("payment.cancellations.requested", () -> count(jdbc,
                        "SELECT COUNT(*) FROM payment_cancellations WHERE status = 'REQUESTED'"))
                .description("Cancellations without a known PG outcome").register(meters);
    }

    @Scheduled(initialDelayString = "${platform.payment.reconciliation.interval:PT30S}",
            fixedDelayString = "${platform.payment.reconciliation.interval:PT30S}")
    void scheduled() {
        if (!props.enabled()) {
            return;
        }
        try {
            Report r = reconcile(clock.instant().minus(props.minAge()));
            if (r.payments() + r.cancellations() > 0) {
                log.info("Reconciliation looked at {} payments and {} cancellations", r.payments(), r.cancellations());
            }
        } catch (RuntimeException e) {
            log.warn("Payment reconciliation failed: {}", e.toString());
        }
    }

    /** Settles PENDING payments and REQUESTED cancellations not looked at since {@code cutoff}. */
    public Report reconcile(Instant cutoff) {
        List<Long> pending = payments.findIdsToReconcile(PaymentStatus.PENDING, cutoff,
                PageRequest.of(0, props.batchSize()));
        for (long id : pending) {
            try {
                confirms.reconcile(id);
            } catch (RuntimeException e) {
                log.warn("Could not reconcile payment {}: {}", id, e.toString());
            }
        }
        List<Long> requested = cancellations.findIdsToReconcile(CancellationStatus.REQUESTED, cutoff,
                PageRequest.of(0, props.batchSize()));
        for (long id : requested) {
            try {
                cancels.execute(id);
            } catch (RuntimeException e) {
                log.warn("Could not reconcile cancellation {}: {}", id, e.toString());
            }
        }
        return new Report(pending.size(), requested.size());
    }

    private static double count(JdbcTemplate jdbc, String sql) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
