package com.creatorcommerce.payment.application;

import com.creatorcommerce.payment.domain.Payment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code payment.pg.outcomes{outcome}}: what became of payments at the PG, counted once the transaction that records
 * it commits. {@code approved} and {@code declined}: the PG's answer settled a pending payment at once (the confirm's
 * answer, or the status query right after an unknown one; an approval for a wrong amount or of a key cancelled
 * meanwhile is {@code approved} at the PG, then given back); {@code reconciled}: a pending payment settled only after
 * a look had left its outcome unknown (by the reconciliation job); {@code unknown}: a look at the PG (confirm, status
 * query, re-check) that left the outcome unknown, once per look. Each payment is counted once as approved, declined
 * or reconciled. Every outcome is registered at 0 up front.
 */
final class PgOutcomeMeter {

    static final String NAME = "payment.pg.outcomes";

    /** The {@code outcome} tag. */
    enum PgOutcome {
        APPROVED,
        DECLINED,
        UNKNOWN,
        RECONCILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<PgOutcome, Counter> counters = new EnumMap<>(PgOutcome.class);

    PgOutcomeMeter(MeterRegistry meters) {
        for (PgOutcome outcome : PgOutcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder(NAME)
                            .tag("outcome", outcome.tag())
                            .description("What became of payments at the PG: approved, declined, reconciled once each; "
                                    + "unknown per look that left the outcome unknown")
                            .register(meters));
        }
    }

    /** The pending payment {@code p} was settled: {@code outcome}, or reconciled if a look had left it unknown. */
    void settled(Payment p, PgOutcome outcome) {
        PaymentMeters.afterCommit(counters.get(p.looks().checkAttempts() > 0 ? PgOutcome.RECONCILED : outcome));
    }

    /** A look at the PG left the outcome unknown. */
    void unknownLook() {
        PaymentMeters.afterCommit(counters.get(PgOutcome.UNKNOWN));
    }
}
