package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.platform.kernel.Page;
import java.util.Optional;

/** Reading wallets and their history (tables {@code credits}, {@code credit_history}). */
public interface CreditHistory {

    Optional<WalletBalance> balance(long userId);

    /** The user's history rows, newest first, optionally of one type. */
    Page<CreditHistoryEntry> history(long userId, TransactionType type, int page, int pageSize);

    Optional<CreditHistoryEntry> entry(long id);
}
