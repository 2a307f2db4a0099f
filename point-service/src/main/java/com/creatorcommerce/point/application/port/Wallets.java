package com.creatorcommerce.point.application.port;

import com.creatorcommerce.point.domain.PointBalance;
import java.util.Optional;

/** Reads of wallets (table {@code point_balances}); balances change through {@link LedgerStore} only. */
public interface Wallets {

    Optional<PointBalance> find(long userId);
}
