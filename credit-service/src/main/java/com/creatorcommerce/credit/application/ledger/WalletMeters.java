package com.creatorcommerce.credit.application.ledger;

import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.TransactionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The wallet's business counters (issue 14; the dashboard reads exactly these names), counted once a wallet
 * transaction has committed, per entry:
 * <ul>
 *   <li>{@code credit.wallet.operations{type}}: changes applied, by history type ({@code purchase}, {@code usage},
 *       {@code donation}, {@code refund}, {@code bonus}); a repeat of an applied change (same idempotency key) is not
 *       counted again;</li>
 *   <li>{@code credit.wallet.refusals{reason}}: changes the wallet refused, nothing written: {@code
 *       INSUFFICIENT_CREDITS} (a debit above the balance), {@code LOT_CHANGED} (a refund whose lot was spent from
 *       meanwhile; the refund reads it again) and {@code CREDIT_WALLET_BUSY} (not written after the last retry).</li>
 * </ul>
 * Every series exists from the start (at 0), so a dashboard's rate shows 0 rather than no data.
 */
final class WalletMeters {

    static final String OPERATIONS = "credit.wallet.operations";
    static final String REFUSALS = "credit.wallet.refusals";
    static final String LOT_CHANGED = "LOT_CHANGED";

    private final Map<TransactionType, Counter> operations = new EnumMap<>(TransactionType.class);
    private final Counter insufficient;
    private final Counter lotChanged;
    private final Counter busy;

    WalletMeters(MeterRegistry meters) {
        for (TransactionType type : TransactionType.values()) {
            operations.put(
                    type,
                    Counter.builder(OPERATIONS)
                            .tag("type", type.wireName())
                            .description("Wallet changes applied (credit_history rows written), by type")
                            .register(meters));
        }
        insufficient = refusals(meters, CreditRefusal.INSUFFICIENT_CREDITS.name());
        lotChanged = refusals(meters, LOT_CHANGED);
        busy = refusals(meters, CreditRefusal.CREDIT_WALLET_BUSY.name());
    }

    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder(REFUSALS)
                .tag("reason", reason)
                .description("Wallet changes refused, nothing written, by reason")
                .register(meters);
    }

    /** One entry's committed outcome. */
    void record(LedgerEntry entry, LedgerOutcome outcome) {
        switch (outcome) {
            case LedgerOutcome.Applied a -> operations.get(a.entry().type()).increment();
            case LedgerOutcome.Insufficient i ->
                (entry.change().fromLot() != null ? lotChanged : insufficient).increment();
            case LedgerOutcome.AlreadyApplied ignored -> {}
            case LedgerOutcome.NotAdmitted ignored -> {}
        }
    }

    /** An entry of a batch given up as busy. */
    void busy() {
        busy.increment();
    }
}
