package com.creatorcommerce.payment.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * payment-service's counters, shared by the classes that record what the PG said: {@code payment.pg.outcomes}
 * ({@link PgOutcomeMeter}) and {@code payment.reconciliation.flagged} (payments and cancellations still unresolved
 * after the attempt cap, once per row).
 */
final class PaymentMeters {

    static final String FLAGGED = "payment.reconciliation.flagged";

    private PaymentMeters() {}

    /** Rows (payments, cancellations) flagged for ops after the attempt cap; counted once per row. */
    static Counter flagged(MeterRegistry meters) {
        return Counter.builder(FLAGGED)
                .description("Payments and cancellations still unresolved after the reconciliation attempt cap")
                .register(meters);
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
