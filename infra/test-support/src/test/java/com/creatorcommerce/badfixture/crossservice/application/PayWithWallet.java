package com.creatorcommerce.badfixture.crossservice.application;

import com.creatorcommerce.badfixture.otherservice.domain.Wallet;

/** Breaks "no other service's code": it reads another service's domain class. */
public class PayWithWallet {

    public boolean affordable(Wallet wallet, long amount) {
        return wallet.balance() >= amount;
    }
}
