package com.creatorcommerce.point.application;

import com.creatorcommerce.point.application.port.Paged;
import com.creatorcommerce.point.application.port.PointHistory;
import com.creatorcommerce.point.application.port.Wallets;
import com.creatorcommerce.point.domain.PointRefusal;
import com.creatorcommerce.point.domain.PointRefusedException;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.TransactionType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of a user's wallet and ledger. */
@Service
public class PointQueries {

    private final Wallets wallets;
    private final PointHistory history;

    PointQueries(Wallets wallets, PointHistory history) {
        this.wallets = wallets;
        this.history = history;
    }

    /** A wallet's balance; 0 (and no update time) for a user who never had points. */
    public record Balance(long balance, Instant updatedAt) {}

    @Transactional(readOnly = true)
    public Balance balance(long userId) {
        return wallets.find(userId)
                .map(x -> new Balance(x.balance(), x.updatedAt()))
                .orElse(new Balance(0, null));
    }

    /**
     * Newest first; {@code type} (any case) filters by CHARGE / USE / REFUND. Pages start at 1.
     *
     * @throws PointRefusedException INVALID_TRANSACTION_TYPE for a type that is none of these
     */
    @Transactional(readOnly = true)
    public Paged<PointTransaction> transactions(long userId, int page, int pageSize, String type) {
        Optional<TransactionType> filter = Optional.empty();
        if (type != null && !type.isBlank()) {
            filter = Optional.of(TransactionType.parse(type)
                    .orElseThrow(() -> new PointRefusedException(
                            PointRefusal.INVALID_TRANSACTION_TYPE, "type is one of charge, use, refund")));
        }
        return history.page(userId, filter, page, pageSize);
    }
}
