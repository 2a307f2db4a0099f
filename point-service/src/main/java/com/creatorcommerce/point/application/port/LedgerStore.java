package com.creatorcommerce.point.application.port;

import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.RecordedChange;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the wallet ledger is stored: a wallet's balance row and its immutable history rows, written in batches. Every
 * method runs in the caller's transaction.
 */
public interface LedgerStore {

    /**
     * Locks the wallet row of {@code userId} until the transaction ends (creating an empty wallet if needed); returns
     * its balance.
     */
    long lockWallet(long userId, Instant now);

    /** The ledger rows already recorded under any of {@code idempotencyKeys}, by key. */
    Map<String, RecordedChange> recorded(Collection<String> idempotencyKeys);

    /** Appends {@code rows} (in order, all of the locked wallet) and sets the wallet's balance once. */
    void append(long userId, List<PointTransaction> rows, long balanceAfter, Instant now);
}
