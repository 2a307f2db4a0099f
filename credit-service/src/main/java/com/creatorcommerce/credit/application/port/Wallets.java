package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditLot;
import com.creatorcommerce.credit.domain.CreditWallet;
import com.creatorcommerce.credit.domain.LotBook;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wallets (table {@code credits}) and their ledger (table {@code credit_history}) as the ledger writes them, in
 * the caller's transaction.
 */
public interface Wallets {

    /** Reads the wallet with its row locked until the transaction ends; empty when the user has none yet. */
    Optional<CreditWallet> lock(long userId);

    /** Creates an empty wallet for the user unless one exists (a concurrent creator wins without an error). */
    void createIfAbsent(long walletId, long userId, Instant now);

    /** The history rows that already carry these idempotency keys, by key. */
    Map<String, CreditHistoryEntry> findByIdempotencyKeys(Collection<String> keys);

    /** Inserts history rows (one batch). */
    void append(List<CreditHistoryEntry> rows);

    /**
     * Writes balance, totals and version back, only if the stored version is still
     * {@link CreditWallet#loadedVersion()}.
     *
     * @return false when the version changed meanwhile (a conflict): nothing written
     */
    boolean save(CreditWallet wallet, Instant now);

    /**
     * The wallet's lots with credits left, oldest first (purchased_at, id), locked until the transaction ends. Called
     * after {@link #lock}: the wallet's row lock already serialises every change of its lots (ADR 14).
     */
    List<CreditLot> lockOpenLots(long userId);

    /** Writes what a batch did to the lots: new lots, changed remaining and status, the usage rows. */
    void writeLots(LotBook book, Instant now);
}
