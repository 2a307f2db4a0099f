package com.creatorcommerce.payment.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Meters of the reconciliation job shared by the classes that record its outcomes. */
final class ReconciliationMeters {

    static final String FLAGGED = "payment.reconciliation.flagged";

    private ReconciliationMeters() {
    }

    /** Rows (payments, cancellations) flagged for ops after the attempt cap; counted once per row. */
    static Counter flagged(MeterRegistry meters) {
        return Counter.builder(FLAGGED)
                .description("Payments and cancellations still unresolved after the reconciliation attempt cap")
                .register(meters);
    }
}
