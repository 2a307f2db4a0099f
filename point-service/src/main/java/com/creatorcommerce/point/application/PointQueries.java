package com.creatorcommerce.point.application;

import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.point.adapter.out.persistence.PointBalances;
import com.creatorcommerce.point.adapter.out.persistence.PointTransactions;
import com.creatorcommerce.point.domain.PointBalance;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.TransactionType;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of a user's wallet and ledger. */
@Service
public class PointQueries {

    private final PointBalances balances;
    private final PointTransactions transactions;

    PointQueries(PointBalances balances, PointTransactions transactions) {
        this.balances = balances;
        this.transactions = transactions;
    }

    public record Balance(long balance, Instant updatedAt) {
    }

    @Transactional(readOnly = true)
    public Balance balance(long userId) {
        Optional<PointBalance> b = balances.findById(userId);
        return b.map(x -> new Balance(x.balance(), x.updatedAt())).orElse(new Balance(0, null));
    }

    /** Newest first; {@code type} (any case) filters by CHARGE / USE / REFUND. Pages start at 1. */
    @Transactional(readOnly = true)
    public Page<PointTransaction> transactions(long userId, int page, int pageSize, String type) {
        PageRequest request = PageRequest.of(page - 1, pageSize);
        if (type == null || type.isBlank()) {
            return transactions.findPage(userId, request);
        }
        TransactionType t;
        try {
            t = TransactionType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_TRANSACTION_TYPE", "type is one of charge, use, refund");
        }
        return transactions.findPage(userId, t, request);
    }
}
