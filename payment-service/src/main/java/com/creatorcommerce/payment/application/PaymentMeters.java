package com.creatorcommerce.payment.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * payment-service's counters, shared by the classes that record what the PG said:
 * <ul>
 *   <li>{@code payment.pg.outcomes{outcome}}: what became of a payment at the PG, counted once the transaction that
 *       records it commits. {@code approved} and {@code declined}: the PG's answer settled a pending payment at once
 *       (the confirm's answer, or the status query right after an unknown one; an approval for a wrong amount or of a
 *       key cancelled meanwhile is {@code approved} at the PG, then given back); {@code reconciled}: a pending payment
 *       settled only after a look had left its outcome unknown (the reconciliation job's); {@code unknown}: a look at
 *       the PG (confirm, status query, re-check) that left the outcome unknown, once per look. Each payment is
 *       counted once as approved, declined or reconciled.</li>
 *   <li>{@code payment.reconciliation.flagged}: payments and cancellations still unresolved after the attempt cap,
 *       once per row.</li>
 * </ul>
 */
final class PaymentMeters {

    static final String PG_OUTCOMES = "payment.pg.outcomes";
    static final String FLAGGED = "payment.reconciliation.flagged";

    /** The {@code outcome} tag of {@code payment.pg.outcomes}. */
    enum PgOutcome {
        APPROVED, DECLINED, UNKNOWN, RECONCILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PaymentMeters() {
    }

    /** Rows (payments, cancellations) flagged for ops after the attempt cap; counted once per row. */
    static Counter flagged(MeterRegistry meters) {
        return Counter.builder(FLAGGED)
                .description("Payments and cancellations still unresolved after the reconciliation attempt cap")
                .register(meters);
    }

    /** {@code payment.pg.outcomes}, every outcome registered (at 0) up front. */
    static Map<PgOutcome, Counter> pgOutcomes(MeterRegistry meters) {
        Map<PgOutcome, Counter> counters = new EnumMap<>(PgOutcome.class);
        for (PgOutcome outcome : PgOutcome.values()) {
            counters.put(outcome, Counter.builder(PG_OUTCOMES).tag("outcome", outcome.tag())
                    .description("What became of payments at the PG: approved, declined, reconciled once each; "
                            + "unknown per look that left the outcome unknown")
                    .register(meters));
        }
        return counters;
    }

    /** Increments {@code counter} once the current transaction commits (at once without one). */
    static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
