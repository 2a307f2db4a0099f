package com.creatorcommerce.point.application.port;

import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.TransactionType;
import java.util.Optional;

/** Reads of the ledger (table {@code point_transactions}); rows are written by {@link LedgerStore} only. */
public interface PointHistory {

    Optional<PointTransaction> findByIdempotencyKey(String idempotencyKey);

    /** A user's rows, newest first (the Snowflake id breaks ties of one batch), optionally of one type. */
    Paged<PointTransaction> page(long userId, Optional<TransactionType> type, int page, int pageSize);
}
