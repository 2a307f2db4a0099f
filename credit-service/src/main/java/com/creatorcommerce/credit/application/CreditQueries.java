package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.port.CreditHistory;
import com.creatorcommerce.credit.application.port.WalletBalance;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.platform.kernel.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's wallet: balance with its totals, and history newest first. */
@Service
public class CreditQueries {

    private final CreditHistory history;

    CreditQueries(CreditHistory history) {
        this.history = history;
    }

    @Transactional(readOnly = true)
    public WalletBalance balance(long userId) {
        return history.balance(userId).orElseGet(WalletBalance::empty);
    }

    /** @param type null for every type */
    @Transactional(readOnly = true)
    public Page<CreditHistoryEntry> history(long userId, TransactionType type, int page, int pageSize) {
        return history.history(userId, type, page, pageSize);
    }
}
