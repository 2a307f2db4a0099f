package com.creatorcommerce.point.application.ledger;

import com.creatorcommerce.contracts.point.PointRejectionReason;
import com.creatorcommerce.point.domain.TransactionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the points wallets did, counted once it is committed: {@code point.wallet.operations{type}} (a change applied
 * to a wallet: {@code charge}, {@code use}, {@code refund}; a repeated step that was applied before is not counted
 * again) and {@code point.wallet.refusals{reason}} (a wallet step refused: {@code insufficient_points},
 * {@code invalid_command}, {@code conflicting_command}). Every tag value is registered at 0 up front.
 */
@Component
public class WalletMeters {

    static final String OPERATIONS = "point.wallet.operations";
    static final String REFUSALS = "point.wallet.refusals";

    private final Map<TransactionType, Counter> operations = new EnumMap<>(TransactionType.class);
    private final Map<PointRejectionReason, Counter> refusals = new EnumMap<>(PointRejectionReason.class);

    WalletMeters(MeterRegistry meters) {
        for (TransactionType type : TransactionType.values()) {
            operations.put(
                    type,
                    Counter.builder(OPERATIONS)
                            .tag("type", tag(type))
                            .description("Changes applied to points wallets, by type")
                            .register(meters));
        }
        for (PointRejectionReason reason : PointRejectionReason.values()) {
            refusals.put(
                    reason,
                    Counter.builder(REFUSALS)
                            .tag("reason", tag(reason))
                            .description("Wallet steps refused, by reason")
                            .register(meters));
        }
    }

    /** A change of {@code type} was applied (call after its transaction committed). */
    void applied(TransactionType type) {
        operations.get(type).increment();
    }

    /** A wallet step was refused for {@code reason}: counted when the current transaction commits. */
    public void refused(PointRejectionReason reason) {
        Counter counter = refusals.get(reason);
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

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
